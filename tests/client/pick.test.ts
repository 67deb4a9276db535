/** What a click picks on the map: small before big, smallest of nested areas, a choice for stacked points. */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { markStacks, pick } from '../../client/map/pick.ts';

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

describe('markStacks (the count badge)', () => {
  const point = (id: string, c: [number, number]) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c }, properties: { id } });
  const fc = {
    type: 'FeatureCollection' as const,
    features: [point('a1', [117.346, 39.1244]), point('a2', [117.346, 39.1244]), point('a3', [117.346, 39.1244]), point('port', [117.78, 38.98])],
  };
  const n = (out: typeof fc) => Object.fromEntries(out.features.map((f) => [f.properties.id, (f.properties as unknown as { stack_n: number }).stack_n]));

  it('puts the count of a shared spot on its first shown point only', () => {
    expect(n(markStacks(fc, new Set(['a1', 'a2', 'a3', 'port'])))).toEqual({ a1: 3, a2: 0, a3: 0, port: 0 });
  });

  it('counts a MultiPoint at each of its spots, but draws the badge on a Point', () => {
    const zone = { type: 'Feature' as const, geometry: { type: 'MultiPoint' as const, coordinates: [[117.346, 39.1244], [117.7, 39.0]] }, properties: { id: 'zone' } };
    const withZone = { ...fc, features: [zone, ...fc.features] } as unknown as typeof fc;
    expect(n(markStacks(withZone, new Set(['zone', 'a1', 'a2', 'port'])))).toEqual({ zone: 0, a1: 3, a2: 0, a3: 0, port: 0 });
  });

  it('counts only what the map shows', () => {
    expect(n(markStacks(fc, new Set(['a2', 'a3', 'port'])))).toEqual({ a1: 0, a2: 2, a3: 0, port: 0 });
    expect(n(markStacks(fc, new Set(['a3', 'port'])))).toEqual({ a1: 0, a2: 0, a3: 0, port: 0 });
  });
});
