/**
 * The API's limits on a filter, in a module of their own without zod, so the client can read a
 * link by the same limits without carrying the schema library (shared/filters.ts builds the schema
 * on them; client/state/url-filter.ts reads links by them).
 */

/** The most values one list parameter takes (every valid list is far shorter; SQL stays bounded). */
export const MAX_LIST_VALUES = 100;

/** The largest radius a "what lies within N km" query takes. */
export const MAX_RADIUS_KM = 1000;
