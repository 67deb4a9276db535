import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { BASEMAP_FILES } from '../../client/map/basemap-style.ts';

const DIR = resolve(import.meta.dirname, '../../geodata/basemap');
/** Budget for all basemap layers together (uncompressed / gzipped). */
const BUDGET_BYTES = 2 * 1024 * 1024;
const BUDGET_GZIP_BYTES = 600 * 1024;

const read = (name: string) => JSON.parse(readFileSync(join(DIR, `${name}.geojson`), 'utf8')) as FeatureCollection;
const PLAN = ['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong'];
const IDS = [...PLAN, 'henan', 'shaanxi', 'jilin', 'heilongjiang', 'ningxia', 'gansu', 'xinjiang', 'jiangsu', 'anhui', 'sichuan'];

const onLand = (lon: number, lat: number) =>
  read('land').features.some((f) => turf.booleanPointInPolygon(turf.point([lon, lat]), f as Feature<Polygon | MultiPolygon>));

describe('geodata/basemap', () => {
  it('has every file the style loads, each a parseable FeatureCollection', () => {
    for (const name of BASEMAP_FILES) {
      const fc = read(name);
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
    }
  });

  it('keeps lon/lat coordinates rounded and inside the map bounds', () => {
    for (const name of BASEMAP_FILES) {
      const [minX, minY, maxX, maxY] = turf.bbox(read(name));
      expect(minX).toBeGreaterThanOrEqual(70);
      expect(maxX).toBeLessThanOrEqual(138);
      expect(minY).toBeGreaterThanOrEqual(24);
      expect(maxY).toBeLessThanOrEqual(54);
      // One expect per file, not per coordinate (hundreds of thousands of them took seconds).
      const unrounded: number[][] = [];
      turf.coordEach(read(name), (c) => {
        if (c.some((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) >= 1e-6)) unrounded.push(c);
      });
      expect(unrounded.slice(0, 5), `${name}: ${unrounded.length} positions not rounded to 4 decimals`).toEqual([]);
    }
  });

  it('has the seven plan provinces with plan=true, and the fixed ids', () => {
    const provinces = read('provinces').features;
    const byId = new Map(provinces.map((f) => [f.properties?.id as string, f.properties ?? {}]));
    for (const id of IDS) expect(byId.has(id), id).toBe(true);
    for (const id of PLAN) expect(byId.get(id)?.plan, id).toBe(true);
    const planned = provinces.filter((f) => f.properties?.plan === true).map((f) => f.properties?.id as string);
    expect(planned.sort()).toEqual([...PLAN].sort());
    for (const f of provinces) {
      const p = f.properties ?? {};
      expect(p.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(typeof p.name_zh).toBe('string');
      expect(typeof p.name_en).toBe('string');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(byId.get('hebei')?.name_zh).toBe('河北');
    expect(byId.get('inner-mongolia')?.name_zh).toBe('内蒙古');
  });

  it('labels every province inside its own polygon', () => {
    const provinces = new Map(read('provinces').features.map((f) => [f.properties?.id, f as Feature<Polygon | MultiPolygon>]));
    for (const l of read('province-labels').features) {
      const poly = provinces.get(l.properties?.id);
      expect(poly, String(l.properties?.id)).toBeDefined();
      expect(turf.booleanPointInPolygon(l as Feature<Point>, poly!), String(l.properties?.id)).toBe(true);
    }
  });

  it('has boundary lines by level', () => {
    const levels = new Set(read('province-lines').features.map((f) => f.properties?.level as string));
    expect([...levels].sort()).toEqual(['country', 'province']);
  });

  it('puts the reclaimed port land on land', () => {
    expect(onLand(117.78, 38.98)).toBe(true); // Tianjin port
    expect(onLand(118.46, 39.0)).toBe(true); // Caofeidian
    expect(onLand(116.4, 39.9)).toBe(true); // Beijing
    expect(onLand(120.0, 38.5)).toBe(false); // Bohai Sea
  });

  it('has cities with official Chinese names, English names and ranks', () => {
    const cities = read('cities').features;
    expect(cities.length).toBeGreaterThan(80);
    const byZh = new Map(cities.map((f) => [f.properties?.name_zh, f.properties ?? {}]));
    expect(byZh.get('北京')?.rank).toBe('capital');
    expect(byZh.get('天津')?.rank).toBe('municipality');
    expect(byZh.get('石家庄')?.rank).toBe('provincial-capital');
    expect(byZh.get('石家庄')?.name_zh_full).toBe('石家庄市');
    expect(byZh.get('唐山')?.name_en).toBe('Tangshan');
    for (const f of cities) {
      const p = f.properties ?? {};
      expect(p.name_zh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect((p.name_zh_full as string).startsWith(p.name_zh as string)).toBe(true);
      expect(typeof p.name_en).toBe('string');
      expect(['capital', 'municipality', 'provincial-capital', 'prefecture', 'county']).toContain(p.rank);
      expect(p.population === null || (Number.isInteger(p.population) && p.population > 0)).toBe(true);
    }
  });

  it('stays within the size budget', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.geojson'));
    const total = files.reduce((sum, n) => sum + statSync(join(DIR, n)).size, 0);
    const gz = files.reduce((sum, n) => sum + gzipSync(readFileSync(join(DIR, n))).length, 0);
    expect(total).toBeLessThan(BUDGET_BYTES);
    expect(gz).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
