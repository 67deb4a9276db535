/**
 * One shader program per layer type on the first map (client/map/program-variants.ts): every layer
 * drawn at start binds each paint property the same way as the other layers of its type (a uniform
 * for a constant or zoom curve, a per-feature attribute, or a per-feature zoom curve), as MapLibre
 * keys its programs. A layer that broke the rule would make SwiftShader compile one more program.
 */
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { badgeLayers, HIGHLIGHT_LAYERS, projectLayers } from '../../client/map/project-layers.ts';
import { perFeature, perFeatureCurve, withAlpha } from '../../client/map/program-variants.ts';

/** The paint properties MapLibre binds in each program (the rest are uniforms of every program). */
const BOUND: Record<string, string[]> = {
  fill: ['fill-color', 'fill-opacity', 'fill-outline-color'],
  line: ['line-color', 'line-opacity', 'line-width', 'line-gap-width', 'line-blur', 'line-offset'],
  circle: ['circle-radius', 'circle-color', 'circle-blur', 'circle-opacity', 'circle-stroke-width', 'circle-stroke-color', 'circle-stroke-opacity'],
  symbol: ['text-color', 'text-halo-color', 'text-halo-width', 'text-halo-blur', 'text-opacity'],
};
const BINDING = { constant: 'u', camera: 'u', source: 'a', composite: 'z' } as const;

/** How a layer's paint binds, as MapLibre's program key spells it (e.g. "line/a_line-color/z_line-width"). */
function programKey(layer: LayerSpecification): string {
  const paint = ('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
  const specs = (latest as unknown as Record<string, Record<string, object>>)[`paint_${layer.type}`]!;
  const binds = (BOUND[layer.type] ?? []).map((p) => {
    // An unset outline colour is the fill colour (MapLibre copies it).
    const value = p === 'fill-outline-color' && paint?.[p] === undefined ? paint?.['fill-color'] : paint?.[p];
    if (value === undefined) return `u_${p}`;
    const e = createPropertyExpression(value, `${layer.id}.paint.${p}`, specs[p] as never);
    if (e.result !== 'success') throw new Error(`${layer.id} ${p}: ${JSON.stringify(e.value)}`);
    return `${BINDING[e.value.kind]}_${p}`;
  });
  const dashed = paint?.['line-dasharray'] !== undefined ? 'SDF' : '';
  const icon = layer.type === 'symbol' && !(layer.layout && 'text-field' in layer.layout) ? 'Icon' : '';
  return [`${layer.type}${dashed}${icon}`, ...binds].join('/');
}

/** The layers the first map draws: the basemap, the project layers shown at start and the count badges. */
const drawnAtStart = (theme: 'light' | 'contrast', lang: 'zh' | 'en') =>
  [...basemapStyle({ theme, lang, baseUrl: 'http://127.0.0.1:1' }).layers, ...projectLayers(lang, theme), ...badgeLayers(theme)].filter(
    (l) => l.type !== 'background' && !HIGHLIGHT_LAYERS.includes(l.id) && l.layout?.visibility !== 'none',
  );

describe('shader programs of the first map', () => {
  for (const theme of ['light', 'contrast'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${theme} / ${lang}: one program per layer type (lines: solid and dashed)`, () => {
        const byProgram = new Map<string, string[]>();
        for (const l of drawnAtStart(theme, lang)) {
          const key = programKey(l);
          const name = key.split('/')[0]!;
          byProgram.set(name, [...(byProgram.get(name) ?? []), key]);
        }
        for (const [name, keys] of byProgram) expect(new Set(keys).size, `${name}: ${[...new Set(keys)].join(' | ')}`).toBe(1);
        expect([...byProgram.keys()].sort()).toEqual(['circle', 'fill', 'line', 'lineSDF', 'symbol', 'symbolIcon']);
      });
    }
  }

  it('binds a constant per feature, with the same value for every feature', () => {
    const colour = createPropertyExpression(perFeature('#123456'), 'colour', latest.paint_line['line-color'] as never);
    const width = createPropertyExpression(perFeatureCurve([[4, 1], [10, 3]]), 'width', latest.paint_line['line-width'] as never);
    if (colour.result !== 'success' || width.result !== 'success') throw new Error('invalid');
    expect(colour.value.kind).toBe('source');
    expect(width.value.kind).toBe('composite');
    const f = (properties: Record<string, unknown>) => ({ type: 2 as const, properties, geometry: [] });
    for (const feature of [f({}), f({ _: 1, category: 'x' })]) {
      expect(colour.value.evaluate({ zoom: 5 }, feature as never)).toMatchObject({ r: 0x12 / 255, g: 0x34 / 255, b: 0x56 / 255, a: 1 });
      expect(width.value.evaluate({ zoom: 7 }, feature as never)).toBe(2);
    }
    expect(withAlpha('#9dbfd6', 0.6)).toBe('rgba(157,191,214,0.6)');
  });
});
