/**
 * The query keys (client/state/queries.ts): equal filters share one cache entry (one request for
 * the statistics tab and the coverage map), and each kind of data is invalidated alone.
 */
import { hashKey, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { coverageQuery, projectIdsQuery, projectQuery, queryKeys } from '../../client/state/queries.ts';
import { serverQuery } from '../../client/state/server-query.ts';
import { EMPTY_FILTERS } from '../../client/state/view-state.ts';

const shown = serverQuery({ ...EMPTY_FILTERS, categories: ['seaport', 'airport'], provinces: ['hebei'] }, ['airport']);

describe('query keys', () => {
  it('hash a query by value: the same filters in another key order are one entry', () => {
    const reordered = Object.fromEntries(Object.entries(shown).reverse());
    expect(Object.keys(reordered)).not.toEqual(Object.keys(shown));
    expect(hashKey(queryKeys.coverage(reordered))).toBe(hashKey(queryKeys.coverage(shown)));
    expect(hashKey(coverageQuery(reordered).queryKey)).toBe(hashKey(coverageQuery(shown).queryKey));
  });

  it('tell different filters, and coverage from search ids, apart', () => {
    const other = serverQuery({ ...EMPTY_FILTERS, categories: ['seaport', 'airport'], provinces: ['hebei'] });
    expect(hashKey(queryKeys.coverage(other))).not.toBe(hashKey(queryKeys.coverage(shown)));
    expect(hashKey(queryKeys.projectIds(shown))).not.toBe(hashKey(queryKeys.coverage(shown)));
    expect(hashKey(queryKeys.views('editor1'))).not.toBe(hashKey(queryKeys.views(null)));
  });

  it('answer a second ask for the same coverage from the cache, with no second request', async () => {
    const client = new QueryClient();
    let requests = 0;
    const figures = { total: 3 };
    const ask = (q: typeof shown) => client.ensureQueryData({ queryKey: coverageQuery(q).queryKey, queryFn: () => (requests++, Promise.resolve(figures)) });
    // The statistics tab and the coverage map, asking at the same moment and later.
    const [a, b] = await Promise.all([ask(shown), ask({ ...shown })]);
    await ask(Object.fromEntries(Object.entries(shown).reverse()));
    expect(requests).toBe(1);
    expect(a).toBe(b);
  });

  it('invalidate one kind alone: coverage marks every coverage entry and nothing else', async () => {
    const client = new QueryClient();
    const keys = {
      coverage: queryKeys.coverage(shown),
      coverageAll: queryKeys.coverage({}),
      projects: queryKeys.projects,
      ids: projectIdsQuery({ q: '天津港' }).queryKey,
      detail: projectQuery('tianjin-port').queryKey,
      plan: queryKeys.plan,
      history: queryKeys.statusHistory,
      views: queryKeys.views(null),
      me: queryKeys.me,
    };
    for (const key of Object.values(keys)) client.setQueryData(key, {});
    await client.invalidateQueries({ queryKey: queryKeys.coverageAll });
    const invalidated = Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
    expect(invalidated.sort()).toEqual(['coverage', 'coverageAll']);
  });
});
