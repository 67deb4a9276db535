/**
 * Above this many projects the dashboard no longer downloads them whole: the map draws the server's
 * vector tiles and the counts and list come from the server (client/state/large-set.ts); the page
 * the server sends preloads the counts instead of the GeoJSON (server/app.ts). The plan's own set
 * is a few dozen projects.
 */
export const TILE_SET = 5000;
