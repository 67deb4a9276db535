/**
 * Large sets: the projects as vector tiles (decoded and compared with /api/projects on the seeded
 * database), the tiles following an edit, and the counts and list pages a tiled map asks for.
 */
import { gunzipSync } from 'node:zlib';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import fc from 'fast-check';
import { testClient } from 'hono/testing';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema, ProjectTileJsonSchema } from '#shared/api-schema.ts';
import { CATEGORIES, STATUSES } from '#shared/taxonomy.ts';
import { isWide } from '#shared/wide.ts';
import { countByCategory, countByTaskArea } from '../../client/state/dashboard.ts';
import { bodyOf, editorApp, type TestApp } from '../helpers/test-app.ts';

type Api = ReturnType<typeof testClient<TestApp['app']>>['api'];
let t: TestApp;
let token = '';
let api: Api;
beforeAll(async () => {
  ({ t, token } = await editorApp());
  api = testClient(t.app).api;
}, 60_000);
afterAll(() => t.close());

const tileJson = async () => ProjectTileJsonSchema.parse(await (await t.app.request('/api/projects/tiles.json')).json());

/** A tile's project features, by id, read from a gzipped answer as MapLibre reads it. */
async function tileFeatures(path: string): Promise<Map<string, VectorTileFeature>> {
  const res = await t.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
  expect(res.headers.get('content-encoding')).toBe('gzip');
  const layer = new VectorTile(new PbfReader(gunzipSync(Buffer.from(await res.arrayBuffer())))).layers.projects!;
  const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
  return new Map(features.map((f) => [f.properties.id as string, f]));
}

/** The XYZ tile holding a lon/lat at a zoom. */
function tileAt(z: number, lon: number, lat: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

/** The first position of nested GeoJSON coordinates. */
const firstPosition = (c: unknown): [number, number] => {
  const list = c as unknown[];
  return Array.isArray(list[0]) ? firstPosition(list[0]) : (list as [number, number]);
};

/** What a tile carries of a project: its list properties less version and length, no nulls. */
const expectedTags = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([k, v]) => v !== null && k !== 'version' && k !== 'length_km'));

describe('GET /api/projects/tiles/{z}/{x}/{y}', () => {
  it('holds every project with the properties /api/projects gives, where it lies', async () => {
    const all = await bodyOf(api.projects.$get({ query: {} }));
    const tile = await tileFeatures('/api/projects/tiles/0/0/0');
    // At zoom 0 a line or area under a pixel is left out (MapLibre's own GeoJSON tiling does the
    // same); it is in the tile of its place at zoom 5, the overview a planner sees.
    const missing = all.features.filter((f) => !tile.has(f.id));
    expect(missing.length).toBeLessThan(5);
    for (const f of missing) {
      expect(f.geometry.type, f.id).not.toBe('Point');
      const [lon, lat] = firstPosition(f.geometry.coordinates);
      const { x, y } = tileAt(5, lon, lat);
      expect((await tileFeatures(`/api/projects/tiles/5/${x}/${y}`)).get(f.id)?.properties, f.id).toEqual(expectedTags(f.properties));
    }
    const types = { Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3 } as const;
    for (const f of all.features.filter((x) => tile.has(x.id))) {
      const got = tile.get(f.id)!;
      expect(got.properties, f.id).toEqual(expectedTags(f.properties));
      expect(got.type, f.id).toBe(types[f.geometry.type]);
      if (f.geometry.type !== 'Point') continue;
      // One tile for the world: 4096 units, so a position is good to about 0.05°.
      const [lon, lat] = (got.toGeoJSON(0, 0, 0).geometry as { coordinates: number[] }).coordinates as [number, number];
      expect(Math.abs(lon - f.geometry.coordinates[0]), f.id).toBeLessThan(0.05);
      expect(Math.abs(lat - f.geometry.coordinates[1]), f.id).toBeLessThan(0.05);
    }
  });

  it('is sent as it is to a client that does not take gzip, and 204 where no project lies', async () => {
    const res = await t.app.request('/api/projects/tiles/0/0/0', { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers.projects!.length).toBeGreaterThan(50);
    // Zoom 5 at 0°, 0°: the Gulf of Guinea.
    expect((await t.app.request('/api/projects/tiles/5/16/16')).status).toBe(204);
  });

  it('refuses a coordinate outside the tile grid with 400 naming it', async () => {
    const cases = [
      ['/api/projects/tiles/15/0/0', 'z'],
      ['/api/projects/tiles/-1/0/0', 'z'],
      ['/api/projects/tiles/1.5/0/0', 'z'],
      ['/api/projects/tiles/3/8/0', 'x'],
      ['/api/projects/tiles/3/0/8', 'y'],
      ['/api/projects/tiles/3/0/99999999', 'y'],
      ['/api/projects/tiles/3/0/0?bbox=1,2,3,4', 'bbox'],
    ] as const;
    for (const [path, field] of cases) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(400);
      expect(ErrorSchema.parse(await res.json()).error.field, path).toBe(field);
    }
  });

  it('follows an edit: a new version in the tile URL, and the new status in the tile', async () => {
    const before = await tileJson();
    expect(before.tiles[0]).toContain(`v=${encodeURIComponent(before.version)}`);
    expect(before.count).toBeGreaterThan(50);
    expect(before.thinned).toEqual([]);
    const old = (await tileFeatures('/api/projects/tiles/0/0/0')).get('tianjin-port')!.properties;
    const detail = await bodyOf(api.projects[':id'].$get({ param: { id: 'tianjin-port' } }));
    const status = old.status === 'study' ? 'planned' : 'study';
    const res = await api.projects[':id'].status.$patch(
      { param: { id: 'tianjin-port' }, json: { status, note: 'tile test', source: 'test', version: detail.properties.version } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const after = await tileJson();
    expect(after.version).not.toBe(before.version);
    expect(after.tiles[0]).toContain(`v=${encodeURIComponent(after.version)}`);
    const tile = await tileFeatures('/api/projects/tiles/0/0/0');
    expect(tile.get('tianjin-port')!.properties).toEqual({ ...old, status });
    expect(tile.size).toBe((await tileFeatures('/api/projects/tiles/0/0/0')).size);
    expect(after.count).toBe(before.count);
  });

  it('lets a browser keep a tile whose URL names the current version, and no other', async () => {
    const { version } = await tileJson();
    const current = await t.app.request(`/api/projects/tiles/0/0/0?v=${encodeURIComponent(version)}`);
    expect(current.headers.get('cache-control')).toContain('immutable');
    const stale = await t.app.request('/api/projects/tiles/0/0/0?v=0.old');
    expect(stale.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('GET /api/projects/counts and /api/projects/page', () => {
  const filters = [{}, { node: '2.4' }, { category: 'seaport,airport' }, { province: 'hebei', status: 'planned,study' }, { q: '港' }, { near: '117.7,39.0', radius_km: '40' }];

  it('counts what /api/projects lists, as the dashboard counts it', async () => {
    for (const query of filters) {
      const { features } = await bodyOf(api.projects.$get({ query }));
      const counts = await bodyOf(api.projects.counts.$get({ query }));
      const label = JSON.stringify(query);
      expect(counts.total, label).toBe(features.length);
      expect(counts.byCategory, label).toEqual(countByCategory(features));
      expect(counts.byStatus, label).toEqual(countByCategory(features.map((f) => ({ properties: { category: f.properties.status } }))));
      expect(counts.byTaskArea, label).toEqual(countByTaskArea(features));
    }
  });

  it('pages through the list in the list panel order, every project once with its list properties', async () => {
    for (const query of filters) {
      const { features } = await bodyOf(api.projects.$get({ query }));
      const ids: string[] = [];
      for (let offset = 0; ; offset += 7) {
        const page = await bodyOf(api.projects.page.$get({ query: { ...query, limit: '7', offset: String(offset), ...('q' in query ? { sort: 'name' } : {}) } }));
        expect(page.total).toBe(features.length);
        for (const p of page.items) expect(p, p.id).toEqual(features.find((f) => f.id === p.id)!.properties);
        ids.push(...page.items.map((p) => p.id));
        if (page.items.length < 7) break;
      }
      // By name in Chinese unless told; nearest first with `near` (as /api/projects orders it), whole
      // regions and sea areas after the concrete places (as the list panel groups them).
      const near = [...features.filter((f) => !isWide(f.properties)), ...features.filter((f) => isWide(f.properties))];
      const expected = 'near' in query ? near.map((f) => f.id) : features.toSorted((a, b) => a.properties.name_zh.localeCompare(b.properties.name_zh, 'zh')).map((f) => f.id);
      expect(ids, JSON.stringify(query)).toEqual(expected);
    }
  });

  it('sorts by size, largest first, and by English name', async () => {
    const { features } = await bodyOf(api.projects.$get({ query: {} }));
    const size = (p: { length_km: number | null; area_km2: number | null }) => p.length_km ?? p.area_km2 ?? -1;
    const bySize = await bodyOf(api.projects.page.$get({ query: { sort: 'size', dir: 'desc', limit: '10' } }));
    expect(bySize.items.map(size)).toEqual(features.map((f) => size(f.properties)).sort((a, b) => b - a).slice(0, 10));
    const en = await bodyOf(api.projects.page.$get({ query: { lang: 'en', limit: '500' } }));
    expect(en.items.map((p) => p.name_en)).toEqual(features.map((f) => f.properties.name_en).sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('sorts every match by each column the list sorts by, either way, in either language', async () => {
    const { features } = await bodyOf(api.projects.$get({ query: { node: '2' } }));
    const label = { category: CATEGORIES, status: STATUSES } as const;
    for (const lang of ['zh', 'en'] as const) {
      for (const key of ['category', 'status'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const page = await bodyOf(api.projects.page.$get({ query: { node: '2', sort: key, dir, lang, limit: '500' } }));
          const text = (p: (typeof features)[number]['properties']) => label[key][p[key] as never][lang] as string;
          const want = features.map((f) => text(f.properties)).sort((a, b) => a.localeCompare(b, lang) * (dir === 'asc' ? 1 : -1));
          expect(page.items.map((p) => text(p)), `${key} ${dir} ${lang}`).toEqual(want);
        }
      }
    }
  });

  it('sorts again after an edit: a project moved to another status moves in the list by status', async () => {
    const query = { sort: 'status', limit: '500', lang: 'en' } as const;
    const before = await bodyOf(api.projects.page.$get({ query }));
    const first = before.items[0]!;
    const last = before.items.at(-1)!;
    expect(first.status).not.toBe(last.status);
    const res = await api.projects[':id'].status.$patch(
      { param: { id: first.id }, json: { status: last.status, note: 'list order test', source: 'test', version: first.version } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const after = await bodyOf(api.projects.page.$get({ query }));
    expect(after.items.findIndex((p) => p.id === first.id)).toBeGreaterThanOrEqual(after.items.findIndex((p) => p.status === last.status));
    expect(after.items.find((p) => p.id === first.id)!.status).toBe(last.status);
    expect(after.items[0]!.id).not.toBe(first.id);
  });

  it('refuses a bad page or filter with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['offset=-1', 'offset'],
      ['sort=colour', 'sort'],
      ['node=9.9', 'node'],
    ] as const) {
      const res = await t.app.request(`/api/projects/page?${query}`);
      expect(res.status, query).toBe(400);
      expect(ErrorSchema.parse(await res.json()).error.field, query).toBe(field);
    }
    const res = await t.app.request('/api/projects/counts?category=castle');
    expect(ErrorSchema.parse(await res.json()).error.field).toBe('category');
  });
});

describe('any input', () => {
  it('is answered below 500, a refusal in the one error shape', { timeout: 120_000 }, async () => {
    const nasty = fc.oneof(fc.constantFrom('1e3', '99999', '0x1', '-1', '%', '%ZZ', ''), fc.string({ maxLength: 8 }));
    const segment = (max: number) => fc.oneof({ arbitrary: fc.integer({ min: 0, max }).map(String), weight: 4 }, { arbitrary: nasty, weight: 1 });
    const key = fc.constantFrom('limit', 'offset', 'sort', 'dir', 'lang', 'node', 'category', 'q', 'near', 'radius_km', 'v', 'bbox', 'as_of');
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('0', '-1', '501', 'name', 'size', 'desc', 'en', '2.4', 'seaport', '117,39', '2024-02-30', '2024-3-1', 'x'.repeat(200)));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('counts'), fc.constant('page'), fc.constant('ids'), fc.constant('stacks'), fc.constant('tiles.json'), fc.tuple(segment(15), segment(8), segment(8)).map((zxy) => `tiles/${zxy.map(encodeURIComponent).join('/')}`)),
        fc.array(fc.tuple(key, value), { maxLength: 3 }),
        async (path, pairs) => {
          const res = await t.app.request(`/api/projects/${path}?${new URLSearchParams(pairs).toString()}`);
          expect(res.status, path).toBeLessThan(500);
          if (res.status >= 400) expect(ErrorSchema.safeParse(await res.json()).success, path).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
