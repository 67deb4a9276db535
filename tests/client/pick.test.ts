/** What a click picks on the map: small before big, smallest of nested areas, a choice for stacked points, named. */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { choiceItems, pick } from '../../client/map/pick.ts';

type G = { type: string; coordinates: unknown };
const feature = (id: string, geometry: G, layer = 'projects-point', extra: Record<string, unknown> = {}) =>
  ({ geometry, layer: { id: layer }, properties: { id, ...extra } }) as unknown as MapGeoJSONFeature;
const pt = (id: string, x: number, y: number) => feature(id, { type: 'Point', coordinates: [x, y] });
// Pixels equal lon/lat in these tests.
const project = ([x, y]: [number, number]) => ({ x, y });
const click = { x: 100, y: 100 };

describe('pick', () => {
  it('offers a choice when several points sit on the same spot', () => {
    expect(pick([pt('a', 101, 100), pt('b', 101, 100), pt('c', 101.5, 100)], click, project)).toEqual({ kind: 'many', ids: ['a', 'b', 'c'] });
  });

  it('picks the nearest point when neighbours are only close', () => {
    expect(pick([pt('far', 104, 100), pt('near', 100.5, 100)], click, project)).toEqual({ kind: 'one', id: 'near' });
  });

  it('prefers a point to a line and a line to an area', () => {
    const line = feature('rail', { type: 'LineString', coordinates: [[0, 0], [200, 200]] }, 'projects-line');
    const area = feature('zone', { type: 'Polygon', coordinates: [] }, 'projects-area-fill', { area_km2: 10 });
    expect(pick([area, line, pt('port', 100, 100)], click, project)).toEqual({ kind: 'one', id: 'port' });
    expect(pick([area, line], click, project)).toEqual({ kind: 'one', id: 'rail' });
  });

  it('picks the smallest of nested areas', () => {
    const big = feature('region', { type: 'Polygon', coordinates: [] }, 'projects-area-fill', { area_km2: 90000 });
    const small = feature('park', { type: 'Polygon', coordinates: [] }, 'projects-area-fill', { area_km2: 30 });
    expect(pick([big, small], click, project)).toEqual({ kind: 'one', id: 'park' });
  });

  it('lets a label pick its feature only when nothing else is there', () => {
    const label = feature('labelled', { type: 'Point', coordinates: [100, 90] }, 'projects-label');
    expect(pick([label], click, project)).toEqual({ kind: 'one', id: 'labelled' });
    expect(pick([label, pt('icon', 100, 100)], click, project)).toEqual({ kind: 'one', id: 'icon' });
    expect(pick([], click, project)).toEqual({ kind: 'none' });
  });

  it('lists the whole-region programmes under a click instead of opening one of them', () => {
    const ring = feature('ring', { type: 'MultiPolygon', coordinates: [] }, 'projects-area-fill', { precision: 'region', category: 'logistics' });
    const grid = feature('grid', { type: 'MultiPolygon', coordinates: [] }, 'projects-area-fill', { precision: 'region', category: 'power-grid' });
    const basin = feature('basin', { type: 'MultiPolygon', coordinates: [] }, 'projects-area-fill', { precision: 'approximate', category: 'sea-basin' });
    expect(pick([ring, grid, basin, ring], click, project)).toEqual({ kind: 'many', ids: ['ring', 'grid', 'basin'] });
    // even a single programme is listed, not opened: it covers the whole province, not this place
    expect(pick([ring], click, project)).toEqual({ kind: 'many', ids: ['ring'] });
  });

  it('opens a concrete area even where whole regions overlap it', () => {
    const ring = feature('ring', { type: 'MultiPolygon', coordinates: [] }, 'projects-area-fill', { precision: 'region', category: 'logistics' });
    const oil = feature('oil', { type: 'Polygon', coordinates: [] }, 'projects-area-fill', { precision: 'approximate', category: 'energy-field', area_km2: 900 });
    expect(pick([ring, oil], click, project)).toEqual({ kind: 'one', id: 'oil' });
  });
});

describe('choiceItems (the chooser\'s rows, read off the features under the click)', () => {
  const tile = (id: string, extra: Record<string, unknown>) => feature(id, { type: 'Point', coordinates: [100, 100] }, 'projects-point', extra);
  const port = tile('port', { name_zh: '天津港', name_en: 'Tianjin Port', category: 'port', precision: 'exact', area_km2: null });
  const park = tile('park', { name_zh: '产业园', name_en: 'Park', category: 'industrial-park', precision: 'approximate', area_km2: 12.5 });

  it('names each picked id from its drawn feature, in the order picked, each once', () => {
    // The same project drawn by two layers (its icon and its label) is one row.
    expect(choiceItems([port, park, tile('park', { name_zh: '产业园' })], ['park', 'port'])).toEqual([
      { id: 'park', name_zh: '产业园', name_en: 'Park', category: 'industrial-park', precision: 'approximate', area_km2: 12.5 },
      { id: 'port', name_zh: '天津港', name_en: 'Tianjin Port', category: 'port', precision: 'exact', area_km2: null },
    ]);
  });

  it('leaves out an id no feature under the click carries', () => {
    expect(choiceItems([port], ['port', 'gone']).map((i) => i.id)).toEqual(['port']);
  });
});
