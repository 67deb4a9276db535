/** Data from the API: the plan, every project (filtered on the client), and server-side id queries. */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type PlanPayload, type ProjectCollection } from '../lib/api.ts';
import { serverQuery } from './server-query.ts';
import { EMPTY_FILTERS } from './view-state.ts';

/** `who`: the signed-in user (or null); a change loads again, for sites that need sign-in to read. */
export function usePlan(who: string | null) {
  const [state, setState] = useState<{ plan: PlanPayload | null; error: unknown }>({ plan: null, error: null });
  useEffect(() => {
    unwrap(api.api.plan.$get()).then(
      (plan) => setState({ plan, error: null }),
      (error: unknown) => setState({ plan: null, error }),
    );
  }, [who]);
  return state;
}

export function useProjects(who: string | null) {
  const [state, setState] = useState<{ projects: ProjectCollection | null; error: unknown }>({ projects: null, error: null });
  const reload = useCallback(() => {
    unwrap(api.api.projects.$get({ query: {} })).then(
      (projects) => setState({ projects, error: null }),
      (error: unknown) => setState((s) => ({ ...s, error })),
    );
  }, []);
  useEffect(reload, [reload, who]);
  return { ...state, reload };
}

export type IdQuery = { ids: string[]; distances: Record<string, number> } | null;

/**
 * Free-text search and radius queries run on the server (pinyin, R*Tree); the map filters by the
 * ids they return. The ids keep the server's order: best match first for a search (exact name,
 * prefix, contains, other fields), nearest first for a radius. While a query is on its way, or if
 * it failed, it matches nothing: never everything, and never the previous query's answer.
 */
export function useIdQuery(q: string, near: [number, number] | null, radiusKm: number) {
  const query = q || near ? serverQuery({ ...EMPTY_FILTERS, q, near, radiusKm }) : null;
  const key = query ? JSON.stringify(query) : null;
  const [answer, setAnswer] = useState<{ key: string; result: IdQuery; error: unknown } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    unwrap(api.api.projects.$get({ query: JSON.parse(key) as Record<string, string> })).then(
      (fc) =>
        live &&
        setAnswer({
          key,
          error: null,
          result: {
            ids: fc.features.map((f) => f.properties.id),
            distances: Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties.distance_km ?? 0])),
          },
        }),
      (error: unknown) => live && setAnswer({ key, result: NOTHING, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!key) return { result: null, error: null, pending: false };
  const current = answer?.key === key ? answer : null;
  return { result: current?.result ?? NOTHING, error: current?.error ?? null, pending: !current };
}

const NOTHING: IdQuery = { ids: [], distances: {} };
