/**
 * The figures a planner puts on a slide, checked on the real data: lines cut at province borders,
 * every place in a province, no province holding more km² than its land, and the precomputed
 * shares file current with the geometry.
 */
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { coverage, coverageItemOf, lengthByProvince, provinceShares, type ProvinceFeature } from '#shared/coverage.ts';
import type { Geometry } from '#shared/schema.ts';
import type { ProvinceId } from '#shared/taxonomy.ts';
import { isWide } from '#shared/wide.ts';
import { sharesKey, sharesOf } from '../../server/db/province-shares.ts';
import { geodata } from '../helpers/test-app.ts';

const feature = (id: string) => {
  const f = geodata().projects.find((p) => p.properties.id === id);
  if (!f) throw new Error(`no project ${id}`);
  return f;
};

/**
 * An independent reckoning of a line's km per province: walk it in 100 m steps and give each step
 * to the province holding its middle. It differs from the real cut by at most a step per crossing.
 */
function walkedShares(geometry: Geometry, provinces: readonly ProvinceFeature[]) {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  const out: Record<string, number> = {};
  for (const coords of lines) {
    const line = turf.lineString(coords);
    const total = turf.length(line, { units: 'kilometers' });
    for (let at = 0.05; at < total; at += 0.1) {
      const mid = turf.along(line, at, { units: 'kilometers' });
      const p = provinces.find((q) => turf.booleanPointInPolygon(mid, q));
      if (p) out[p.properties.id] = (out[p.properties.id] ?? 0) + Math.min(0.1, total - at + 0.05);
    }
  }
  return out;
}

describe('lines are cut at province borders', () => {
  it.each([
    ['jingtang-intercity', ['beijing', 'tianjin', 'hebei']],
    ['tianjin-huanghua-binzhou-dongying-hsr', ['tianjin', 'hebei', 'shandong']],
    ['jinshi-expressway', ['tianjin', 'hebei']],
  ])('%s has km in each province it runs through, as a 100 m walk finds them', (id, expected) => {
    const { geometry } = feature(id);
    const km = lengthByProvince(geometry, geodata().provinces);
    const walked = walkedShares(geometry, geodata().provinces);
    for (const p of expected) {
      expect(km[p], `${id} in ${p}`).toBeGreaterThan(1);
      expect(km[p]).toBeCloseTo(walked[p] ?? 0, -0.3); // within about 1 km
    }
    expect(Object.keys(km).sort()).toEqual([...expected].sort());
  });

  it('gives every line shares that add up to its length', () => {
    for (const f of geodata().projects) {
      if (f.geometry.type !== 'LineString' && f.geometry.type !== 'MultiLineString') continue;
      const km = Object.values(lengthByProvince(f.geometry, geodata().provinces)).reduce((a, b) => a + b, 0);
      const length = turf.length(turf.feature(f.geometry), { units: 'kilometers' });
      expect(km, f.properties.id).toBeCloseTo(length, -0.5); // rounding of each share to 0.1 km
    }
  });
});

describe('every place lies in a province', () => {
  const pointProvince = (id: string) => provinceShares(feature(id).geometry, geodata().provinces).provinces;

  it('puts the ports on reclaimed land and the border crossings on the Chinese side', () => {
    expect(pointProvince('alashankou-crossing')).toEqual(['xinjiang']);
    expect(pointProvince('horgos-crossing')).toEqual(['xinjiang']);
    expect(pointProvince('erenhot-crossing')).toEqual(['inner-mongolia']);
    expect(pointProvince('tianjin-cruise-home-port')).toEqual(['tianjin']);
    expect(pointProvince('dagang-port-area')).toEqual(['tianjin']);
    expect(pointProvince('tianjin-port')).toEqual(['tianjin']);
  });

  it('lists every point and multipoint place with a Chinese province', () => {
    const chinese = new Set(geodata().provinces.filter((p) => p.properties.country === 'CN').map((p) => p.properties.id));
    const places = geodata().projects.filter((f) => f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint');
    const listing = places.map((f) => [f.properties.name_zh, provinceShares(f.geometry, geodata().provinces).provinces] as const);
    for (const [name, provinces] of listing) {
      expect(provinces.length, name).toBeGreaterThan(0);
      for (const p of provinces) expect(chinese.has(p), `${name} in ${p}`).toBe(true);
    }
  });
});

describe('coverage holds up against what a planner knows', () => {
  // Land areas (km²) from the provinces' statistical yearbooks, rounded.
  const LAND_KM2: Partial<Record<ProvinceId, number>> = {
    'beijing': 16_410,
    'tianjin': 11_966,
    'hebei': 188_800,
    'shanxi': 156_700,
    'inner-mongolia': 1_183_000,
    'liaoning': 148_600,
    'shandong': 157_900,
  };

  const figures = () => {
    const data = geodata();
    return coverage(
      data.projects.map((f) => {
        const s = sharesOf(f, data);
        const area = turf.area(turf.feature(f.geometry)) / 1e6;
        const props = { ...f.properties, area_km2: f.geometry.type.endsWith('Polygon') ? area : null };
        return coverageItemOf({ ...props, status: 'planned', nodes: '', provinces: `,${s.provinces.join(',')},` }, s.km, s.km2);
      }),
    );
  };

  it('the outlines behind the figures match the provinces\' official land areas (within 10%)', () => {
    for (const [id, km2] of Object.entries(LAND_KM2)) {
      const outline = geodata().provinces.find((p) => p.properties.id === id)!;
      expect(turf.area(outline) / 1e6, id).toBeGreaterThan(0.9 * km2);
      expect(turf.area(outline) / 1e6, id).toBeLessThan(1.1 * km2);
    }
  });

  it('gives no province more km² than its land, and keeps programme regions out of the sum', () => {
    const c = figures();
    for (const [id, km2] of Object.entries(LAND_KM2)) expect(c.km2ByProvince[id] ?? 0, id).toBeLessThanOrEqual(km2);
    // The regions are counted where they lie: Tianjin has several (basin, shelterbelts, logistics ring).
    expect(c.regionsByProvince.tianjin).toBeGreaterThanOrEqual(4);
    const wide = geodata().projects.filter((f) => isWide({ ...f.properties, area_km2: null }));
    expect(wide.length).toBeGreaterThan(5);
  });
});

describe('precomputed shares', () => {
  it('are current with the geometry (else run: npx tsx geodata/build/province-shares.ts)', () => {
    const { projects, shares, provincesHash } = geodata();
    const stale = projects.filter((f) => shares[f.properties.id]?.key !== sharesKey(f.geometry, provincesHash)).map((f) => f.properties.id);
    expect(stale).toEqual([]);
  });
});
