/** Data from the API: who is signed in, the plan, every project (filtered on the client), and server-side id queries. */
import { useQuery } from '@tanstack/react-query';
import type { ProjectCollection } from '../lib/api.ts';
import { TILE_SET, tileUrl } from './large-set.ts';
import { meQuery, planQuery, projectCountsQuery, projectIdsQuery, projectsQuery, tileSourceQuery } from './queries.ts';
import { serverQuery } from './server-query.ts';
import { EMPTY_FILTERS } from './view-state.ts';

/** Who is signed in (null until known, or when the server cannot say); sign-in.tsx writes a change into the cache. */
export function useMe() {
  return useQuery(meQuery).data ?? null;
}

export function usePlan() {
  const { data, error } = useQuery(planQuery);
  return { plan: data ?? null, error };
}

/**
 * Every project, or for a large set (large-set.ts) the URL of its vector tiles instead: the server
 * first says how many projects there are, and only a set the browser can hold is downloaded whole.
 */
export function useProjects() {
  const size = useQuery(projectCountsQuery({}));
  const large = (size.data?.total ?? 0) > TILE_SET;
  const { data, error } = useQuery({ ...projectsQuery, enabled: !size.isPending && !large });
  const source = useQuery({ ...tileSourceQuery, enabled: large });
  return {
    projects: data ?? null,
    error: error ?? source.error,
    large,
    tiles: large && source.data ? tileUrl(source.data.version) : null,
    /** The zooms that draw only a sample of the set, and its share (large-set.ts sampleAt). */
    thinned: (large && source.data?.thinned) || [],
  };
}

export type IdQuery = { ids: string[]; distances: Record<string, number> } | null;

/** The ids in the server's order, and the distance of each (radius queries). Stable, so TanStack Query keeps its result. */
const idsOf = (fc: ProjectCollection): IdQuery => ({
  ids: fc.features.map((f) => f.properties.id),
  distances: Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties.distance_km ?? 0])),
});

/**
 * Free-text search and radius queries run on the server (pinyin, R*Tree); the map filters by the
 * ids they return. The ids keep the server's order: best match first for a search (exact name,
 * prefix, contains, other fields), nearest first for a radius. While a query is on its way, or if
 * it failed, it matches nothing: never everything, and never the previous query's answer.
 */
export function useIdQuery(q: string, near: [number, number] | null, radiusKm: number) {
  const query = q || near ? serverQuery({ ...EMPTY_FILTERS, q, near, radiusKm }) : null;
  const { data, error, isPending } = useQuery({ ...projectIdsQuery(query ?? {}), select: idsOf, enabled: query !== null });
  if (!query) return { result: null, error: null, pending: false };
  return { result: data ?? NOTHING, error, pending: isPending };
}

const NOTHING: IdQuery = { ids: [], distances: {} };
