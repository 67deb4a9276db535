/** Answers served from bodies compressed once per data version, and invalidated by every write. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseCache } from '../../server/middleware/response-cache.ts';
import { testClient } from 'hono/testing';
import { ProjectCollectionSchema } from '#shared/api-schema.ts';
import { bodyOf, editorApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let token = '';
beforeAll(async () => {
  ({ t, token } = await editorApp('cache-editor', 'a long enough password'));
}, 60_000);
afterAll(() => t.close());

/** app.request here: these tests look at the raw bytes and encodings the cache sends, not at typed bodies. */
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const statusOf = (body: Buffer, id: string) =>
  ProjectCollectionSchema.parse(JSON.parse(body.toString('utf8'))).features.find((f) => f.properties.id === id)?.properties.status;
const api = () => testClient(t.app).api;

describe('cached answers', () => {
  it('serve the same bytes in brotli, gzip or plain, with the data version as ETag', async () => {
    const plain = await get('/api/projects', { 'accept-encoding': 'identity' });
    const gz = await get('/api/projects', { 'accept-encoding': 'gzip' });
    const br = await get('/api/projects', { 'accept-encoding': 'gzip, br' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = Buffer.from(await plain.arrayBuffer());
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(text)).toBe(true);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(text)).toBe(true);
    expect(gz.headers.get('etag')).toMatch(/^"\d+\.[^"]*-gzip"$/);
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/i);
  });

  it('answer 304 to a client that has the current version', async () => {
    const first = await get('/api/plan', { 'accept-encoding': 'gzip' });
    const again = await get('/api/plan', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('change with every status edit: new ETag, new body, and coverage follows', async () => {
    const before = await get('/api/projects', { 'accept-encoding': 'gzip' });
    const etag = before.headers.get('etag')!;
    expect(statusOf(gunzipSync(Buffer.from(await before.arrayBuffer())), 'jincang-intercity')).not.toBe('cancelled');
    const coverageBefore = await bodyOf(api().stats.coverage.$get({ query: {} }));

    const { properties } = await bodyOf(api().projects[':id'].$get({ param: { id: 'jincang-intercity' } }));
    const edit = await api().projects[':id'].status.$patch(
      { param: { id: 'jincang-intercity' }, json: { status: 'cancelled', note: 'cache test', source: 'test', version: properties.version } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(edit.status).toBe(200);

    const after = await get('/api/projects', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(statusOf(gunzipSync(Buffer.from(await after.arrayBuffer())), 'jincang-intercity')).toBe('cancelled');
    const coverageAfter = await bodyOf(api().stats.coverage.$get({ query: {} }));
    expect(coverageAfter.byStatus.cancelled ?? 0).toBe((coverageBefore.byStatus.cancelled ?? 0) + 1);
  });

  it('serve a basemap file compressed from the first request on, with a length that matches', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/basemap/rivers.geojson', { 'accept-encoding': 'gzip' });
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const length = res.headers.get('content-length');
      if (length !== null) expect(Number(length)).toBe(body.length);
      expect(JSON.parse(gunzipSync(body).toString('utf8'))).toHaveProperty('type', 'FeatureCollection');
    }
  });

  it('keep errors out of the cache: a bad filter is a 400 every time', async () => {
    for (let i = 0; i < 2; i++) expect((await get('/api/projects?province=atlantis')).status).toBe(400);
  });
});

describe('the cache key', () => {
  it('is the path and query: two Host names share one entry, another query gets its own', async () => {
    let served = 0;
    const app = new Hono()
      .use(responseCache(() => Promise.resolve('v1')))
      .get('/thing', (c) => {
        served += 1;
        return c.json({ q: c.req.query('q') ?? null });
      });
    // The URL's host is what the Host header becomes once @hono/node-server builds the Request.
    const a = await app.request('http://atlas.example/thing?q=1', { headers: { host: 'atlas.example' } });
    const b = await app.request('http://other.example:8080/thing?q=1', { headers: { host: 'other.example:8080' } });
    expect(await a.json()).toEqual({ q: '1' });
    expect(await b.json()).toEqual({ q: '1' });
    expect(served).toBe(1);
    await app.request('http://atlas.example/thing?q=2');
    expect(served).toBe(2);
  });
});
