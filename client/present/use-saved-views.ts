/** The saved views from /api/views, and the editor's writes to them (CSRF header, versions, order). */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../lib/api.ts';

export type SavedViews = Awaited<ReturnType<typeof loadViews>>;

const loadViews = async () => (await unwrap(api.api.views.$get())).views;

/** `who`: the signed-in user (or null); a change loads again, for sites that need sign-in to read. */
export function useSavedViews(who: string | null) {
  const [state, setState] = useState<{ views: SavedViews | null; error: unknown }>({ views: null, error: null });
  const reload = useCallback(() => {
    loadViews().then(
      (views) => setState({ views, error: null }),
      (error: unknown) => setState((s) => ({ ...s, error })),
    );
  }, []);
  useEffect(reload, [reload, who]);
  const setViews = useCallback((views: SavedViews) => setState({ views, error: null }), []);
  return { ...state, reload, setViews };
}

const csrfHeaders = (csrfToken: string | null) => ({ headers: { 'X-CSRF-Token': csrfToken ?? '' } });

export const saveView = (csrfToken: string | null, body: { title: string; note: string; state: string }) =>
  unwrap(api.api.views.$post({ json: body }, csrfHeaders(csrfToken)));

export const editView = (csrfToken: string | null, id: number, version: number, changes: { title?: string; note?: string; state?: string }) =>
  unwrap(api.api.views[':id'].$patch({ param: { id: String(id) }, json: { ...changes, version } }, csrfHeaders(csrfToken)));

export const deleteView = (csrfToken: string | null, id: number, version: number) =>
  unwrap(api.api.views[':id'].$delete({ param: { id: String(id) } }, { headers: { ...csrfHeaders(csrfToken).headers, 'If-Match': `"v${version}"` } }));

export const saveOrder = async (csrfToken: string | null, ids: number[]) => (await unwrap(api.api.views.order.$put({ json: { ids } }, csrfHeaders(csrfToken)))).views;
