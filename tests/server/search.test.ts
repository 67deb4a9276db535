/** GET /api/projects?q=: category words, English words in any order, best match first, on the real seeded data. */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRank } from '#shared/search.ts';
import { CATEGORIES, CATEGORY_IDS } from '#shared/taxonomy.ts';
import { bodyOf, geodata, testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Query = Parameters<ReturnType<typeof testClient<TestApp['app']>>['api']['projects']['$get']>[0]['query'];
const get = (query: Query) => bodyOf(testClient(t.app).api.projects.$get({ query }));
const search = async (q: string, more: Query = {}) => (await get({ q, ...more })).features.map((f) => f.properties);
const ids = async (q: string) => (await search(q)).map((p) => p.id);
const ofCategories = (cats: string[]) =>
  geodata()
    .projects.filter((f) => cats.includes(f.properties.category))
    .map((f) => f.properties.id);

describe('search', () => {
  it('finds Tianjin port by English words in any order', async () => {
    const a = await ids('tianjin port');
    const b = await ids('port tianjin');
    expect(a).toContain('tianjin-port');
    expect([...a].sort()).toEqual([...b].sort());
    expect(await ids('Port  of  TIANJIN')).toContain('tianjin-port');
    // "port" is a word, not a part of "airport"
    expect(a).not.toContain('tianjin-airport');
  });

  it('needs every word to match (AND)', async () => {
    expect(await ids('tianjin manzhouli')).toEqual(['landbridge-manzhouli']);
    expect(await ids('tianjin qqqq')).toEqual([]);
  });

  it('港口 and "port" return every seaport and port area', async () => {
    const expected = ofCategories(['seaport', 'port-area']);
    expect(expected.length).toBeGreaterThan(3);
    for (const q of ['港口', 'port', 'ports']) expect(await ids(q), q).toEqual(expect.arrayContaining(expected));
  });

  it('铁路 and "railway" return every rail category the labels name', async () => {
    const rail = CATEGORY_IDS.filter((c) => CATEGORIES[c].zh.includes('铁路'));
    expect(rail).toEqual(expect.arrayContaining(['intercity-rail', 'high-speed-rail', 'freight-rail', 'rail-corridor']));
    const expected = ofCategories(rail);
    for (const q of ['铁路', 'railway']) {
      const found = await search(q);
      expect(found.map((p) => p.id), q).toEqual(expect.arrayContaining(expected));
      for (const c of rail) expect(found.some((p) => p.category === c), `${q} ${c}`).toBe(true);
    }
  });

  it('机场 returns the airport; a place + a category word narrows to both (天津港口)', async () => {
    expect(await ids('机场')).toEqual(expect.arrayContaining(ofCategories(['airport'])));
    const tianjinPorts = await search('天津港口');
    expect(tianjinPorts.map((p) => p.id)).toContain('tianjin-port');
    expect(tianjinPorts.map((p) => p.id)).not.toContain('tianjin-airport');
  });

  it('puts the exact name first: 天津港 before the corridor whose name holds 天津港口', async () => {
    const found = await ids('天津港');
    expect(found).toContain('erenhot-tianjin-port-railway');
    expect(found[0]).toBe('tianjin-port');
    expect((await ids('tianjin port'))[0]).toBe('tianjin-port');
    expect((await ids('Port of Tianjin'))[0]).toBe('tianjin-port');
    expect((await ids('天津机场'))[0]).toBe('tianjin-airport');
  });

  it('ranks prefix matches before names that only contain the text', async () => {
    const found = await search('天津');
    const starts = found.map((p) => p.name_zh.startsWith('天津'));
    expect(starts.indexOf(false)).toBeGreaterThan(0);
    expect(starts.slice(starts.indexOf(false))).not.toContain(true);
  });

  it('answers in rank order for every query (exact, prefix, contains, other fields)', async () => {
    for (const q of ['天津', '天津港', 'tianjin', 'port', '港', 'airport', '京津', 'rail']) {
      const found = await search(q);
      const ranks = found.map((p) => matchRank(q, { name_zh: p.name_zh, name_en: p.name_en }));
      expect(ranks, q).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('keeps the ranking with other filters, and nearest first with near', async () => {
    const withCategory = (await search('天津港', { category: 'seaport,rail-corridor' })).map((p) => p.id);
    expect(withCategory[0]).toBe('tianjin-port');
    const d = (await search('port', { near: '117.7,38.98', radius_km: '40' })).map((p) => p.distance_km ?? NaN);
    expect(d.length).toBeGreaterThan(1);
    expect(d.every(Number.isFinite)).toBe(true);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });

  it('takes any text: wildcards and quotes are literal, never a 500', async () => {
    for (const q of ['%', '_', "'", '\\', '()', '天津%港']) {
      const res = await testClient(t.app).api.projects.$get({ query: { q } });
      expect(res.status, q).toBe(200);
    }
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });
});
