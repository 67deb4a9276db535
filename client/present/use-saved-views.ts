/** The saved views from /api/views, and the editor's writes to them (CSRF header, versions, order). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type SavedView } from '../lib/api.ts';
import { viewsQuery } from '../state/queries.ts';

export type SavedViews = SavedView[];

/** `who`: the signed-in user (or null); each has their own entry, for sites that need sign-in to read. */
export function useSavedViews(who: string | null) {
  const client = useQueryClient();
  const { data, error } = useQuery(viewsQuery(who));
  const reload = useCallback(() => void client.invalidateQueries({ queryKey: viewsQuery(who).queryKey }), [client, who]);
  const setViews = useCallback((views: SavedViews) => client.setQueryData(viewsQuery(who).queryKey, views), [client, who]);
  return { views: data ?? null, error, reload, setViews };
}

const csrfHeaders = (csrfToken: string | null) => ({ headers: { 'X-CSRF-Token': csrfToken ?? '' } });

export const saveView = (csrfToken: string | null, body: { title: string; note: string; state: string }) =>
  unwrap(api.api.views.$post({ json: body }, csrfHeaders(csrfToken)));

export const editView = (csrfToken: string | null, id: number, version: number, changes: { title?: string; note?: string; state?: string }) =>
  unwrap(api.api.views[':id'].$patch({ param: { id: String(id) }, json: { ...changes, version } }, csrfHeaders(csrfToken)));

export const deleteView = (csrfToken: string | null, id: number, version: number) =>
  unwrap(api.api.views[':id'].$delete({ param: { id: String(id) } }, { headers: { ...csrfHeaders(csrfToken).headers, 'If-Match': `"v${version}"` } }));

export const saveOrder = async (csrfToken: string | null, ids: number[]) => (await unwrap(api.api.views.order.$put({ json: { ids } }, csrfHeaders(csrfToken)))).views;
