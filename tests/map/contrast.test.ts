/**
 * WCAG contrast of the map's colours, computed from the palettes and the taxonomy: text at 4.5:1
 * and the symbols a reader needs (boundaries, city dots, the stacked-point badge) at 3:1 against
 * every fill they can sit on, in both themes; every category's symbol by its fill or its edge.
 */
import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '#shared/taxonomy.ts';
import { PALETTES, type BasemapTheme } from '../../client/map/basemap-palettes.ts';
import { contrast, luminance, over } from '../../client/map/colour.ts';
import { badgeLayers, projectLayers } from '../../client/map/project-layers.ts';
import { drawSymbol, LAND_FILLS, SYMBOL_EDGE } from '../../client/map/symbols.ts';

const THEMES: BasemapTheme[] = ['light', 'contrast'];
/** The land fills a label or a symbol can sit on. */
const fills = (t: BasemapTheme) => {
  const p = PALETTES[t];
  return { land: p.land, province: p.province, plan: p.plan, neighbour: p.neighbour };
};
const paintOf = (id: string, key: string, t: BasemapTheme) => {
  const layer = [...projectLayers('zh', t), ...badgeLayers(t)].find((l) => l.id === id) as { paint?: Record<string, unknown> };
  return layer.paint?.[key] as string;
};

describe('contrast of the basemap and the project labels', () => {
  for (const t of THEMES) {
    const p = PALETTES[t];
    it(`${t}: every label colour reads at 4.5:1 on every land fill`, () => {
      const texts = { label: p.label, labelPlan: p.labelPlan, labelFaint: p.labelFaint, project: paintOf('projects-label', 'text-color', t) };
      for (const [name, colour] of Object.entries(texts)) {
        for (const [where, bg] of Object.entries(fills(t))) expect(contrast(colour, bg), `${name} on ${where}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${t}: boundaries and city dots stand at 3:1 on every land fill`, () => {
      const symbols = { provinceLine: p.provinceLine, countryLine: p.countryLine, cityDot: p.cityDot, cityDotMajor: p.cityDotMajor };
      for (const [name, colour] of Object.entries(symbols)) {
        for (const [where, bg] of Object.entries(fills(t))) expect(contrast(colour, bg), `${name} on ${where}`).toBeGreaterThanOrEqual(3);
      }
      // the plan region's edge against the land outside it
      expect(contrast(p.planOutline, p.province)).toBeGreaterThanOrEqual(3);
    });

    it(`${t}: the stacked-point badge's number reads at 4.5:1 and its disc stands at 3:1`, () => {
      const disc = paintOf('projects-stack-badge', 'circle-color', t);
      expect(contrast(paintOf('projects-stack-count', 'text-color', t), disc)).toBeGreaterThanOrEqual(4.5);
      for (const bg of Object.values(fills(t))) expect(contrast(disc, bg)).toBeGreaterThanOrEqual(3);
    });

    it(`${t}: the partner tint is visible on the plan's land and is no boundary colour`, () => {
      const tinted = over(p.partner, p.partnerOpacity, p.plan);
      expect(contrast(tinted, p.plan)).toBeGreaterThanOrEqual(1.1);
      expect(p.partner).not.toBe(p.provinceLine);
      expect(p.partner).not.toBe(p.river);
    });

    it(`${t}: the land is quiet: no fill darker than a light grey`, () => {
      for (const bg of Object.values(fills(t))) expect(luminance(bg)).toBeGreaterThan(0.7);
    });
  }
});

describe('category symbols on the light land', () => {
  // WCAG 1.4.11: a symbol is visible when its fill or its boundary stands at 3:1 against what is
  // around it. The taxonomy's light hues (yellow, orange, sky blue, teal, bluish green) cannot as a
  // fill, so their symbols carry a darker edge of their hue. Checked as the map draws them: the
  // layers' expressions are evaluated for a feature of each category, the point symbols drawn.
  const feature = (category: CategoryId, type: 'Point' | 'LineString' | 'Polygon', precision = 'approximate') => ({
    type: ({ Point: 1, LineString: 2, Polygon: 3 } as const)[type],
    geometry: [[{ x: 0, y: 0 }]],
    properties: { category, precision, area_km2: 10 },
  });
  const layerOf = (id: string, t: BasemapTheme) => projectLayers('zh', t).find((l) => l.id === id) as unknown as {
    filter?: unknown;
    paint?: Record<string, unknown>;
  };
  /** The colour a layer paints a feature with, or null when the layer's filter leaves the feature out. */
  const painted = (id: string, key: string, f: ReturnType<typeof feature>, t: BasemapTheme) => {
    const layer = layerOf(id, t);
    const ctx = { zoom: 9 };
    if (layer.filter && !featureFilter(layer.filter as never, `${id}.filter`).filter(ctx, f)) return null;
    const expr = createExpression(layer.paint?.[key], `${id}.paint.${key}`, latest.paint_line['line-color'] as never);
    if (expr.result !== 'success') throw new Error(`${id} ${key}: ${JSON.stringify(expr.value)}`);
    const c = expr.value.evaluate(ctx, f) as { r: number; g: number; b: number };
    return `#${[c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
  };
  /** A zoom-interpolated number (['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1, ...]) at a zoom. */
  const zoomValue = (value: unknown, zoom: number) => {
    const expr = createExpression(value, 'opacity', latest.paint_line['line-opacity'] as never);
    if (expr.result !== 'success') throw new Error(JSON.stringify(expr.value));
    return expr.value.evaluate({ zoom }) as number;
  };
  /** What a point symbol draws, recorded from drawSymbol's canvas calls. */
  const pointColours = (c: CategoryId, hollow: boolean) => {
    const used: string[] = [];
    const ctx = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 0,
      beginPath() {},
      closePath() {},
      arc() {},
      rect() {},
      lineTo() {},
      fill() {
        used.push(this.fillStyle);
      },
      stroke() {
        used.push(this.strokeStyle);
      },
    };
    drawSymbol(ctx as unknown as CanvasRenderingContext2D, c, hollow, 22);
    return used.filter((x) => /^#[0-9a-f]{6}$/i.test(x)).map((x) => x.toLowerCase());
  };
  const standsOut = (colours: (string | null)[], bg: string) => colours.some((c) => c !== null && contrast(c, bg) >= 3);

  for (const t of THEMES) {
    it(`${t}: every category's symbol has a fill or an edge at 3:1 on every land fill`, () => {
      const weak: string[] = [];
      for (const c of CATEGORY_IDS) {
        const geometry = CATEGORIES[c].geometry;
        const looks: Record<string, (string | null)[]> = {};
        if (geometry === 'point') {
          looks.filled = pointColours(c, false);
          looks.hollow = pointColours(c, true);
          looks.representative = [painted('projects-point-representative', 'circle-stroke-color', feature(c, 'Point', 'representative'), t)];
        } else if (geometry === 'line') {
          for (const precision of ['approximate', 'schematic']) {
            const f = feature(c, 'LineString', precision);
            looks[precision] = [
              painted('projects-line', 'line-color', f, t),
              painted('projects-line-schematic', 'line-color', f, t),
              painted('projects-line-edge', 'line-color', f, t),
            ];
          }
        } else {
          // A concrete area by its outline; a whole-region programme or sea area by its dashed
          // outline, which fades in with the zoom: checked as it shows at zoom 9, through its opacity.
          const outline = painted('projects-area-outline', 'line-color', feature(c, 'Polygon'), t);
          if (c !== 'sea-basin') looks.area = [outline]; // sea areas are always drawn as a region
          const region = painted('projects-area-outline-region', 'line-color', feature(c, 'Polygon', 'region'), t);
          const opacity = zoomValue(layerOf('projects-area-outline-region', t).paint?.['line-opacity'], 9);
          for (const [where, bg] of Object.entries(fills(t))) {
            if (region !== null && contrast(over(region, opacity, bg), bg) < 3) weak.push(`${c} region outline on ${where}`);
          }
        }
        for (const [how, colours] of Object.entries(looks)) {
          for (const [where, bg] of Object.entries(fills(t))) if (!standsOut(colours, bg)) weak.push(`${c} ${how} on ${where}`);
        }
      }
      expect(weak).toEqual([]);
    });
  }

  it('the edges keep their hue: only the light colours get one, darker than the colour', () => {
    for (const c of CATEGORY_IDS) {
      const light = LAND_FILLS.some((bg) => contrast(CATEGORIES[c].color, bg) < 3);
      expect(Boolean(SYMBOL_EDGE[c]), c).toBe(light);
      if (light) expect(luminance(SYMBOL_EDGE[c]!), c).toBeLessThan(luminance(CATEGORIES[c].color));
    }
  });

  it('a cased schematic line keeps its dashes on a pale tint of its hue, never white gaps', () => {
    for (const c of CATEGORY_IDS.filter((x) => CATEGORIES[x].geometry === 'line')) {
      const pale = painted('projects-line-edge-fill', 'line-color', feature(c, 'LineString', 'schematic'), 'light');
      if (!SYMBOL_EDGE[c]) {
        expect(pale, c).toBeNull();
        continue;
      }
      expect(pale, c).not.toBe('#ffffff');
      expect(luminance(pale!), c).toBeGreaterThan(luminance(CATEGORIES[c].color));
      expect(painted('projects-line-edge-fill', 'line-color', feature(c, 'LineString', 'approximate'), 'light'), c).toBeNull();
    }
  });
});
