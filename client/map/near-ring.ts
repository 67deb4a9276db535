/** The nearby query's ring as the map draws it: loaded with the first nearby query, not with the page. */
import { circle, featureCollection } from '@turf/turf';
import type { FeatureCollection } from 'geojson';

export const nearRing = (near: [number, number], radiusKm: number): FeatureCollection =>
  featureCollection([circle(near, radiusKm, { units: 'kilometers', steps: 96 })]);
