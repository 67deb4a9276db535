/**
 * The data of the meeting views: the coverage figures of what the map shows
 * (/api/stats/coverage, server/services/coverage.ts) and the status history (/api/history/status).
 * While a new answer is on its way the previous one stays, marked pending.
 */
import { useEffect, useState } from 'react';
import { api, unwrap, type Coverage } from '../lib/api.ts';
import type { StatusEvent } from './status-as-of.ts';

/** query: the API query of what the map shows (serverQuery); null = nothing is shown; undefined = not needed. */
export function useCoverage(query: Record<string, string> | null | undefined) {
  const key = query === undefined ? null : JSON.stringify(query);
  const [answer, setAnswer] = useState<{ key: string; coverage: Coverage | null; error: unknown } | null>(null);
  useEffect(() => {
    if (!key || key === 'null') return;
    let live = true;
    unwrap(api.api.stats.coverage.$get({ query: JSON.parse(key) as Record<string, string> })).then(
      (coverage) => live && setAnswer({ key, coverage, error: null }),
      (error: unknown) => live && setAnswer({ key, coverage: null, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!key) return { coverage: null, error: null, empty: false, pending: false };
  // Nothing shown: every figure is zero, no request needed.
  if (key === 'null') return { coverage: null, error: null, empty: true, pending: false };
  const current = answer?.key === key ? answer : null;
  // While the next answer is on its way the last one stays drawn (no flash), marked pending.
  return { coverage: current ? current.coverage : (answer?.coverage ?? null), error: current?.error ?? null, empty: false, pending: !current };
}

export type CoverageAnswer = ReturnType<typeof useCoverage>;

/** Every status event, loaded when `enabled`; `version` (e.g. the project collection) reloads it after an edit. */
export function useStatusHistory(enabled: boolean, version: unknown) {
  const [state, setState] = useState<{ events: StatusEvent[] | null; error: unknown }>({ events: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    unwrap(api.api.history.status.$get({ query: {} })).then(
      (events) => live && setState({ events, error: null }),
      (error: unknown) => live && setState({ events: null, error }),
    );
    return () => {
      live = false;
    };
  }, [enabled, version]);
  return state;
}
