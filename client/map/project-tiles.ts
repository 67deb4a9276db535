/**
 * The projects of a large set as a vector source (client/state/large-set.ts): the server's tiles,
 * one layer named as the source, the project id promoted as the GeoJSON source promotes it, so
 * highlights, feature-state and clicks work the same on both.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { PROJECT_SOURCE } from './project-layers.ts';

/** The deepest zoom the server cuts (server/services/project-tiles.ts); MapLibre over-zooms past it. */
export const TILE_MAX_ZOOM = 14;

/** The project source: the vector tiles of a large set, else the GeoJSON (kept when the previous style had it). */
export function projectSource(tiles: string | null | undefined, data: FeatureCollection, previous?: SourceSpecification): SourceSpecification {
  if (tiles) return { type: 'vector', tiles: [tiles], maxzoom: TILE_MAX_ZOOM, promoteId: 'id' };
  return previous?.type === 'geojson' ? previous : { type: 'geojson', data, promoteId: 'id' };
}

/** With tiles, the layers of the project source read its one tile layer. */
export const fromTiles = (tiles: string | null | undefined, layers: LayerSpecification[]): LayerSpecification[] =>
  tiles ? layers.map((l) => ('source' in l && l.source === PROJECT_SOURCE ? ({ ...l, 'source-layer': PROJECT_SOURCE }) : l)) : layers;
