/**
 * A large set's server data (large-set.ts), in a chunk loaded only for a large set: the counts of
 * the filter and of what the map shows, the task areas' counts, the statuses of a chosen day, the
 * count badges, the bounds of the matches (framed when the filter changes to one the map frames) and a search's ids.
 * It reports them to the dashboard through onData, and says on the map when its zoom draws only a
 * sample, and when a search matches more projects than the map filters by (TILE_SET, the limit of
 * /api/projects/ids).
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { MapHandle } from '../map/map-view.tsx';
import type { CategoryId } from '#shared/taxonomy.ts';
import { api, unwrap } from '../lib/api.ts';
import { useT } from '../i18n/use-lang.ts';
import { NOW, TILE_SET, type LargeCounts, type LargeData, type Thinned } from './large-set.ts';
import { projectCountsQuery } from './queries.ts';
import { idQueryOf } from './use-data.ts';
import { serverQuery, type ServerQuery } from './server-query.ts';
// Types only from view-state.ts: its values would pull the coverage helpers it imports out of the first load.
import type { Filters, ViewState } from './view-state.ts';

/** The ids alone (/api/projects/ids), never the geometries of every match. */
const idListQuery = (query: ServerQuery) =>
  queryOptions({
    queryKey: ['project-ids', query, 'list'] as const,
    queryFn: ({ signal }) => unwrap(api.api.projects.ids.$get({ query }, { init: { signal } })),
  });

/** The count badges of what the map shows: under the counts' key, so an edit asks again. */
const stacksQuery = (query: ServerQuery) =>
  queryOptions({
    queryKey: ['project-counts', query, 'stacks'] as const,
    queryFn: ({ signal }) => unwrap(api.api.projects.stacks.$get({ query }, { init: { signal } })),
  });

/** The counts a large set asks the server for. `statusDay`: the day the status key counts (NOW for today), or null. */
function useLargeCounts(filters: Filters, hidden: readonly CategoryId[], statusDay: string | null): LargeCounts {
  const user = serverQuery(filters);
  const query = serverQuery(filters, hidden);
  const options = { placeholderData: keepPreviousData };
  const byUser = useQuery({ ...projectCountsQuery(user), ...options });
  const byShown = useQuery({ ...projectCountsQuery(query), ...options, enabled: hidden.length > 0 });
  const byOthers = useQuery({ ...projectCountsQuery(serverQuery({ ...filters, nodes: [] })), ...options });
  const byDay = useQuery({ ...projectCountsQuery({ ...query, as_of: statusDay ?? '' }), ...options, enabled: statusDay !== null });
  const stacks = useQuery({ ...stacksQuery(query), ...options }).data ?? null;
  const answer = hidden.length ? byShown : byUser;
  const shown = answer.data;
  const fresh = Boolean(shown) && !answer.isPlaceholderData;
  const status = statusDay && byDay.data?.asOf && !byDay.isPlaceholderData ? byDay.data.asOf : null;
  const key = JSON.stringify(query);
  return useMemo(
    () => ({
      counts: byUser.data?.byCategory ?? {},
      nodeCounts: byOthers.data?.byTaskArea ?? {},
      shown: shown?.total ?? null,
      shownCounts: shown ?? null,
      bbox: shown?.bbox ?? null,
      fresh,
      status,
      stacks,
      query: JSON.parse(key) as ServerQuery,
    }),
    [byUser.data, byOthers.data, shown, fresh, status, stacks, key],
  );
}

type Props = {
  state: Pick<ViewState, 'filters' | 'hidden' | 'symbology' | 'asOf' | 'camera'>;
  /** The zooms that draw only a sample (the TileJSON's). */
  thinned: Thinned;
  /** A slideshow frames its own slides: a change it makes is not framed again. */
  sliding: boolean;
  map: RefObject<MapHandle | null>;
  onData: (data: LargeData) => void;
};

const NOTHING = { ids: [], distances: {} };

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

export function LargeSetData({ state: { filters, hidden, symbology, asOf, camera }, thinned, sliding, map, onData }: Props) {
  const { t } = useT();
  const counts = useLargeCounts(filters, hidden, symbology === 'status' ? (asOf ?? NOW) : null);
  const idQuery = idQueryOf(filters.q, filters.near, filters.radiusKm);
  const list = useQuery({ ...idListQuery(idQuery ?? {}), enabled: idQuery !== null });
  // More matches than the map filters by: the map is not narrowed by the query, and says so.
  const capped = list.data && list.data.total > list.data.ids.length ? list.data.total : null;
  const asked = idQuery !== null;
  const ids = useMemo(
    () => (asked ? { result: capped ? null : (list.data ?? NOTHING), error: list.error, pending: !list.data, capped } : { result: null, error: null, pending: false, capped: null }),
    [asked, capped, list.data, list.error],
  );
  useEffect(() => onData({ counts, ids }), [counts, ids, onData]);

  // A task, search or province chosen: framed once the server's bounds of the new matches arrive
  // (the browser holds no geometry of a large set). The link's own filter keeps the link's camera.
  const key = `${filters.q}|${filters.provinces.join()}|${filters.nodes.join()}`;
  const seen = useRef(key);
  const wanted = useRef(false);
  const frame = Object.keys(serverQuery(filters)).length > 0 && !sliding;
  useEffect(() => {
    if (key === seen.current) return;
    seen.current = key;
    wanted.current = frame;
  }, [key, frame]);
  useEffect(() => {
    if (!wanted.current || !counts.fresh) return;
    wanted.current = false;
    if (counts.bbox) map.current?.fitTo(counts.bbox);
  }, [counts, map]);
  const sample = sampleAt(thinned, camera.zoom);
  if (!sample && capped === null) return null;
  // At the foot of the map, one above the other: the top centre is the legend's.
  return (
    <div className="map-notes">
      {sample && (
        <p className="map-sample" role="status" data-testid="sample-note">
          {t.sampleNote(sample.percent, sample.fullZoom)}
        </p>
      )}
      {capped !== null && (
        <p className="map-sample map-sample-warn" role="status" data-testid="search-capped">
          {t.searchCapped(capped, TILE_SET)}
        </p>
      )}
    </div>
  );
}
