/**
 * The view's filters as the API's query parameters: the one encoding of filters, used for the URL,
 * the exports and the server-side queries. `hidden` (categories switched off in the legend) narrows
 * the category list, so an export holds what the map shows.
 */
import type { ProjectFilterQuery } from '#shared/filters.ts';
import { CATEGORY_IDS, type CategoryId } from '#shared/taxonomy.ts';
import type { Filters } from './view-state.ts';

/**
 * The filter query string as the shared schema (shared/filters.ts) names it, every value a string:
 * a misspelt key does not compile, and hc<AppType> takes it for /api/projects, coverage and exports.
 */
export type ServerQuery = { [K in keyof ProjectFilterQuery]?: ProjectFilterQuery[K] & string };

export function serverQuery(f: Filters, hidden: readonly CategoryId[] = []): ServerQuery {
  const q: ServerQuery = {};
  if (f.nodes.length) q.node = f.nodes.join(',');
  const categories = hidden.length ? (f.categories.length ? f.categories : CATEGORY_IDS).filter((c) => !hidden.includes(c)) : f.categories;
  if (categories.length) q.category = categories.join(',');
  if (f.statuses.length) q.status = f.statuses.join(',');
  if (f.stages.length) q.stage = f.stages.join(',');
  if (f.provinces.length) q.province = f.provinces.join(',');
  if (f.milestones.length) q.milestone = f.milestones.join(',');
  if (f.agency) q.agency = f.agency;
  if (f.agency && f.agencyRole !== 'any') q.agency_role = f.agencyRole;
  if (f.q) q.q = f.q;
  if (f.near) {
    q.near = f.near.join(',');
    q.radius_km = String(f.radiusKm);
  }
  return q;
}
