/**
 * What lets a client pick its mode and filter a large set's search without the GeoJSON: the page
 * names how many projects there are (so the plan's dashboard asks no counts before its projects),
 * and /api/projects/ids answers a search or radius query with ids alone, in /api/projects's order.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '#shared/api-schema.ts';
import { SET_SIZE_META } from '#shared/large-set.ts';
import { createApp } from '../../server/app.ts';
import { bodyOf, testApp, type TestApp } from '../helpers/test-app.ts';

type Api = ReturnType<typeof testClient<TestApp['app']>>['api'];
let t: TestApp;
let api: Api;
beforeAll(async () => {
  t = await testApp();
  api = testClient(t.app).api;
}, 60_000);
afterAll(() => t.close());

describe('the page', () => {
  it('names the number of live projects, once, and keeps the GeoJSON preload for a set the browser holds', async () => {
    const clientDir = join(t.dir, 'client');
    mkdirSync(clientDir);
    // A page that already names a size (one served by another server) names only this one's.
    writeFileSync(join(clientDir, 'index.html'), `<html><head><link rel="preload" href="/api/projects" as="fetch" /><meta name="${SET_SIZE_META}" content="6000" /></head><body></body></html>`);
    const app = createApp({ db: t.db, clientDir });
    const { features } = await bodyOf(api.projects.$get({ query: {} }));
    for (const path of ['/', '/index.html', '/some/deep/link']) {
      const html = await (await app.request(path)).text();
      const named = [...html.matchAll(new RegExp(`<meta name="${SET_SIZE_META}" content="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
      expect(named, path).toEqual([features.length]);
      expect(html, path).toContain('href="/api/projects"');
    }
  });
});

describe('GET /api/projects/ids', () => {
  const queries = [{ q: '港' }, { q: 'tianjin port' }, { near: '117.7,39.0', radius_km: '40' }, { q: '港', category: 'seaport' }];

  it('gives the ids /api/projects gives, in its order, with the distances with near', async () => {
    for (const query of queries) {
      const { features } = await bodyOf(api.projects.$get({ query }));
      const answer = await bodyOf(api.projects.ids.$get({ query }));
      const label = JSON.stringify(query);
      expect(answer.total, label).toBe(features.length);
      expect(answer.ids, label).toEqual(features.map((f) => f.properties.id));
      if ('near' in query) expect(answer.distances, label).toEqual(Object.fromEntries(features.map((f) => [f.properties.id, f.properties.distance_km])));
      else expect(answer, label).not.toHaveProperty('distances');
    }
  });

  it('gives at most limit ids, the first ones, and the whole total', async () => {
    const { features } = await bodyOf(api.projects.$get({ query: { q: '港' } }));
    expect(features.length).toBeGreaterThan(3);
    const answer = await bodyOf(api.projects.ids.$get({ query: { q: '港', limit: '3' } }));
    expect(answer).toEqual({ total: features.length, ids: features.slice(0, 3).map((f) => f.properties.id) });
  });

  it('refuses a limit above a set the browser holds whole, or a bad filter, with 400 naming it', async () => {
    for (const [query, field] of [
      ['limit=5001', 'limit'],
      ['limit=0', 'limit'],
      ['category=castle', 'category'],
      ['near=1000,1', 'near'],
    ] as const) {
      const res = await t.app.request(`/api/projects/ids?${query}`);
      expect(res.status, query).toBe(400);
      expect(ErrorSchema.parse(await res.json()).error.field, query).toBe(field);
    }
  });
});
