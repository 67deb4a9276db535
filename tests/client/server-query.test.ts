/**
 * The filters as the API's query (client/state/server-query.ts): typed by the shared schema, so a
 * misspelt key does not compile (tsc checks the @ts-expect-error lines: an unneeded one fails), and
 * every query it builds is one the server's schema accepts.
 */
import { describe, expect, it } from 'vitest';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { api } from '../../client/lib/api.ts';
import { serverQuery, type ServerQuery } from '../../client/state/server-query.ts';
import { EMPTY_FILTERS, type Filters } from '../../client/state/view-state.ts';

describe('ServerQuery typing', () => {
  it('refuses a misspelt key or a wrong agency role at compile time', () => {
    // @ts-expect-error "categroy" is not a filter of shared/filters.ts
    const misspelt: ServerQuery = { categroy: 'seaport' };
    // @ts-expect-error the agency role is one of lead, cooperating, shared, any
    const role: ServerQuery = { agency_role: 'leader' };
    const fine: ServerQuery = { category: 'seaport', agency_role: 'lead', radius_km: '10' };
    // The typed client refuses it too, for the collection, coverage and the exports.
    const calls = () => [
      // @ts-expect-error "categroy" is not a query parameter of /api/projects
      api.api.projects.$get({ query: { categroy: 'seaport' } }),
      // @ts-expect-error "provinces" is not a query parameter of /api/stats/coverage (it is "province")
      api.api.stats.coverage.$get({ query: { provinces: 'hebei' } }),
      // @ts-expect-error an export's language is zh or en
      api.api.export['projects.csv'].$path({ query: { lang: 'fr' } }),
    ];
    expect([misspelt, role, fine, calls].length).toBe(4);
  });
});

describe('serverQuery', () => {
  const cases: [string, Partial<Filters>][] = [
    ['nothing', {}],
    ['lists', { nodes: ['2.1', '2.4.2'], categories: ['seaport'], statuses: ['study', 'ongoing'], stages: ['completion'], provinces: ['hebei'], milestones: [2020, 2025] }],
    ['an agency in a role', { agency: 'transport-commission', agencyRole: 'lead' }],
    ['text and a radius', { q: '天津港', near: [117.7, 39.0], radiusKm: 40 }],
  ];
  it.each(cases)('builds a query the server schema takes: %s', (_name, patch) => {
    const parsed = ProjectFilterSchema.safeParse(serverQuery({ ...EMPTY_FILTERS, ...patch }));
    expect(parsed.success).toBe(true);
    const f = parsed.data!;
    expect(f.node ?? []).toEqual(patch.nodes ?? []);
    expect(f.milestone ?? []).toEqual(patch.milestones ?? []);
    expect(f.near ?? null).toEqual(patch.near ?? null);
    if (patch.near) expect(f.radius_km).toBe(patch.radiusKm);
    expect(f.agency_role).toBe(patch.agencyRole ?? 'any');
  });

  it('narrows the categories by the legend switches, so an export holds what the map shows', () => {
    expect(serverQuery({ ...EMPTY_FILTERS, categories: ['seaport', 'airport'] }, ['airport'])).toEqual({ category: 'seaport' });
    expect(serverQuery(EMPTY_FILTERS)).toEqual({});
  });
});
