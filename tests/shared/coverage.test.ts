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

  it('puts a point just outside every outline in the nearest province within NEAR_KM, and none further', () => {
    // 0.05° (5.6 km) south of the west square: a quay beyond a simplified coast.
    expect(provinceShares({ type: 'Point', coordinates: [0.5, -0.05] }, provinces).provinces).toEqual(['west']);
    expect(provinceShares({ type: 'Point', coordinates: [0.5, -1] }, provinces).provinces).toEqual([]);
  });

  it('prefers a Chinese province within NEAR_KM to a neighbouring country for a place', () => {
    const country: ProvinceFeature = { ...square('abroad', 1, 0), properties: { id: 'abroad', country: 'KZ' } };
    const home: ProvinceFeature = { ...square('home', 0, 0), properties: { id: 'home', country: 'CN' } };
    // 0.02° (2.2 km) inside the foreign outline, as a crossing drawn a little over the border.
    expect(provinceShares({ type: 'Point', coordinates: [1.02, 0.5] }, [country, home]).provinces).toEqual(['home']);
    expect(provinceShares({ type: 'Point', coordinates: [1.5, 0.5] }, [country, home]).provinces).toEqual(['abroad']);
  });

  it('cuts a line at the border: a long segment is shared, not given to its midpoint\'s province', () => {
    // One segment from x=0.1 to x=1.5: 0.9° in west, 0.5° in east.
    const km = lengthByProvince({ type: 'LineString', coordinates: [[0.1, 0.5], [1.5, 0.5]] }, provinces);
    expect(km.west).toBeCloseTo(0.9 * KM_PER_DEG, -0.5);
    expect(km.east).toBeCloseTo(0.5 * KM_PER_DEG, -0.5);
  });

  it('splits a line\'s length between provinces', () => {
    const km = lengthByProvince({ type: 'LineString', coordinates: [[0.25, 0.5], [0.75, 0.5], [1.25, 0.5], [1.75, 0.5]] }, provinces);
    // The middle segment crosses the shared edge and is cut there; the shares add up to the length.
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
  const site = { precision: 'approximate', area_km2: null };
  it('counts by category, status, task area and province, and sums km', () => {
    const c = coverage([
      coverageItemOf({ ...site, category: 'seaport', status: 'ongoing', nodes: ',2.1.1.m1,2.1.3.m1,', provinces: ',tianjin,' }),
      coverageItemOf({ ...site, category: 'gas-pipeline', status: 'construction', nodes: ',2.4.1.m1,', provinces: ',hebei,tianjin,' }, { hebei: 100, tianjin: 20.5 }),
    ]);
    expect(c.total).toBe(2);
    expect(c.byCategory).toEqual({ 'seaport': 1, 'gas-pipeline': 1 });
    expect(c.byTaskArea).toEqual({ '2.1': 1, '2.1.1': 1, '2.1.3': 1, '2.4': 1, '2.4.1': 1 });
    expect(c.byProvince).toEqual({ tianjin: 2, hebei: 1 });
    expect(c.kmByProvince).toEqual({ hebei: 100, tianjin: 20.5 });
  });

  it('sums the km² of sites but only counts programme regions, whose km² would exceed the land', () => {
    const c = coverage([
      coverageItemOf({ ...site, area_km2: 12, category: 'industrial-park', status: 'planned', nodes: '', provinces: ',tianjin,' }, {}, { tianjin: 12 }),
      coverageItemOf({ precision: 'region', area_km2: 11_000, category: 'ecological', status: 'planned', nodes: '', provinces: ',tianjin,' }, {}, { tianjin: 11_000 }),
      coverageItemOf({ precision: 'approximate', area_km2: 9_000, category: 'sea-basin', status: 'planned', nodes: '', provinces: ',tianjin,hebei,' }),
    ]);
    expect(c.km2ByProvince).toEqual({ tianjin: 12 });
    expect(c.regionsByProvince).toEqual({ tianjin: 2, hebei: 1 });
    expect(c.byProvince).toEqual({ tianjin: 3, hebei: 1 });
  });

  it('does not add the km of train services or development axes, which run on the corridors\' tracks', () => {
    const c = coverage([
      coverageItemOf({ ...site, category: 'rail-corridor', status: 'operation', nodes: '', provinces: ',hebei,' }, { hebei: 100 }),
      coverageItemOf({ ...site, category: 'rail-service', status: 'operation', nodes: '', provinces: ',hebei,' }, { hebei: 100 }),
      coverageItemOf({ ...site, category: 'development-axis', status: 'planned', nodes: '', provinces: ',hebei,' }, { hebei: 80 }),
    ]);
    expect(c.kmByProvince).toEqual({ hebei: 100 });
    expect(c.byProvince).toEqual({ hebei: 3 });
  });

  it('knows which task areas a node falls under (part 二 only)', () => {
    expect(taskAreasOf('2.3.2.m1')).toEqual(['2.3', '2.3.2']);
    expect(taskAreasOf('2.5')).toEqual(['2.5']);
    expect(taskAreasOf('1.2.g2020')).toEqual([]);
  });
});
