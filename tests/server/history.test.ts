/** GET /api/history/status: every status event, compact and in time order, for "status as of a date". */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../server/db/schema.ts';
import { STAGES } from '../../shared/taxonomy.ts';
import { bodyOf, geodata, editorApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let token = '';
beforeAll(async () => {
  ({ t, token } = await editorApp());
}, 60_000);
afterAll(() => t.close());

const history = (query: { until?: string; project?: string } = {}) => bodyOf(testClient(t.app).api.history.status.$get({ query }));

describe('GET /api/history/status', () => {
  it('starts with one plan-implied, undated event per project, each with only project, status and at', async () => {
    const events = await history();
    const projects = geodata().projects;
    expect(events).toHaveLength(projects.length);
    for (const f of projects) {
      const e = events.find((x) => x.project === f.properties.id)!;
      expect(Object.keys(e).sort()).toEqual(['at', 'project', 'status']);
      expect(e.status).toBe(STAGES[f.properties.stage].status);
      expect(e.at).toBeNull();
    }
  });

  it('adds each status edit, in time order, and `until` leaves out later events', async () => {
    // An older event, as an imported history would hold, and a new edit through the API.
    await t.db.insert(schema.statusEvents).values({
      projectId: 'tianjin-port', fromStatus: null, toStatus: 'planned', at: '2019-06-30T12:00:00.000Z', by: 'editor1', note: '', source: 'test', version: 1,
    });
    const res = await testClient(t.app).api.projects[':id'].status.$patch(
      { param: { id: 'tianjin-port' }, json: { status: 'operation', note: '开通运营', source: 'test', version: 1 } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);

    const port = await history({ project: 'tianjin-port' });
    expect(port.map((e) => e.status)).toEqual([expect.any(String), 'planned', 'operation']);
    expect(port[0]!.at).toBeNull();
    const all = await history();
    // Undated plan statuses first, then the dated changes in time order.
    const dated = all.map((e) => e.at).filter((at) => at !== null);
    expect(all.slice(0, all.length - dated.length).every((e) => e.at === null)).toBe(true);
    expect(dated).toEqual([...dated].sort());
    expect(dated).toHaveLength(2);
    expect(all.at(-1)).toMatchObject({ project: 'tianjin-port', status: 'operation' });

    // `until` keeps the undated plan statuses and the changes up to the end of that day.
    const until = await history({ until: '2019-06-30' });
    expect(until.filter((e) => e.at !== null)).toEqual([{ project: 'tianjin-port', status: 'planned', at: '2019-06-30T12:00:00.000Z' }]);
    expect(until.filter((e) => e.at === null)).toHaveLength(geodata().projects.length);
    expect((await history({ until: '2019-06-29' })).every((e) => e.at === null)).toBe(true);
  });

  it('narrows to some projects', async () => {
    const events = await history({ project: 'tianjin-port,tianjin-airport' });
    expect(new Set(events.map((e) => e.project))).toEqual(new Set(['tianjin-port', 'tianjin-airport']));
  });

  it('answers bad input with a 400 that names the field', async () => {
    for (const [query, field] of [
      [{ until: '2025-02-30' }, 'until'],
      [{ until: 'yesterday' }, 'until'],
      [{ project: 'Not an id' }, 'project'],
      [{ project: '' }, 'project'],
    ] as const) {
      const body = await bodyOf(testClient(t.app).api.history.status.$get({ query }), 400);
      expect(body.error).toMatchObject({ code: 'bad_request', field });
    }
    // app.request: an unknown parameter, which the typed client does not let through.
    const res = await t.app.request('/api/history/status?since=2020-01-01');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request', field: 'since' } });
  });
});

describe('history limits', () => {
  it('caps the project list like every other list parameter', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `p${i}`).join(',');
    const res = await testClient(t.app).api.history.status.$get({ query: { project: ids } });
    expect(res.status).toBe(400);
  });
});
