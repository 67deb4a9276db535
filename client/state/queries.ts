/**
 * The client's server state: every query key and the request behind it, in one place, for
 * TanStack Query's one cache (query-client.ts). Keys are data; objects in them hash by value, so a
 * query and the same query with its keys in another order share one entry and one request (the
 * statistics tab and the coverage map ask for the same figures once).
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../lib/api.ts';
import type { ServerQuery } from './server-query.ts';

/** Every key the client caches under. The first part names the kind, so one kind is invalidated alone. */
export const queryKeys = {
  me: ['me'] as const,
  plan: ['plan'] as const,
  /** Every project (the map filters them itself). */
  projects: ['projects'] as const,
  /** The ids (and distances) a server-side query returns: free-text search and radius. */
  projectIds: (query: ServerQuery) => ['project-ids', query] as const,
  /** A large set (large-set.ts): the counts of a filter, a page of its list, the tiles' data version. */
  projectCounts: (query: ServerQuery) => ['project-counts', query] as const,
  projectPage: (query: ServerQuery, page: PageParams) => ['project-page', query, page] as const,
  projectTiles: ['project-tiles'] as const,
  project: (id: string) => ['project', id] as const,
  /** Every coverage answer (for invalidation), and one coverage answer. */
  coverageAll: ['coverage'] as const,
  coverage: (query: ServerQuery) => ['coverage', query] as const,
  statusHistory: ['status-history'] as const,
  /** Saved views, per signed-in user (a site may need sign-in to read). */
  views: (who: string | null) => ['views', who] as const,
};

/** A request that TanStack Query may cancel (a search typed further, a filter changed again). */
const cancellable = (signal: AbortSignal) => ({ init: { signal } });

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => unwrap(api.api.auth.me.$get(undefined, cancellable(signal))),
});

export const planQuery = queryOptions({
  queryKey: queryKeys.plan,
  queryFn: ({ signal }) => unwrap(api.api.plan.$get(undefined, cancellable(signal))),
});

export const projectsQuery = queryOptions({
  queryKey: queryKeys.projects,
  queryFn: ({ signal }) => unwrap(api.api.projects.$get({ query: {} }, cancellable(signal))),
});

export const projectIdsQuery = (query: ServerQuery) =>
  queryOptions({
    queryKey: queryKeys.projectIds(query),
    queryFn: ({ signal }) => unwrap(api.api.projects.$get({ query }, cancellable(signal))),
  });

export const projectCountsQuery = (query: ServerQuery & { as_of?: string }) =>
  queryOptions({
    queryKey: queryKeys.projectCounts(query),
    queryFn: ({ signal }) => unwrap(api.api.projects.counts.$get({ query }, cancellable(signal))),
  });

/** A page of a large set's list: where it starts, how long it is, the language its names sort in. */
export type PageParams = { offset: string; limit: string; lang: 'zh' | 'en'; sort?: 'name' | 'category' | 'status' | 'size' | 'distance'; dir?: 'asc' | 'desc' };

export const projectPageQuery = (query: ServerQuery, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.projectPage(query, page),
    queryFn: ({ signal }) => unwrap(api.api.projects.page.$get({ query: { ...query, ...page } }, cancellable(signal))),
  });

export const tileSourceQuery = queryOptions({
  queryKey: queryKeys.projectTiles,
  queryFn: ({ signal }) => unwrap(api.api.projects['tiles.json'].$get(undefined, cancellable(signal))),
});

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.project(id),
    queryFn: ({ signal }) => unwrap(api.api.projects[':id'].$get({ param: { id } }, cancellable(signal))),
  });

export const coverageQuery = (query: ServerQuery) =>
  queryOptions({
    queryKey: queryKeys.coverage(query),
    queryFn: ({ signal }) => unwrap(api.api.stats.coverage.$get({ query }, cancellable(signal))),
  });

export const statusHistoryQuery = queryOptions({
  queryKey: queryKeys.statusHistory,
  queryFn: ({ signal }) => unwrap(api.api.history.status.$get({ query: {} }, cancellable(signal))),
});

export const viewsQuery = (who: string | null) =>
  queryOptions({
    queryKey: queryKeys.views(who),
    queryFn: async ({ signal }) => (await unwrap(api.api.views.$get(undefined, cancellable(signal)))).views,
  });
