/**
 * The filters are written twice on purpose: in SQL on the server (to scale with indexes) and as one
 * MapLibre expression on the client (to filter on the GPU without refetching). This test holds them
 * to the same answers on the real data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterExpression, matcher } from '../../client/state/filter-expression.ts';
import { serverQuery } from '../../client/state/server-query.ts';
import { EMPTY_FILTERS, type Filters } from '../../client/state/view-state.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

type FC = { features: { properties: Record<string, unknown> & { id: string } }[] };
let t: TestApp;
let all: FC['features'];
beforeAll(async () => {
  t = await testApp();
  all = ((await (await t.app.request('/api/projects')).json()) as FC).features;
});
afterAll(() => t.close());

const cases: [string, Partial<Filters>][] = [
  ['a section', { nodes: ['2.4'] }],
  ['a task and a measure', { nodes: ['2.1.3', '2.5.1.m1'] }],
  ['categories', { categories: ['seaport', 'intercity-rail', 'ecological'] }],
  ['statuses', { statuses: ['study', 'ongoing'] }],
  ['a stage', { stages: ['completion'] }],
  ['a milestone', { milestones: [2020] }],
  ['provinces', { provinces: ['hebei', 'shandong'] }],
  ['a lead agency', { agency: 'transport-commission', agencyRole: 'lead' }],
  ['an agency in any role', { agency: 'development-reform-commission' }],
  ['everything at once', { nodes: ['2.1'], categories: ['intercity-rail', 'freight-rail'], provinces: ['tianjin'] }],
];

describe('client expression and server SQL agree', () => {
  it.each(cases)('%s', async (_name, patch) => {
    const filters = { ...EMPTY_FILTERS, ...patch };
    const query = new URLSearchParams(serverQuery(filters)).toString();
    const fromServer = ((await (await t.app.request(`/api/projects?${query}`)).json()) as FC).features.map((f) => f.properties.id).sort();
    const matches = matcher(filterExpression(filters, null));
    const fromClient = all.filter((f) => matches(f.properties)).map((f) => f.properties.id).sort();
    expect(fromServer.length).toBeGreaterThan(0);
    expect(fromClient).toEqual(fromServer);
  });
});
