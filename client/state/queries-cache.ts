/**
 * Writes to the query cache after the client changed something on the server, so the screen shows
 * the change at once without loading everything again.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Me, ProjectDetail } from '../lib/api.ts';
import { queryKeys, projectsQuery } from './queries.ts';

/**
 * A saved status edit (or the current project a conflict sent back): the project's detail takes
 * the server's answer, the one project in the cached collection takes its new status and version
 * (every other feature stays the same object, so nothing else redraws), and the figures that count
 * statuses, coverage and the status history, are asked for again. The collection is not reloaded.
 */
export function applyStatusEdit(client: QueryClient, detail: ProjectDetail) {
  const { id, status, version } = detail.properties;
  client.setQueryData(queryKeys.project(id), detail);
  client.setQueryData(projectsQuery.queryKey, (fc) => {
    if (!fc) return fc;
    const at = fc.features.findIndex((f) => f.properties.id === id);
    const old = fc.features[at];
    // An answer older than the one cached (two edits crossing) changes nothing.
    if (!old || old.properties.version > version) return fc;
    const features = fc.features.slice();
    features[at] = { ...old, properties: { ...old.properties, status, version } };
    return { ...fc, features };
  });
  void client.invalidateQueries({ queryKey: queryKeys.coverageAll });
  void client.invalidateQueries({ queryKey: queryKeys.statusHistory });
  // A large set (large-set.ts): its counts, list pages and tiles (a new data version, new tile URLs).
  for (const key of ['project-counts', 'project-page', ...queryKeys.projectTiles]) void client.invalidateQueries({ queryKey: [key] });
}

/** Signed in or out: `me` takes the answer, and everything else is asked for again (a site may need sign-in to read). */
export function applySignIn(client: QueryClient, me: Me) {
  client.setQueryData(queryKeys.me, me);
  void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
}
