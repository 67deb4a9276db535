/**
 * Large sets: above TILE_SET projects the dashboard no longer downloads every project as GeoJSON
 * (104 MB at 100k). The map draws them from the server's vector tiles, and the counts and the list
 * come from the server for the current filter (/api/projects/counts, /api/projects/page). The plan's
 * own 83 projects are far below it: that dashboard works as it always has.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CategoryId } from '#shared/taxonomy.ts';
import { projectCountsQuery } from './queries.ts';
import { serverQuery, type ServerQuery } from './server-query.ts';
import type { Filters } from './view-state.ts';

/** More projects than this are drawn from vector tiles, counted and listed by the server. */
export { TILE_SET } from '#shared/large-set.ts';

/** The vector tile URL of a data version (the version changes the URL, so an edit is never drawn from a stale tile). */
export const tileUrl = (version: string) => `${window.location.origin}/api/projects/tiles/{z}/{x}/{y}?v=${encodeURIComponent(version)}`;

/** What /api/projects/counts answers that the exports read. */
type ProjectCounts = { total: number; byCategory: Record<string, number>; byStatus: Record<string, number> };

export type LargeCounts = {
  /** Projects per category for the user's filter (the legend's counts). */
  counts: Record<string, number>;
  /** Projects per task area with every filter but the task areas (the filter panel's counts). */
  nodeCounts: Record<string, number>;
  /** What the map shows (the legend's switches too), or null until known. */
  shown: number | null;
  /** The counts of what the map shows (the exported legend and key figures), or null until known. */
  shownCounts: ProjectCounts | null;
  /** The API query of what the map shows. */
  query: ServerQuery;
};

/** The counts a large set asks the server for; null for a set the browser holds whole. */
export function useLargeCounts(large: boolean, filters: Filters, hidden: readonly CategoryId[]): LargeCounts | null {
  const user = serverQuery(filters);
  const query = serverQuery(filters, hidden);
  const options = { enabled: large, placeholderData: keepPreviousData };
  const byUser = useQuery({ ...projectCountsQuery(user), ...options });
  const byShown = useQuery({ ...projectCountsQuery(query), ...options, enabled: large && hidden.length > 0 });
  const byOthers = useQuery({ ...projectCountsQuery(serverQuery({ ...filters, nodes: [] })), ...options });
  if (!large) return null;
  const shown = hidden.length ? byShown.data : byUser.data;
  return { counts: byUser.data?.byCategory ?? {}, nodeCounts: byOthers.data?.byTaskArea ?? {}, shown: shown?.total ?? null, shownCounts: shown ?? null, query };
}

export type Thinned = readonly { zoom: number; fraction: number }[];

/**
 * What the map draws of a large set at a zoom, if only a sample (the TileJSON's `thinned`): the
 * share in whole percent (at least 1) and the first zoom that draws every project. A map zoom draws
 * the tiles of its whole zoom (512-pixel vector tiles). Null where every project is drawn.
 */
export function sampleAt(thinned: Thinned, zoom: number): { percent: number; fullZoom: number } | null {
  const sampled = thinned.filter((t) => t.fraction < 1);
  const here = sampled.find((t) => t.zoom === Math.floor(zoom));
  if (!here) return null;
  return { percent: Math.max(1, Math.round(here.fraction * 100)), fullZoom: Math.max(...sampled.map((t) => t.zoom)) + 1 };
}
