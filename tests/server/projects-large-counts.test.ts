/**
 * What a large set's dashboard needs from /api/projects/counts besides the counts, because it holds
 * no project in the browser: the bounds of the matches (its "fit results" and the frame of a
 * search), each match's status on a chosen day (the status key of the timeline), and the count
 * badges of points sharing a spot (/api/projects/stacks). Each is held to
 * what the browser computes from the whole collection for the plan's own set.
 */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '#shared/api-schema.ts';
import { planDay } from '#shared/day.ts';
import * as schema from '../../server/db/schema.ts';
import { changedBy, statusAsOf, type StatusEvent } from '../../client/coverage/status-as-of.ts';
import { statusCounts } from '../../client/coverage/symbology.ts';
import { stackBadges } from '#shared/stacks.ts';
import { bboxOf } from '../../client/map/use-camera-fit.ts';
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

const filters = [{}, { node: '2.4' }, { category: 'seaport,airport' }, { province: 'hebei', status: 'planned,study' }, { q: '港' }, { near: '117.7,39.0', radius_km: '40' }];

describe('GET /api/projects/counts: bounds', () => {
  it('gives the bounds of exactly the matching projects, as the browser frames them', async () => {
    for (const query of filters) {
      const { features } = await bodyOf(api.projects.$get({ query }));
      const { bbox } = await bodyOf(api.projects.counts.$get({ query }));
      const expected = bboxOf(features)!;
      expect(bbox, JSON.stringify(query)).not.toBeNull();
      bbox!.forEach((v, i) => expect(v, `${JSON.stringify(query)} [${i}]`).toBeCloseTo(expected[i]!, 9));
    }
  });

  it('is null when nothing matches', async () => {
    const { total, bbox } = await bodyOf(api.projects.counts.$get({ query: { q: 'zzzzqqqq' } }));
    expect(total).toBe(0);
    expect(bbox).toBeNull();
  });
});

describe('GET /api/projects/stacks', () => {
  it('gives the count badges the map draws from the whole collection, for any filter', async () => {
    let badges = 0;
    // The map filters the whole collection, in its order (a search's ranking does not reorder it).
    const { features: all } = await bodyOf(api.projects.$get({ query: {} }));
    for (const query of filters) {
      const ids = new Set((await bodyOf(api.projects.$get({ query }))).features.map((f) => f.properties.id));
      const stacks = await bodyOf(api.projects.stacks.$get({ query }));
      expect(stacks, JSON.stringify(query)).toEqual(stackBadges(all.filter((f) => ids.has(f.properties.id))));
      badges += stacks.features.length;
    }
    expect(badges, 'the plan has points sharing a spot').toBeGreaterThan(0);
  });
});

describe('GET /api/projects/counts?as_of=day', () => {
  it('counts each match by its status on the day, as the status key counts the collection', async () => {
    // Dated changes: two of one project on 2024-03-01 (written later one first, so the id order is not
    // the time order), and one of another at 00:30 of the next day in China.
    const { features: all } = await bodyOf(api.projects.$get({ query: { node: '2.4' } }));
    const [a, b] = all;
    await t.db.insert(schema.statusEvents).values([
      { projectId: a!.properties.id, fromStatus: 'suspended', toStatus: 'construction', at: '2024-03-01T12:00:00.000Z', by: 'editor1', note: 't', source: 't', version: 3 },
      { projectId: a!.properties.id, fromStatus: a!.properties.status, toStatus: 'suspended', at: '2024-03-01T10:00:00.000Z', by: 'editor1', note: 't', source: 't', version: 2 },
      { projectId: b!.properties.id, fromStatus: b!.properties.status, toStatus: 'suspended', at: '2024-03-01T16:30:00.000Z', by: 'editor1', note: 't', source: 't', version: 2 },
    ]);
    // And one made now through the API.
    const c = all[2]!.properties;
    const res = await api.projects[':id'].status.$patch(
      { param: { id: c.id }, json: { status: c.status === 'operation' ? 'planned' : 'operation', note: 'as-of test', source: 'test', version: c.version } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const events = (await (await t.app.request('/api/history/status')).json()) as StatusEvent[];
    for (const day of ['2024-02-29', '2024-03-01', '2024-03-02', planDay()]) {
      for (const query of filters) {
        const { features } = await bodyOf(api.projects.$get({ query }));
        const counts = await bodyOf(api.projects.counts.$get({ query: { ...query, as_of: day } }));
        const on = statusAsOf(events, day);
        const changed = changedBy(events, day);
        const label = `${day} ${JSON.stringify(query)}`;
        expect(counts.asOf?.day, label).toBe(day);
        expect(counts.asOf?.byStatus, label).toEqual(statusCounts(features.map((f) => f.properties), on));
        expect(counts.asOf?.planOnly, label).toBe(features.filter((f) => !changed.has(f.properties.id) && on.has(f.properties.id)).length);
      }
    }
    // The change inside 2024-03-01 counts on that day; the one after its midnight in China does not.
    const day1 = await bodyOf(api.projects.counts.$get({ query: { node: '2.4', as_of: '2024-03-01' } }));
    const before = await bodyOf(api.projects.counts.$get({ query: { node: '2.4', as_of: '2024-02-29' } }));
    expect(day1.asOf!.byStatus.construction ?? 0).toBe((before.asOf!.byStatus.construction ?? 0) + (a!.properties.status === 'construction' ? 0 : 1));
  });

  it('leaves asOf out without a day, and refuses a day that is not one with 400 naming as_of', async () => {
    expect(await bodyOf(api.projects.counts.$get({ query: {} }))).not.toHaveProperty('asOf');
    for (const bad of ['2024-02-30', '2024-3-1', 'today']) {
      const res = await t.app.request(`/api/projects/counts?as_of=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(ErrorSchema.parse(await res.json()).error.field, bad).toBe('as_of');
    }
  });
});
