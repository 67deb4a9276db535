/**
 * What the basemap's vector tiles hold (made by geodata/build/basemap-tiles.ts, served by the server
 * at /basemap/tiles/{z}/{x}/{y}.pbf, drawn by client/map/basemap-style.ts): one source-layer per
 * GeoJSON file of geodata/basemap/ cut into tiles, the label points too (one source: the first map
 * waits for no GeoJSON to be fetched, parsed and cut in the browser).
 */
export const TILE_LAYERS = ['land-wide', 'land', 'provinces', 'rivers', 'province-lines', 'port-water', 'tianjin-districts', 'province-labels', 'cities'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];
/** Layers that only the tiles from this zoom on carry (detail around Tianjin, drawn from zoom 9). */
export const TILE_LAYER_MIN_ZOOM: Partial<Record<TileLayer, number>> = { 'port-water': 9, 'tianjin-districts': 9 };
export const TILE_MIN_ZOOM = 2;
/** The detailed layers are simplified to ~80 m: zoom 9 (about 40 m a tile unit) keeps all of it; MapLibre overzooms beyond. */
export const TILE_MAX_ZOOM = 9;
/** [west, south, east, north] of the tiled area (the basemap's outer frame). */
export const TILE_BOUNDS: [number, number, number, number] = [73, 24, 137, 54];
