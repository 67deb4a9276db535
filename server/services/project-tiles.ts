/**
 * The projects as Mapbox Vector Tiles, for maps of large sets (thousands of projects) that cannot
 * download them as one GeoJSON: one layer, `projects`, with the properties of /api/projects (minus
 * `version` and `length_km`, which no map layer or filter reads), cut by @maplibre/geojson-vt and
 * encoded by @maplibre/vt-pbf.
 *
 * The index is built once per data version (the version the response cache uses), and a status
 * edit updates it in place: the projects whose status events are newer than the index are read
 * again and replaced, instead of rebuilding everything (a full build takes seconds at 100k).
 *
 * Thinning: below THIN_BELOW a tile holds at most about TILE_BUDGET features. Where the densest
 * tile of a zoom holds more, that zoom draws a stable sample of the projects (those whose id hashes
 * under the zoom's fraction; a project shown at one zoom is shown at every deeper one), as tippecanoe
 * drops the densest features. The fractions are in the TileJSON, so the client can say so. The
 * real plan's 83 projects are never thinned.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { sql } from 'drizzle-orm';
import type { Feature } from 'geojson';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import { dataVersion } from '../middleware/response-cache.ts';
import { projectRowById, queryProjects, toFeature, type ProjectRow } from './project-query.ts';

export const TILE_LAYER = 'projects';
export const TILE_MAX_ZOOM = 14;
const EXTENT = 4096;
/** Zooms below this may be thinned; from it on every tile holds every project in it. */
export const THIN_BELOW = 8;
/**
 * The most features a thinned zoom's densest tile should hold. A filter click lays out every tile in
 * view again, at a cost about linear in its features: at 10k, budgets of 4,000, 2,000 and 1,000
 * gave clicks of 5.0, 3.4 and 1.4 s in software-rendered Chromium at load 15-19 (bench:map-tiles).
 */
export const TILE_BUDGET = 1000;
/** Encoded tiles kept per version (gzipped bytes). */
const CACHE_BYTES = 64 * 2 ** 20;

export type TileIndex = {
  version: string;
  count: number;
  /** Per zoom below THIN_BELOW, the share of projects drawn (1: all). */
  fractions: number[];
  index: GeoJSONVT;
  buildMs: number;
};

/** A stable number in [0, 1) per project id (FNV-1a): the sample a thinned zoom draws. */
export function sampleRank(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** What a map layer or filter reads of a project: the list properties less version and length. */
function tileFeature(row: ProjectRow): Feature {
  const { geometry, properties } = toFeature(row);
  const { version: _version, length_km: _length, ...props } = properties;
  // MVT has no null: a missing property reads as null in a MapLibre expression, as the GeoJSON's null does.
  const kept = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
  return { type: 'Feature', geometry, properties: kept };
}

/** A position of a geometry (its first vertex), to count features per tile. */
function firstPosition(g: Feature['geometry']): [number, number] {
  let c: unknown = 'coordinates' in g ? g.coordinates : [0, 0];
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  const [x = 0, y = 0] = c as number[];
  return [x, y];
}

/** The share of projects each zoom below THIN_BELOW draws, never falling as the zoom grows. */
export function thinningFractions(features: Feature[]): number[] {
  const positions = features.map((f) => firstPosition(f.geometry));
  const fractions: number[] = [];
  let next = 1;
  for (let z = THIN_BELOW - 1; z >= 0; z--) {
    const n = 2 ** z;
    const perTile = new Map<number, number>();
    for (const [lon, lat] of positions) {
      const x = Math.floor(((lon + 180) / 360) * n);
      const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
      const key = y * n + x;
      perTile.set(key, (perTile.get(key) ?? 0) + 1);
    }
    const densest = Math.max(0, ...perTile.values());
    next = Math.min(next, densest > TILE_BUDGET ? TILE_BUDGET / densest : 1);
    fractions[z] = next;
  }
  return fractions;
}

/** Builds the index of every live project, and the share each low zoom draws. */
export async function buildTileIndex(db: Db, version: string): Promise<TileIndex> {
  const started = performance.now();
  const features = (await queryProjects(db, ProjectFilterSchema.parse({}))).map(tileFeature);
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features },
    { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, extent: EXTENT, buffer: 64, tolerance: 3, promoteId: 'id', updateable: true },
  );
  return { version, count: features.length, fractions: thinningFractions(features), index, buildMs: performance.now() - started };
}

const eventsOf = (version: string) => Number(version.split('.')[0]);
const seedOf = (version: string) => version.split('.').slice(1).join('.');

/** The index at `version`: the projects edited since `old` replaced in it, or a new build after a seed. */
async function refreshed(db: Db, old: TileIndex, version: string): Promise<TileIndex> {
  if (seedOf(old.version) !== seedOf(version) || eventsOf(version) < eventsOf(old.version)) return buildTileIndex(db, version);
  const edited = await db.all<{ id: string }>(
    sql`select distinct project_id as id from status_events where id > ${eventsOf(old.version)} and id <= ${eventsOf(version)}`,
  );
  for (const { id } of edited) {
    const row = await projectRowById(db, id);
    old.index.updateData({ remove: [id], ...(row ? { add: [tileFeature(row)] } : {}) });
  }
  return { ...old, version };
}

const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/**
 * The tiles of the live data: each request reads the data version (one small query), brings the
 * index up to it (once, whoever asks first), and answers from encoded tiles cached for that version.
 */
export function projectTiles(db: Db) {
  let current: Promise<TileIndex> | null = null;
  let currentVersion = '';
  let cache = new Map<string, Uint8Array | null>();
  let cacheVersion = '';
  let cacheBytes = 0;

  async function index(): Promise<TileIndex> {
    const v = await dataVersion(db);
    // Only forwards: a request that read the version before an edit is served the edited index.
    const newer = !current || seedOf(v) !== seedOf(currentVersion) || eventsOf(v) > eventsOf(currentVersion);
    if (newer) {
      currentVersion = v;
      const previous = current;
      current = previous ? previous.then((old) => refreshed(db, old, v), () => buildTileIndex(db, v)) : buildTileIndex(db, v);
      // A failed build is not kept: the next request tries again.
      current.catch(() => {
        if (currentVersion === v) [current, currentVersion] = [null, ''];
      });
    }
    return current!;
  }

  /** The gzipped tile, or null where no project is; cached per version. */
  async function tile(z: number, x: number, y: number): Promise<{ version: string; body: Uint8Array | null }> {
    const idx = await index();
    if (cacheVersion !== idx.version) [cache, cacheVersion, cacheBytes] = [new Map<string, Uint8Array | null>(), idx.version, 0];
    const key = tileKey(z, x, y);
    if (cache.has(key)) return { version: idx.version, body: cache.get(key)! };
    const cut: GeoJSONVTTile | null = idx.index.getTile(z, x, y);
    // A thinned zoom keeps its sample; MVT ids are numbers, so the project id goes as a property only.
    const share = z < THIN_BELOW ? (idx.fractions[z] ?? 1) : 1;
    const features = (cut?.features ?? []).filter((f) => share === 1 || sampleRank(f.tags?.id as string) < share).map(({ id: _id, ...f }) => f);
    const body = cut && features.length
      ? gzipSync(fromGeojsonVt({ [TILE_LAYER]: { ...cut, features: features as typeof cut.features } }, { version: 2, extent: EXTENT }), { level: 6 })
      : null;
    cache.set(key, body);
    cacheBytes += body?.length ?? 0;
    // Oldest first out, once over the budget.
    for (const [k, b] of cache) {
      if (cacheBytes <= CACHE_BYTES) break;
      cache.delete(k);
      cacheBytes -= b?.length ?? 0;
    }
    return { version: idx.version, body };
  }

  return { index, tile };
}

export type ProjectTiles = ReturnType<typeof projectTiles>;
