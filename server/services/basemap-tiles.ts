/**
 * The basemap's vector tiles (geodata/basemap/basemap.mbtiles, made by geodata/build/basemap-tiles.ts),
 * read from the MBTiles file once and kept in memory: the file is a few MB and does not change while
 * the server runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { TILE_LAYERS } from '#shared/basemap.ts';

export const TILES_FILE = 'basemap.mbtiles';

/** sha256 of the GeoJSON layers the tiles are cut from, recorded in the MBTiles metadata. */
export function tileSourcesHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of TILE_LAYERS) hash.update(name).update(readFileSync(join(dir, `${name}.geojson`)));
  return hash.digest('hex');
}

export type TileStore = { get: (z: number, x: number, y: number) => Uint8Array<ArrayBuffer> | undefined };

/** All tiles of an MBTiles file, by "z/x/y" (XYZ rows, y from the north); empty if the file is missing. */
export async function loadTiles(dir: string): Promise<TileStore> {
  const tiles = new Map<string, Uint8Array<ArrayBuffer>>();
  const file = join(dir, TILES_FILE);
  if (existsSync(file)) {
    const db = createClient({ url: `file:${file}` });
    const rows = await db.execute('select zoom_level as z, tile_column as x, tile_row as y, tile_data as data from tiles');
    for (const r of rows.rows) {
      const z = Number(r.z);
      tiles.set(`${z}/${Number(r.x)}/${2 ** z - 1 - Number(r.y)}`, new Uint8Array(r.data as ArrayBuffer));
    }
    db.close();
  }
  return { get: (z, x, y) => tiles.get(`${z}/${x}/${y}`) };
}
