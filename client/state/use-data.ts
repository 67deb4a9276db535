/** Data from the API: the plan, every project (filtered on the client), and server-side id queries. */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type PlanPayload, type ProjectCollection } from '../lib/api.ts';

export function usePlan() {
  const [plan, setPlan] = useState<PlanPayload | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.api.plan.$get()).then(setPlan, (e: Error) => setError(e.message));
  }, []);
  return { plan, error };
}

export function useProjects() {
  const [projects, setProjects] = useState<ProjectCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    unwrap(api.api.projects.$get({ query: {} })).then(setProjects, (e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  return { projects, error, reload };
}

export type IdQuery = { ids: string[]; distances: Record<string, number> } | null;

/** Free-text search and radius queries run on the server (pinyin, R*Tree); the map filters by ids. */
export function useIdQuery(q: string, near: [number, number] | null, radiusKm: number) {
  const key = q || near ? JSON.stringify([q, near, radiusKm]) : null;
  // Results are kept with the query they answer, so a stale answer is never shown for a new query.
  const [answer, setAnswer] = useState<{ key: string; result: IdQuery; error: string | null } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const query: Record<string, string> = {};
    if (q) query.q = q;
    if (near) {
      query.near = near.join(',');
      query.radius_km = String(radiusKm);
    }
    unwrap(api.api.projects.$get({ query })).then(
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
      (e: Error) => live && setAnswer({ key, result: null, error: e.message }),
    );
    return () => {
      live = false;
    };
    // near is read through key, which holds its value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = answer && answer.key === key ? answer : null;
  return { result: current?.result ?? null, error: current?.error ?? null, pending: Boolean(key && !current) };
}
