/**
 * The client's matcher evaluates the filter expression without MapLibre's expression engine; here it
 * is held to the style spec's own featureFilter (what the map's layers apply) on every project and
 * a spread of filters, ids included.
 */
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterExpression, matcher } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS, type Filters } from '../../client/state/view-state.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

type Props = Record<string, unknown> & { id: string };
let t: TestApp;
let all: Props[];
beforeAll(async () => {
  t = await testApp();
  all = ((await (await t.app.request('/api/projects')).json()) as { features: { properties: Props }[] }).features.map((f) => f.properties);
});
afterAll(() => t.close());

const cases: [string, Partial<Filters>, string[] | null][] = [
  ['nothing', {}, null],
  ['a section and a measure', { nodes: ['2.4', '2.1.3.m1'] }, null],
  ['categories and statuses', { categories: ['seaport', 'intercity-rail'], statuses: ['study', 'operation'] }, null],
  ['a milestone (most projects have none)', { milestones: [2020, 2030] }, null],
  ['provinces and an agency in one role', { provinces: ['hebei'], agency: 'transport-commission', agencyRole: 'lead' }, null],
  ['search ids with a stage', { stages: ['construction'] }, ['tianjin-port', 'jingtang-intercity', 'dagang-port-area']],
  ['no id matches', {}, []],
];

describe('matcher agrees with MapLibre featureFilter', () => {
  it.each(cases)('%s', (_name, patch, ids) => {
    const expr = filterExpression({ ...EMPTY_FILTERS, ...patch }, ids);
    const mine = matcher(expr);
    const theirs = expr ? featureFilter(expr, 'filter') : null;
    for (const properties of all) {
      const expected = theirs ? theirs.filter({ zoom: 0 }, { type: 1, properties } as never) : true;
      expect(mine(properties), properties.id).toBe(expected);
    }
  });

  it('refuses an operator it does not know rather than guess', () => {
    expect(() => matcher(['==', ['get', 'status'], 'study'])({ status: 'study' })).toThrow(/not supported/);
  });
});
