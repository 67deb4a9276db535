/** The pure geometry and coverage functions, on hand-made shapes with known answers. */
import { describe, expect, it } from 'vitest';
import {
  areaByProvince,
  coverage,
  coverageItemOf,
  distanceKm,
  lengthByProvince,
  measure,
  provinceShares,
  provincesTouched,
  taskAreasOf,
  type ProvinceFeature,
} from '#shared/coverage.ts';
import type { Geometry } from '#shared/schema.ts';

const box = (x0: number, y0: number, size = 1): Geometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});
const square = (id: string, x0: number, y0: number): ProvinceFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: box(x0, y0) as ProvinceFeature['geometry'],
});
// Two unit squares side by side on the equator: west [0,1]x[0,1], east [1,2]x[0,1].
const provinces = [square('west', 0, 0), square('east', 1, 0)];
const KM_PER_DEG = 111.195; // on the equator, turf's earth radius

describe('measure', () => {
  it('gives a line its length and an area its km²', () => {
    expect(measure({ type: 'LineString', coordinates: [[0, 0], [1, 0], [2, 0]] }).lengthKm).toBeCloseTo(2 * KM_PER_DEG, 0);
    expect(measure(box(0, 0)).areaKm2).toBeCloseTo(KM_PER_DEG * KM_PER_DEG, -2);
    expect(measure({ type: 'Point', coordinates: [0, 0] })).toEqual({ lengthKm: null, areaKm2: null });
  });
});

describe('provinces', () => {
  it('finds the provinces a line crosses and none it misses', () => {
    expect(provincesTouched({ type: 'LineString', coordinates: [[0.5, 0.5], [1.5, 0.5]] }, provinces)).toEqual(['west', 'east']);
    expect(provincesTouched({ type: 'Point', coordinates: [0.5, 0.5] }, provinces)).toEqual(['west']);
    expect(provincesTouched({ type: 'Point', coordinates: [5, 5] }, provinces)).toEqual([]);
  });

  it('splits a line\'s length between provinces', () => {
    const km = lengthByProvince({ type: 'LineString', coordinates: [[0.25, 0.5], [0.75, 0.5], [1.25, 0.5], [1.75, 0.5]] }, provinces);
    // The middle segment's midpoint (1.0) lies on the shared edge and counts once.
    expect(km.west! + km.east!).toBeCloseTo(1.5 * KM_PER_DEG, -1);
  });

  it('counts an area only in the provinces it covers, not those it borders', () => {
    // A square exactly on the west province: it shares the east province's border but covers none of it.
    const shares = provinceShares(box(0, 0), provinces);
    expect(shares.provinces).toEqual(['west']);
    expect(provincesTouched(box(0, 0), provinces)).toEqual(['west', 'east']); // merely touching
  });

  it('gives a sea area the provinces on its shores, and no km² in them', () => {
    // A square of sea south of both provinces, sharing their southern edge.
    const shares = provinceShares(box(0.5, -1), provinces);
    expect(shares.provinces).toEqual(['west', 'east']);
    expect(shares.km2).toEqual({});
  });

  it('splits an area between provinces', () => {
    const km2 = areaByProvince(box(0.5, 0), provinces);
    expect(km2.west).toBeCloseTo(km2.east!, -1);
    expect(km2.west! + km2.east!).toBeCloseTo(KM_PER_DEG * KM_PER_DEG, -2);
  });
});

describe('distanceKm', () => {
  it('is zero inside an area and the gap to its edge outside', () => {
    expect(distanceKm(box(0, 0), 0.5, 0.5)).toBe(0);
    expect(distanceKm(box(0, 0), 2, 0.5)).toBeCloseTo(KM_PER_DEG, 0);
    expect(distanceKm({ type: 'LineString', coordinates: [[0, 0], [0, 1]] }, 1, 0.5)).toBeCloseTo(KM_PER_DEG, 0);
  });
});

describe('coverage', () => {
  it('counts by category, status, task area and province, and sums km', () => {
    const c = coverage([
      coverageItemOf({ category: 'seaport', status: 'ongoing', nodes: ',2.1.1.m1,2.1.3.m1,', provinces: ',tianjin,' }),
      coverageItemOf({ category: 'gas-pipeline', status: 'construction', nodes: ',2.4.1.m1,', provinces: ',hebei,tianjin,' }, { hebei: 100, tianjin: 20.5 }),
    ]);
    expect(c.total).toBe(2);
    expect(c.byCategory).toEqual({ 'seaport': 1, 'gas-pipeline': 1 });
    expect(c.byTaskArea).toEqual({ '2.1': 1, '2.1.1': 1, '2.1.3': 1, '2.4': 1, '2.4.1': 1 });
    expect(c.byProvince).toEqual({ tianjin: 2, hebei: 1 });
    expect(c.kmByProvince).toEqual({ hebei: 100, tianjin: 20.5 });
  });

  it('knows which task areas a node falls under (part 二 only)', () => {
    expect(taskAreasOf('2.3.2.m1')).toEqual(['2.3', '2.3.2']);
    expect(taskAreasOf('2.5')).toEqual(['2.5']);
    expect(taskAreasOf('1.2.g2020')).toEqual([]);
  });
});
