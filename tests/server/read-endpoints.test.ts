/** The read endpoints besides /api/projects: plan, coverage, exports, OpenAPI, health, caching. */
import { gunzipSync } from 'node:zlib';
import { testClient } from 'hono/testing';
import { z } from 'zod';
import { ErrorSchema, ProjectCollectionSchema } from '#shared/api-schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, geodata, testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let api: ReturnType<typeof testClient<TestApp['app']>>['api'];
beforeAll(async () => {
  t = await testApp();
  api = testClient(t.app).api;
});
afterAll(() => t.close());

describe('GET /api/plan', () => {
  it('serves every plan node with its verbatim text, agencies and projects', async () => {
    const plan = await bodyOf(api.plan.$get());
    expect(plan.nodes).toHaveLength(geodata().plan.nodes.length);
    expect(plan.agencies).toHaveLength(geodata().plan.agencies.length);
    const m = plan.nodes.find((n) => n.id === '2.1.1.m1')!;
    expect(m.text_zh).toBe(geodata().plan.nodes.find((n) => n.id === '2.1.1.m1')!.text_zh);
    expect(m.agencies.length).toBeGreaterThan(3);
    expect(m.projects.map((p) => p.id)).toContain('tianjin-port');
  });
});

describe('GET /api/stats/coverage', () => {
  it('counts the filtered projects by category, status, task area and province', async () => {
    const c = await bodyOf(api.stats.coverage.$get({ query: { node: '2.1' } }));
    const expected = geodata().projects.filter((f) => f.properties.mentions.some((m) => m.node.startsWith('2.1.')));
    expect(c.total).toBe(expected.length);
    expect(Object.values(c.byCategory).reduce((a, b) => a + b, 0)).toBe(expected.length);
    expect(Object.values(c.byStatus).reduce((a, b) => a + b, 0)).toBe(expected.length);
    expect(c.byTaskArea['2.1']).toBe(expected.length);
    expect(c.kmByProvince.tianjin).toBeGreaterThan(0);
    expect(c.measuresByPartner.hebei).toBeGreaterThan(0);
  });

  it('rejects bad filters like /api/projects does', async () => {
    const body = await bodyOf(api.stats.coverage.$get({ query: { province: 'atlantis' } }), 400);
    expect(body.error).toMatchObject({ code: 'bad_request', field: 'province' });
  });
});

describe('exports', () => {
  it('CSV starts with a UTF-8 BOM and carries the Chinese names, one row per project', async () => {
    const res = await api.export['projects.csv'].$get({ query: { category: 'airport,seaport' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    const expected = geodata().projects.filter((f) => ['airport', 'seaport'].includes(f.properties.category));
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines[0]).toMatch(/^名称,英文名称,/);
    expect(text).toContain('天津港');
  });

  it('GeoJSON export is the filtered FeatureCollection', async () => {
    const res = await api.export['projects.geojson'].$get({ query: { node: '2.4' } });
    // A file, not a typed JSON answer: its shape is checked here, by parsing it.
    const fc = z.object({ features: z.array(z.unknown()) }).parse(JSON.parse(await res.text()));
    const expected = geodata().projects.filter((f) => f.properties.mentions.some((m) => m.node.startsWith('2.4.')));
    expect(fc.features).toHaveLength(expected.length);
  });
});

describe('protocol', () => {
  it('health answers ok', async () => {
    expect(await bodyOf(api.health.$get())).toEqual({ ok: true });
  });

  it('sends an ETag and answers 304 when it still matches', async () => {
    const first = await api.plan.$get();
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await api.plan.$get(undefined, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it('compresses JSON when the client accepts gzip', async () => {
    const res = await api.projects.$get({ query: {} }, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = ProjectCollectionSchema.parse(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')));
    expect(body.features.length).toBe(geodata().projects.length);
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    // app.request: a path no route declares, which the typed client cannot name.
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(ErrorSchema.parse(await res.json()).error.code).toBe('not_found');
  });

  it('serves a readable API reference page', async () => {
    const res = await api.docs.$get();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('/api/projects/{id}/status');
  });

  it('can require sign-in for reading', async () => {
    const closed = await testApp({ requireSignInToRead: true });
    try {
      const closedApi = testClient(closed.app).api;
      expect((await closedApi.projects.$get({ query: {} })).status).toBe(401);
      expect((await closedApi.health.$get()).status).toBe(200);
    } finally {
      closed.close();
    }
  });
});

describe('the offline basemap files', () => {
  // app.request: static files (serveStatic), outside the typed /api routes.
  it('are served as GeoJSON, compressed, and cacheable', async () => {
    const res = await t.app.request('/basemap/provinces.geojson', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toMatch(/max-age/);
    const fc = z.object({ features: z.array(z.unknown()) }).parse(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')));
    expect(fc.features.length).toBeGreaterThan(7);
  });

  it('answer a missing file with 404', async () => {
    expect((await t.app.request('/basemap/atlantis.geojson')).status).toBe(404);
  });
});
