/** GET /api/projects: the GeoJSON and every filter, alone and combined, on the real seeded data. */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, testApp, geodata, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let api: ReturnType<typeof testClient<TestApp['app']>>['api'];
beforeAll(async () => {
  t = await testApp();
  api = testClient(t.app).api;
});
afterAll(() => t.close());

type Query = Parameters<typeof api.projects.$get>[0]['query'];
type FC = Awaited<ReturnType<typeof get>>;
const get = (query: Query = {}) => bodyOf(api.projects.$get({ query }));
const ids = (fc: FC) => fc.features.map((f) => f.properties.id).sort();
const all = () => geodata().projects;

describe('GET /api/projects', () => {
  it('returns every project of geodata as a FeatureCollection', async () => {
    const body = await get();
    expect(body.type).toBe('FeatureCollection');
    expect(ids(body)).toEqual(all().map((f) => f.properties.id).sort());
  });

  it('gives every feature the id that /api/projects/{id} takes, so a script can walk the collection', async () => {
    const fc = await get({ category: 'seaport' });
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      expect(f.id).toBe(f.properties.id);
      expect((await api.projects[':id'].$get({ param: { id: f.id } })).status).toBe(200);
    }
  });

  it('carries the Chinese name, category, status and plan nodes of Tianjin port', async () => {
    const body = await get();
    const port = body.features.find((f) => f.properties.id === 'tianjin-port')!;
    expect(port.properties.name_zh).toBe('天津港');
    expect(port.properties.category).toBe('seaport');
    expect(port.properties.nodes).toContain(',2.1.1.m1,');
  });

  it('filters by category', async () => {
    const body = await get({ category: 'airport,seaport' });
    const expected = all().filter((f) => ['airport', 'seaport'].includes(f.properties.category));
    expect(ids(body)).toEqual(expected.map((f) => f.properties.id).sort());
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('filters by task area: a section matches every measure below it', async () => {
    const body = await get({ node: '2.4' });
    const expected = all().filter((f) => f.properties.mentions.some((m) => m.node.startsWith('2.4.')));
    expect(ids(body)).toEqual(expected.map((f) => f.properties.id).sort());
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('filters by stage and milestone', async () => {
    const body = await get({ stage: 'completion', milestone: '2020' });
    const expected = all().filter((f) => f.properties.stage === 'completion' && f.properties.milestone === 2020);
    expect(ids(body)).toEqual(expected.map((f) => f.properties.id).sort());
  });

  it('filters by status, which starts as the plan implies', async () => {
    const body = await get({ status: 'study' });
    const expected = all().filter((f) => f.properties.stage === 'study');
    expect(ids(body)).toEqual(expected.map((f) => f.properties.id).sort());
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('filters by lead agency', async () => {
    const lead = geodata().plan.nodes.find((n) => n.id === '2.1.1.m1')!.agencies.find((a) => a.role === 'lead')!.agency;
    const body = await get({ agency: lead, agency_role: 'lead' });
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) expect(f.properties.agencies).toContain(`,lead:${lead},`);
    expect(ids(body)).toContain('tianjin-port');
  });

  it('filters by province', async () => {
    const body = await get({ province: 'inner-mongolia' });
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) expect(f.properties.provinces).toContain(',inner-mongolia,');
    expect(ids(body)).toContain('erenhot-crossing');
  });

  it('filters by bbox through the R*Tree index', async () => {
    // A box around Tianjin's coast: the port is in, the border crossings are not.
    const body = await get({ bbox: '117.4,38.6,118.1,39.3' });
    expect(ids(body)).toContain('tianjin-port');
    expect(ids(body)).not.toContain('manzhouli-crossing');
  });

  it('finds what lies within a radius, nearest first, with distances', async () => {
    const body = await get({ near: '117.7,38.98', radius_km: '30' });
    const d = body.features.map((f) => f.properties.distance_km!);
    expect(d.length).toBeGreaterThan(1);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(Math.max(...d)).toBeLessThanOrEqual(30);
    expect(body.features[0]!.properties.distance_km).toBeLessThan(2);
  });

  it('searches Chinese, English, pinyin and pinyin initials', async () => {
    for (const q of ['天津港', 'port of tianjin', 'tianjingang', 'tjg']) {
      const body = await get({ q });
      expect(ids(body), q).toContain('tianjin-port');
    }
    const body = await get({ q: '不存在的地方' });
    expect(body.features).toEqual([]);
  });

  it('combines filters (AND)', async () => {
    const body = await get({ node: '2.1', category: 'intercity-rail', province: 'beijing' });
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(f.properties.category).toBe('intercity-rail');
      expect(f.properties.provinces).toContain(',beijing,');
      expect(f.properties.nodes).toMatch(/,2\.1\./);
    }
  });

  it.each<[Query, string]>([
    [{ category: 'bogus' }, 'category'],
    [{ status: 'finished' }, 'status'],
    [{ milestone: '2021' }, 'milestone'],
    [{ node: '9.9' }, 'node'],
    [{ agency: 'no-such-agency' }, 'agency'],
    [{ bbox: '1,2,3' }, 'bbox'],
    [{ bbox: ',,,' }, 'bbox'],
    [{ near: ',' }, 'near'],
    [{ near: '117,39', radius_km: '5000' }, 'radius_km'],
    [{ near: '200,20' }, 'near'],
    [{ radius_km: '-5', near: '117,39' }, 'radius_km'],
  ])('rejects %o with a 400 naming %s', async (query, field) => {
    const body = await bodyOf(api.projects.$get({ query }), 400);
    expect(body.error).toMatchObject({ code: 'bad_request', field });
  });

  it('rejects an unknown parameter with a 400 naming it', async () => {
    // app.request: the typed client would not let an unknown parameter through, and this sends one on purpose.
    const res = await t.app.request('/api/projects?colour=red');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request', field: 'colour' } });
  });
});

describe('GET /api/projects/:id', () => {
  it('returns the clauses with verbatim text, agencies, provinces and history', async () => {
    const d = await bodyOf(api.projects[':id'].$get({ param: { id: 'tianjin-port' } }));
    expect(d.properties.clauses.length).toBeGreaterThan(0);
    for (const c of d.properties.clauses) expect(c.text_zh).toContain(c.phrase);
    expect(d.properties.clauses.find((c) => c.node === '2.1.1.m1')!.agencies.some((a) => a.role === 'lead')).toBe(true);
    expect(d.properties.history).toHaveLength(1);
    expect(d.properties.history[0]!.by).toBe('plan');
    expect(d.properties.source).toMatch(/LOCODE/);
  });

  it('404s an unknown id in the JSON error shape', async () => {
    const body = await bodyOf(api.projects[':id'].$get({ param: { id: 'no-such-place' } }), 404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'project no-such-place not found' } });
  });
});
