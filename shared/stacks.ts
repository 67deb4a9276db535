/**
 * The count badges of stacked points: where several shown projects stand on one spot, how many.
 * The map of a set the browser holds counts them from its features (client/map/pick.ts); the server
 * counts a large set's (server/services/project-summary.ts projectStacks), by the same rule.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';

/** Where a point stands, to about a metre: points at the same key share one spot. */
const spotKey = (c: number[]) => `${c[0]!.toFixed(5)},${c[1]!.toFixed(5)}`;

/** A count badge: where several shown points share a spot, how many they are (`stack_n`). */
export type StackBadge = Feature<Point, { id: string; stack_n: number }>;

/**
 * The count badges of the shown points, the small source the badge layers draw from (the projects
 * source itself never changes with a filter): one Point at the first shown Point of every spot
 * that several shown points share, `stack_n` how many there are, `id` that point's. A MultiPoint
 * counts at each of its spots but never carries the badge (it would draw at all of them). Only
 * shown features count, so the badge agrees with the chooser that a click there opens.
 */
export function stackBadges(shown: readonly Feature[]): FeatureCollection<Point, StackBadge['properties']> {
  const byspot = new Map<string, { lead: Feature<Point> | null; n: number }>();
  const add = (key: string, f: Feature) => {
    const spot = byspot.get(key) ?? { lead: null, n: 0 };
    spot.n++;
    if (!spot.lead && f.geometry?.type === 'Point') spot.lead = f as Feature<Point>;
    byspot.set(key, spot);
  };
  for (const f of shown) {
    if (f.geometry?.type === 'Point') add(spotKey(f.geometry.coordinates), f);
    else if (f.geometry?.type === 'MultiPoint') for (const key of new Set(f.geometry.coordinates.map(spotKey))) add(key, f);
  }
  const features: StackBadge[] = [];
  for (const { lead, n } of byspot.values()) {
    if (n > 1 && lead) features.push({ type: 'Feature', geometry: lead.geometry, properties: { id: String(lead.properties?.id), stack_n: n } });
  }
  return { type: 'FeatureCollection', features };
}
