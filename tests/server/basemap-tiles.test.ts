/** The basemap as vector tiles: served gzipped from the MBTiles file, current with the GeoJSON layers. */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { createClient } from '@libsql/client';
import { PbfReader } from 'pbf';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../server/db/geodata.ts';
import { TILE_LAYERS } from '#shared/basemap.ts';
import { tileSourcesHash, TILES_FILE } from '../../server/services/basemap-tiles.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** The XYZ tile holding a lon/lat at a zoom. */
function tileAt(z: number, lon: number, lat: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

describe('GET /basemap/tiles/{z}/{x}/{y}.pbf', () => {
  it('serves the tile over Tianjin with land, the province outline and its boundary lines', async () => {
    const { x, y } = tileAt(7, 117.2, 39.1);
    const res = await t.app.request(`/basemap/tiles/7/${x}/${y}.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const tile = new VectorTile(new PbfReader(gunzipSync(Buffer.from(await res.arrayBuffer()))));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['land', 'provinces', 'province-lines']));
    const provinces = tile.layers.provinces!;
    const ids = Array.from({ length: provinces.length }, (_, i) => provinces.feature(i).properties.id);
    expect(ids).toEqual(expect.arrayContaining(['tianjin', 'beijing', 'hebei']));
  });

  it('has land at the highest zoom at the far crossings too (Alashankou, Manzhouli), not only around Bohai', async () => {
    for (const [lon, lat] of [[82.57, 45.17], [117.43, 49.6]]) {
      const { x, y } = tileAt(9, lon!, lat!);
      const res = await t.app.request(`/basemap/tiles/9/${x}/${y}.pbf`);
      expect(res.status, `${lon},${lat}`).toBe(200);
      const tile = new VectorTile(new PbfReader(gunzipSync(Buffer.from(await res.arrayBuffer()))));
      expect(Object.keys(tile.layers)).toContain('provinces');
    }
  });

  it('answers 204 (an empty tile) where the basemap has nothing, and 404 to a malformed path', async () => {
    const { x, y } = tileAt(9, 160, -40); // the south Pacific: outside every frame
    expect((await t.app.request(`/basemap/tiles/9/${x}/${y}.pbf`)).status).toBe(204);
    expect((await t.app.request('/basemap/tiles/9/x/1.pbf')).status).toBe(404);
  });
});

describe('the tiles file', () => {
  it(`is current with the GeoJSON layers (else run: npx tsx geodata/build/basemap-tiles.ts)`, async () => {
    const db = createClient({ url: `file:${join(GEODATA_DIR, 'basemap', TILES_FILE)}` });
    const rows = z.array(z.object({ name: z.string(), value: z.string() })).parse((await db.execute('select name, value from metadata')).rows);
    const meta = new Map(rows.map((r) => [r.name, r.value]));
    db.close();
    expect(meta.get('source_sha256')).toBe(tileSourcesHash(join(GEODATA_DIR, 'basemap')));
    const layers = z.object({ vector_layers: z.array(z.object({ id: z.string() })) }).parse(JSON.parse(meta.get('json') ?? 'null'));
    expect(layers.vector_layers.map((l) => l.id)).toEqual([...TILE_LAYERS]);
  });
});
