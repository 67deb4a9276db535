/**
 * Above this many projects the dashboard no longer downloads them whole: the map draws the server's
 * vector tiles and the counts and list come from the server (client/state/large-set.ts); the page
 * the server sends preloads the counts instead of the GeoJSON (server/app.ts). The plan's own set
 * is a few dozen projects.
 */
export const TILE_SET = 5000;

/**
 * The page the server sends names the number of live projects in a meta tag of this name (its
 * content), so the client picks its mode at once, without asking for the counts first.
 */
export const SET_SIZE_META = 'atlas-projects';
