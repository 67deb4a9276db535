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
  const [result, setResult] = useState<IdQuery>(null);
  const [error, setError] = useState<string | null>(null);
  const nearKey = near?.join(',');
  useEffect(() => {
    if (!q && !nearKey) {
      setResult(null);
      return;
    }
    let live = true;
    const query: Record<string, string> = {};
    if (q) query.q = q;
    if (nearKey) {
      query.near = nearKey;
      query.radius_km = String(radiusKm);
    }
    unwrap(api.api.projects.$get({ query })).then(
      (fc) => {
        if (!live) return;
        setError(null);
        setResult({
          ids: fc.features.map((f) => f.properties.id),
          distances: Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties.distance_km ?? 0])),
        });
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [q, nearKey, radiusKm]);
  return { result, error };
}
