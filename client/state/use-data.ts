/** Data from the API: who is signed in, the plan, every project (filtered on the client), and server-side id queries. */
import { useQuery } from '@tanstack/react-query';
import type { ProjectCollection } from '../lib/api.ts';
import { SET_SIZE_META } from '#shared/large-set.ts';
import { TILE_SET, tileUrl, type IdAnswer } from './large-set.ts';
import { meQuery, planQuery, projectCountsQuery, projectIdsQuery, projectsQuery, tileSourceQuery } from './queries.ts';
import { serverQuery, type ServerQuery } from './server-query.ts';
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
 * How many projects the page the server sent names (server/routes/projects-large.ts largeSetPage),
 * or null where it names none (Vite's dev server).
 */
function sizeInPage(): number | null {
  const content = typeof document === 'undefined' ? null : document.querySelector(`meta[name="${SET_SIZE_META}"]`)?.getAttribute('content');
  return content && /^\d+$/.test(content) ? Number(content) : null;
}
const PAGE_SIZE = sizeInPage();

/**
 * Every project, or for a large set (large-set.ts) the URL of its vector tiles instead: the page
 * says how many projects there are (else the server's counts do), and only a set the browser can
 * hold is downloaded whole.
 */
export function useProjects() {
  const size = useQuery({ ...projectCountsQuery({}), enabled: PAGE_SIZE === null });
  const total = PAGE_SIZE ?? size.data?.total;
  const large = (total ?? 0) > TILE_SET;
  const { data, error } = useQuery({ ...projectsQuery, enabled: total !== undefined && !large });
  const source = useQuery({ ...tileSourceQuery, enabled: large });
  return {
    projects: data ?? null,
    error: error ?? source.error,
    large,
    tiles: large && source.data ? tileUrl(source.data.version) : null,
    /** The zooms that draw only a sample of the set, and its share (large-set-data.tsx sampleAt). */
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
 * A large set's answer comes from large-set-data.tsx (`large`: its answer, false until it loads).
 */
export function useIdQuery(q: string, near: [number, number] | null, radiusKm: number, large?: IdAnswer | false): IdAnswer {
  const query = idQueryOf(q, near, radiusKm);
  const { data, error, isPending } = useQuery({ ...projectIdsQuery(query ?? {}), select: idsOf, enabled: query !== null && large === undefined });
  if (!query) return { result: null, error: null, pending: false, capped: null };
  if (large !== undefined) return large || { result: NOTHING, error: null, pending: true, capped: null };
  return { result: data ?? NOTHING, error, pending: isPending, capped: null };
}

const NOTHING: IdQuery = { ids: [], distances: {} };

/** The API query of a search or a radius (only those filters), or null with neither. */
export const idQueryOf = (q: string, near: [number, number] | null, radiusKm: number): ServerQuery | null =>
  q || near ? serverQuery({ ...EMPTY_FILTERS, q, near, radiusKm }) : null;
