/**
 * A component loaded when first shown: its module becomes a chunk of its own, out of the first load
 * (React.lazy takes a default export; the house uses named ones). Render it inside <Suspense>.
 */
import { lazy, type LazyExoticComponent } from 'react';

/** Any component React.lazy takes (its own constraint, read off its type). */
type Lazyable = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

export function lazyNamed<M extends Record<K, Lazyable>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
