/** The one QueryClient of the app (client/main.tsx provides it): how long answers stay fresh, when to retry. */
import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from '../lib/api.ts';

/**
 * Answers count as fresh for a minute; after that, a remount or the window regaining focus asks
 * again. The server's response cache answers such a repeat with 304 from its ETag (the browser's
 * HTTP cache sends If-None-Match), so a check costs a small query, not the collection again.
 * A refused request (4xx: bad filter, signed out) is not retried; a lost connection or a 5xx is,
 * once.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failures, error) => failures < 1 && !(error instanceof ApiFailure && error.status < 500),
      },
    },
  });
}
