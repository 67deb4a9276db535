/**
 * The view state, kept in the URL. A change of filters, selection, panel, language or mode is a new
 * history entry (Back undoes it); camera moves only replace the current entry.
 */
import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state.ts';

/** The URL without the camera: what decides between a new history entry and a replaced one. */
const withoutCamera = (search: string) => search.replace(/(^|&|\?)c=[^&]*/, '');

export function useViewState() {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const search = `?${serializeViewState(state)}`;
    if (search === window.location.search) return;
    if (withoutCamera(search) === withoutCamera(window.location.search)) window.history.replaceState(null, '', search);
    else window.history.pushState(null, '', search);
  }, [state]);

  useEffect(() => {
    const onPop = () => setState(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<ViewState> | ((s: ViewState) => Partial<ViewState>)) => {
    setState((s) => ({ ...s, ...(typeof patch === 'function' ? patch(s) : patch) }));
  }, []);

  return [state, update] as const;
}
