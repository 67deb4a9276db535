/**
 * After a status edit the client updates its cache (client/state/queries-cache.ts) instead of
 * reloading the collection: the one project changes, and the counts built from the collection
 * move with it, exactly as a reload would show them; the figures that count statuses are marked
 * stale, the rest is left alone. Real app, real database, a real edit through the typed client.
 */
import { QueryClient } from '@tanstack/react-query';
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage, coverageItemOf } from '#shared/coverage.ts';
import type { StatusId } from '#shared/taxonomy.ts';
import type { ProjectCollection, ProjectDetail } from '../../client/lib/api.ts';
import { projectsQuery, queryKeys } from '../../client/state/queries.ts';
import { applyStatusEdit } from '../../client/state/queries-cache.ts';
import { editorApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let token = '';
beforeAll(async () => {
  ({ t, token } = await editorApp());
}, 60_000);
afterAll(() => t.close());

const api = () => testClient(t.app).api;
async function collection(): Promise<ProjectCollection> {
  const res = await api().projects.$get({ query: {} });
  if (!res.ok) throw new Error(`collection: ${res.status}`);
  return res.json();
}
async function editStatus(id: string, status: StatusId, version: number): Promise<ProjectDetail> {
  const res = await api().projects[':id'].status.$patch(
    { param: { id }, json: { status, note: 'test', source: 'test', version } },
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (res.status !== 200) throw new Error(`edit: ${res.status}`);
  return res.json();
}
async function detail(id: string): Promise<ProjectDetail> {
  const res = await api().projects[':id'].$get({ param: { id } });
  if (res.status !== 200) throw new Error(`detail: ${res.status}`);
  return res.json();
}
/** Counts by status with one project moved from one status to another (a status no project has is absent). */
function moved(byStatus: Record<string, number>, from: string, to: string) {
  const next = { ...byStatus, [from]: (byStatus[from] ?? 0) - 1, [to]: (byStatus[to] ?? 0) + 1 };
  return Object.fromEntries(Object.entries(next).filter(([, n]) => n > 0));
}
const counts = (fc: ProjectCollection) => coverage(fc.features.map((f) => coverageItemOf(f.properties)));

describe('applyStatusEdit', () => {
  it('changes the one project and the counts, as a reload would, and reloads nothing', async () => {
    const client = new QueryClient();
    const before = await collection();
    client.setQueryData(queryKeys.projects, before);
    const others = {
      plan: queryKeys.plan,
      ids: queryKeys.projectIds({ q: '天津港' }),
      otherDetail: queryKeys.project('tianjin-port'),
    };
    for (const key of Object.values(others)) client.setQueryData(key, {});
    client.setQueryData(queryKeys.coverage({}), { total: before.features.length });
    client.setQueryData(queryKeys.statusHistory, []);

    const target = before.features.find((f) => f.properties.id !== 'tianjin-port' && f.properties.status !== 'ongoing')!;
    const saved = await editStatus(target.properties.id, 'ongoing', target.properties.version);
    applyStatusEdit(client, saved);

    const after = client.getQueryData(projectsQuery.queryKey)!;
    // The cache now holds what the server would send (a reload is not needed to see it) ...
    expect(after).toEqual(await collection());
    // ... with only the edited feature new: every other one is the object it was, so nothing else redraws.
    const changed = after.features.filter((f, i) => f !== before.features[i]);
    expect(changed.map((f) => f.properties.id)).toEqual([target.properties.id]);
    expect(changed[0]!.properties).toEqual({ ...target.properties, status: 'ongoing', version: target.properties.version + 1 });
    expect(changed[0]!.geometry).toBe(target.geometry);

    // The counts built from the collection: one project moved from its old status to the new one.
    const [was, now] = [counts(before), counts(after)];
    expect(now.byStatus).toEqual(moved(was.byStatus, target.properties.status, 'ongoing'));
    expect({ ...now, byStatus: null }).toEqual({ ...was, byStatus: null });

    // Its detail is the server's answer; the status figures are stale; the collection and the rest are not.
    expect(client.getQueryData(queryKeys.project(target.properties.id))).toBe(saved);
    expect(client.getQueryState(queryKeys.coverage({}))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.statusHistory)?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.projects)?.isInvalidated).toBe(false);
    for (const key of Object.values(others)) expect(client.getQueryState(key)?.isInvalidated).toBe(false);
  });

  it('keeps a newer project when an older answer arrives late', async () => {
    const client = new QueryClient();
    const before = await collection();
    const target = before.features.find((f) => f.properties.status !== 'operation')!;
    const old = await detail(target.properties.id);
    const newer = await editStatus(target.properties.id, 'operation', target.properties.version);
    applyStatusEdit(client, newer);
    client.setQueryData(queryKeys.projects, await collection());
    const current = client.getQueryData(projectsQuery.queryKey);
    applyStatusEdit(client, old);
    expect(client.getQueryData(projectsQuery.queryKey)).toBe(current);
  });

  it('does nothing to a collection not loaded yet', async () => {
    const client = new QueryClient();
    const before = await collection();
    applyStatusEdit(client, await detail(before.features[0]!.properties.id));
    expect(client.getQueryData(projectsQuery.queryKey)).toBeUndefined();
  });
});
