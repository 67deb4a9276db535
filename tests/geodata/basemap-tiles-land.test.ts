/**
 * The coarse land in the basemap tiles (geodata/build/basemap-tiles.ts): kept only where it shows,
 * so that no frame fills it under the detailed land and the province fills that hide it, while the
 * detailed land stays whole (BENCHMARKS.md, "First drawn map").
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { basemapTiles } from '../helpers/basemap-tile.ts';

const tiles = basemapTiles();
afterAll(() => tiles.close());

/** Whether a tile layer at zoom z has a polygon over lon/lat. */
async function covers(layer: string, z: number, lon: number, lat: number): Promise<boolean> {
  const { tile, x, y } = await tiles.at(z, lon, lat);
  const l = tile?.layers[layer];
  return Array.from({ length: l?.length ?? 0 }, (_, i) => l!.feature(i).toGeoJSON(x, y, z) as Feature<Polygon | MultiPolygon>).some((f) => turf.booleanPointInPolygon([lon, lat], f));
}

describe('the coarse land in the tiles', () => {
  it('is left out under the detailed land and the provinces (Beijing, Hohhot, Harbin), at low and high zoom', async () => {
    for (const z of [4, 6, 9]) {
      for (const [lon, lat] of [[116.4, 39.9], [111.7, 40.8], [126.6, 45.75]] as const) {
        expect(await covers('land-wide', z, lon, lat), `land-wide at ${lon},${lat} z${z}`).toBe(false);
        expect(await covers('provinces', z, lon, lat), `provinces at ${lon},${lat} z${z}`).toBe(true);
      }
      expect(await covers('land', z, 116.4, 39.9), `land at Beijing z${z}`).toBe(true);
    }
  });

  it('is kept where no province covers the land (the outer frame in the south-west)', async () => {
    for (const z of [4, 6]) expect(await covers('land-wide', z, 75, 30), `z${z}`).toBe(true);
    expect(await covers('provinces', 6, 75, 30)).toBe(false);
  });
});
