/**
 * The data of the meeting views: the coverage figures of what the map shows
 * (/api/stats/coverage, server/services/coverage.ts) and the status history (/api/history/status),
 * from the one query cache: the statistics tab, the coverage map and a slide asking for the same
 * figures share one request. While a new answer is on its way the previous one stays, marked pending.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { coverageQuery, statusHistoryQuery } from '../state/queries.ts';
import type { ServerQuery } from '../state/server-query.ts';

/** query: the API query of what the map shows (serverQuery); null = nothing is shown; undefined = not needed. */
export function useCoverage(query: ServerQuery | null | undefined) {
  const { data, error, isPlaceholderData, isPending } = useQuery({
    ...coverageQuery(query ?? {}),
    enabled: Boolean(query),
    // While the next answer is on its way the last one stays drawn (no flash), marked pending.
    placeholderData: keepPreviousData,
  });
  if (query === undefined) return { coverage: null, error: null, empty: false, pending: false };
  // Nothing shown: every figure is zero, no request needed.
  if (query === null) return { coverage: null, error: null, empty: true, pending: false };
  return { coverage: data ?? null, error, empty: false, pending: isPending || isPlaceholderData };
}

export type CoverageAnswer = ReturnType<typeof useCoverage>;

/** Every status event, loaded when `enabled`; a status edit marks it stale (state/queries-cache.ts). */
export function useStatusHistory(enabled: boolean) {
  const { data, error } = useQuery({ ...statusHistoryQuery, enabled });
  return { events: data ?? null, error };
}
