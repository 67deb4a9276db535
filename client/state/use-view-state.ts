/** The view state, kept in the URL with history.replaceState (back/forward restore it too). */
import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state.ts';

export function useViewState() {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const search = `?${serializeViewState(state)}`;
    if (search !== window.location.search) window.history.replaceState(null, '', search);
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
