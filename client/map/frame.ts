/**
 * Where the map may go. The plan's region is the Bohai Rim, but its rail corridors reach the borders
 * at Alashankou/Horgos (about 80-82°E) and Manzhouli (49.6°N), so the bounds leave room for them.
 */
import type { LngLatBoundsLike } from 'maplibre-gl';

export const MAX_BOUNDS: LngLatBoundsLike = [
  [70, 24],
  [138, 54],
];
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 14;
