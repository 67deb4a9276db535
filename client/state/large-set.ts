/**
 * Large sets: above TILE_SET projects the dashboard no longer downloads every project as GeoJSON
 * (104 MB at 100k). The map draws them from the server's vector tiles, and the counts and the list
 * come from the server for the current filter (/api/projects/counts, /api/projects/page). The plan's
 * own 83 projects are far below it: that dashboard works as it always has.
 */
import type { FeatureCollection } from 'geojson';
import type { ServerQuery } from './server-query.ts';

/** More projects than this are drawn from vector tiles, counted and listed by the server. */
export { TILE_SET } from '#shared/large-set.ts';

/** The vector tile URL of a data version (the version changes the URL, so an edit is never drawn from a stale tile). */
export const tileUrl = (version: string) => `${window.location.origin}/api/projects/tiles/{z}/{x}/{y}?v=${encodeURIComponent(version)}`;

/** What /api/projects/counts answers that the exports read. */
type ProjectCounts = { total: number; byCategory: Record<string, number>; byStatus: Record<string, number> };
type Bbox = [number, number, number, number];

export type LargeCounts = {
  /** Projects per category for the user's filter (the legend's counts). */
  counts: Record<string, number>;
  /** Projects per task area with every filter but the task areas (the filter panel's counts). */
  nodeCounts: Record<string, number>;
  /** What the map shows (the legend's switches too), or null until known. */
  shown: number | null;
  /** The counts of what the map shows (the exported legend and key figures), or null until known. */
  shownCounts: ProjectCounts | null;
  /** The bounds of what the map shows, and whether they are this query's (not the last one's, kept while it loads). */
  bbox: Bbox | null;
  fresh: boolean;
  /** With a status day: what the map shows by status on it (`none`: no status yet), and how many rest on the plan's wording. */
  status: { byStatus: Record<string, number>; planOnly: number } | null;
  /** The count badges of what the map shows (shared/stacks.ts), or null until known. */
  stacks: FeatureCollection | null;
  /** The API query of what the map shows. */
  query: ServerQuery;
};

/** The status day of "now": after every event, so each project counts by its current status. */
export const NOW = '9999-12-31';

/** A search or radius query's answer (use-data.ts useIdQuery); `capped`: how many match when more than the map filters by. */
export type IdAnswer = { result: { ids: string[]; distances?: Record<string, number> | null } | null; error: Error | null; pending: boolean; capped: number | null };

/** What the large set's server data (large-set-data.tsx, loaded only for a large set) reports to the dashboard. */
export type LargeData = { counts: LargeCounts; ids: IdAnswer };

export type Thinned = readonly { zoom: number; fraction: number }[];
