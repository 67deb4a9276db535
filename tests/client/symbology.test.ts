/**
 * Colour by status and the coverage choropleth are valid MapLibre style data in every theme and
 * language, and colour what they should: the status of now, or of the chosen day, with projects not
 * yet recorded greyed and faded.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '#shared/taxonomy.ts';
import { classify } from '../../client/coverage/class-breaks.ts';
import { choroplethColor, choroplethLayers, choroplethOutlineWidth, classColors, NONE_COLOR } from '../../client/coverage/choropleth.ts';
import { colourExpression, NOT_RECORDED_COLOR, statusCounts, symbologyLooks, type Symbology } from '../../client/coverage/symbology.ts';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { categoryColor, edgeColor, PROJECT_SOURCE, projectLayers } from '../../client/map/project-layers.ts';

const SYMBOLOGIES: [string, Symbology][] = [
  ['category', { by: 'category' }],
  ['status now', { by: 'status', asOf: null }],
  ['status on a day', { by: 'status', asOf: new Map([['tianjin-port', 'operation'], ['jingtang-intercity', 'construction']]) }],
  ['status on a day before any record', { by: 'status', asOf: new Map() }],
];

/** The style as the map has it after applyLook: the looks merged into the project layers. */
function styleWith(s: Symbology, theme: 'light' | 'contrast', lang: 'zh' | 'en') {
  const base = basemapStyle({ theme, lang, baseUrl: 'http://127.0.0.1:8787' });
  const layers = projectLayers(lang, theme);
  const looks = new Map(symbologyLooks(layers, s).map((l) => [l.id, l]));
  const merged = layers.map((l) => {
    const look = looks.get(l.id);
    if (!look) return l;
    const paint = Object.fromEntries(Object.entries({ ...('paint' in l ? l.paint : {}), ...look.paint }).filter(([, v]) => v !== undefined));
    const layout = { ...('layout' in l ? l.layout : {}), ...(look.visible === undefined ? {} : { visibility: look.visible ? 'visible' : 'none' }) };
    return { ...l, paint, layout } as typeof l;
  });
  const classes = classify({ tianjin: 30, hebei: 12, beijing: 9, shandong: 2 }, ['tianjin', 'hebei', 'beijing', 'shandong', 'shanxi']);
  const choropleth = choroplethLayers(theme).map((l) =>
    l.type === 'fill' ? { ...l, paint: { ...l.paint, 'fill-color': choroplethColor(classes) } } : l.type === 'line' ? { ...l, paint: { ...l.paint, 'line-width': choroplethOutlineWidth(['hebei']) } } : l,
  );
  return {
    ...base,
    sources: { ...base.sources, [PROJECT_SOURCE]: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
    layers: [...base.layers, ...choropleth, ...merged],
  };
}

describe('status symbology', () => {
  for (const [name, s] of SYMBOLOGIES) {
    for (const theme of ['light', 'contrast'] as const) {
      it(`is valid style data: ${name}, ${theme}`, () => {
        expect(validateStyleMin(styleWith(s, theme, 'zh'))).toEqual([]);
      });
    }
  }

  it('colours every category-coloured layer by status, and swaps the point icons for status dots', () => {
    const layers = projectLayers('zh', 'light');
    const looks = symbologyLooks(layers, { by: 'status', asOf: null });
    const status = colourExpression({ by: 'status', asOf: null });
    for (const l of layers.filter((x) => x.id !== 'projects-point-status')) {
      const paint = ('paint' in l ? l.paint : {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(paint)) {
        if (v === categoryColor) expect(looks.find((x) => x.id === l.id)?.paint[k], `${l.id} ${k}`).toEqual(status);
      }
    }
    expect(looks.find((l) => l.id === 'projects-point')?.visible).toBe(false);
    expect(looks.find((l) => l.id === 'projects-point-status')?.visible).toBe(true);
    // a light hue's darker edge takes the status too; the pale category tint between dashes goes
    for (const l of layers) {
      const paint = ('paint' in l ? l.paint : {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(paint)) {
        if (v === edgeColor) expect(looks.find((x) => x.id === l.id)?.paint[k], `${l.id} ${k}`).toEqual(status);
      }
    }
    expect(looks.find((l) => l.id === 'projects-line-edge-fill')?.visible).toBe(false);
    expect(JSON.stringify(status)).toContain(STATUSES.construction.color);
    // Back to categories: icons on, dots off, category colours.
    const back = symbologyLooks(layers, { by: 'category' });
    expect(back.find((l) => l.id === 'projects-point')?.visible).toBe(true);
    expect(back.find((l) => l.id === 'projects-line')?.paint['line-color']).toBe(categoryColor);
    expect(back.find((l) => l.id === 'projects-line-edge')?.paint['line-color']).toBe(edgeColor);
    expect(back.find((l) => l.id === 'projects-line-edge-fill')?.visible).toBe(true);
  });

  it('on a day, colours each project by its status then and greys the ones not yet recorded', () => {
    const e = colourExpression({ by: 'status', asOf: new Map([['a', 'operation'], ['b', 'study'], ['c', 'operation']]) }) as unknown[];
    expect(e.slice(0, 2)).toEqual(['match', ['get', 'id']]);
    expect(e).toContainEqual(['a', 'c']);
    expect(e[e.indexOf(e.find((x) => JSON.stringify(x) === '["a","c"]')) + 1]).toBe(STATUSES.operation.color);
    expect(e.at(-1)).toBe(NOT_RECORDED_COLOR);
    expect(colourExpression({ by: 'status', asOf: new Map() })).toEqual(['to-color', NOT_RECORDED_COLOR]);
    const looks = symbologyLooks(projectLayers('zh', 'light'), { by: 'status', asOf: new Map([['a', 'operation']]) });
    expect(JSON.stringify(looks.find((l) => l.id === 'projects-line')!.paint['line-opacity'])).toContain('["in",["get","id"],["literal",["a"]]]');
  });

  it('counts the shown projects by status, now or on a day', () => {
    const shown = [
      { id: 'a', status: 'operation' },
      { id: 'b', status: 'construction' },
      { id: 'c', status: 'construction' },
    ];
    expect(statusCounts(shown, null)).toEqual({ operation: 1, construction: 2 });
    expect(statusCounts(shown, new Map([['a', 'planned'], ['b', 'construction']]))).toEqual({ planned: 1, construction: 1, none: 1 });
  });
});

describe('choropleth colours', () => {
  it('gives each class its colour, light to dark, and every other province "none"', () => {
    const c = classify({ tianjin: 30, hebei: 12, shandong: 2 }, ['tianjin', 'hebei', 'shandong', 'shanxi'], 3);
    const e = choroplethColor(c) as unknown[];
    const colors = classColors(3);
    expect(e).toEqual(['match', ['get', 'id'], ['shandong'], colors[0], ['hebei'], colors[1], ['tianjin'], colors[2], NONE_COLOR]);
    expect(choroplethColor(classify({}, ['tianjin']))).toEqual(['to-color', NONE_COLOR]);
  });
});
