/**
 * The shipped basemap tile over a lon/lat at a zoom, read straight from its MBTiles file
 * (geodata/basemap): for the tests that check what the tiles hold where.
 */
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { createClient } from '@libsql/client';
import { PbfReader } from 'pbf';
import { TILES_FILE } from '../../server/services/basemap-tiles.ts';

export type TileAt = { tile: VectorTile | null; x: number; y: number; z: number };

/** Opens the basemap's tiles; `at` reads the tile under a place (null where none is stored). */
export function basemapTiles() {
  const db = createClient({ url: `file:${join(resolve(import.meta.dirname, '../../geodata'), 'basemap', TILES_FILE)}` });
  const at = async (z: number, lon: number, lat: number): Promise<TileAt> => {
    const n = 2 ** z;
    const r = (lat * Math.PI) / 180;
    const x = Math.floor(((lon + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    // MBTiles rows count from the south (TMS).
    const rows = await db.execute({ sql: 'select tile_data from tiles where zoom_level = ? and tile_column = ? and tile_row = ?', args: [z, x, n - 1 - y] });
    const data = rows.rows[0]?.tile_data as ArrayBuffer | undefined;
    return { tile: data ? new VectorTile(new PbfReader(gunzipSync(Buffer.from(data)))) : null, x, y, z };
  };
  return { at, close: () => db.close() };
}
