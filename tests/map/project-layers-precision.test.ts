/** Precision shows on the map: a representative point is drawn apart from an approximate one. */
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { projectLayers } from '../../client/map/project-layers.ts';
import { CATEGORY_IDS, PRECISION_IDS } from '#shared/taxonomy.ts';

const layers = projectLayers('zh', 'light');
const point = (precision: string) => ({
  type: 1 as const,
  geometry: [[{ x: 0, y: 0 }]],
  properties: { precision, category: 'energy-field', id: 'x' },
});
const matches = (id: string, precision: string) => {
  const layer = layers.find((l) => l.id === id)!;
  const filter = 'filter' in layer ? layer.filter : undefined;
  return featureFilter(filter, 'filter').filter({ zoom: 6 }, point(precision));
};

describe('project layers by precision', () => {
  it('rings representative points, and only those', () => {
    const ring = layers.find((l) => l.id === 'projects-point-representative');
    expect(ring?.type).toBe('circle');
    expect(PRECISION_IDS).toContain('representative');
    expect(matches('projects-point-representative', 'representative')).toBe(true);
    for (const p of ['exact', 'approximate']) expect(matches('projects-point-representative', p), p).toBe(false);
    // every point still gets its category symbol on top of the ring
    expect(matches('projects-point', 'representative')).toBe(true);
    expect(layers.findIndex((l) => l.id === 'projects-point-representative')).toBeLessThan(layers.findIndex((l) => l.id === 'projects-point'));
  });

  it('draws a representative symbol hollow, never filled like an exact site', () => {
    const icons = layers.find((l) => l.id === 'projects-point')!;
    if (icons.type !== 'symbol') throw new Error('projects-point is not a symbol layer');
    const image = JSON.stringify(icons.layout?.['icon-image']);
    // the icon name is atlas-<category> for exact sites and atlas-<category>-hollow for any other precision
    expect(image).toContain('"exact",""');
    expect(image).toContain('-hollow');
  });

  it('colours every category, so the legend and the map agree', () => {
    const fill = layers.find((l) => l.id === 'projects-line')!;
    const colour = JSON.stringify(fill.type === 'line' ? fill.paint?.['line-color'] : null);
    for (const c of CATEGORY_IDS) expect(colour, c).toContain(`"${c}"`);
  });
});
