/**
 * /api/projects for large sets (thousands of projects, too many to download as one GeoJSON): the
 * projects as vector tiles with their TileJSON, and what the map cannot say by itself, the counts
 * of a filter and one page of its list. Mounted before projectRoutes, so `tiles`, `counts` and
 * `page` are never read as project ids.
 */
import { gunzipSync } from 'node:zlib';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ProjectCountsSchema, ProjectIdsSchema, ProjectPageSchema, ProjectTileJsonSchema, StackBadgesSchema } from '#shared/api-schema.ts';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { dataVersion, responseCache } from '../middleware/response-cache.ts';
import { liveProjectCount, projectCounts, projectIds, projectPage, projectStacks, SORT_KEYS } from '../services/project-summary.ts';
import { SET_SIZE_META, TILE_SET } from '#shared/large-set.ts';
import { projectTiles, THIN_BELOW, TILE_LAYER, TILE_MAX_ZOOM } from '../services/project-tiles.ts';
import { errors, group, json } from './kit.ts';

const MVT = 'application/vnd.mapbox-vector-tile';
const MAX_PAGE = 500;

const coordinate = () =>
  z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number')
    .transform(Number);
const TileParams = z.object({
  z: coordinate().pipe(z.number().max(TILE_MAX_ZOOM, `must be 0 to ${TILE_MAX_ZOOM}`)),
  x: coordinate(),
  y: coordinate(),
});
const TileQuery = z.object({ v: z.string().max(64).optional().describe('The data version from the TileJSON; any other value is served the current tiles') }).strict();

const PageQuerySchema = ProjectFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sort: z.enum(SORT_KEYS).optional().describe('name (default), category, status, size, distance (default with near); with q and no sort, best match first'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  lang: z.enum(['zh', 'en']).default('zh').describe('The language whose names and labels set the order'),
}).strict();

const CountsQuerySchema = ProjectFilterSchema.extend({
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a calendar day')
    .optional()
    .describe('A day: also count each project by its status on that day (the status key of a chosen day)'),
}).strict();

/** The most ids a search answers with: a set the browser could hold whole (shared/large-set.ts). */
const MAX_IDS = TILE_SET;
const IdsQuerySchema = ProjectFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_IDS).default(MAX_IDS),
}).strict();

const idsRoute = createRoute({
  method: 'get',
  path: '/ids',
  summary: 'The ids of the filtered projects, best match or nearest first, at most limit',
  request: { query: IdsQuerySchema },
  responses: { 200: json(ProjectIdsSchema, 'The total and the first ids'), ...errors(400) },
});

const stacksRoute = createRoute({
  method: 'get',
  path: '/stacks',
  summary: 'Count badges of the filtered projects: points that share a spot, and how many',
  request: { query: ProjectFilterSchema },
  responses: { 200: json(StackBadgesSchema, 'A point per shared spot, at its first project, with stack_n'), ...errors(400) },
});

const tileJsonRoute = createRoute({
  method: 'get',
  path: '/tiles.json',
  summary: 'TileJSON of the project vector tiles: tile URL with the data version, zooms, thinning',
  responses: { 200: json(ProjectTileJsonSchema, 'The tile source for MapLibre (`url` of a vector source)') },
});

const tileRoute = createRoute({
  method: 'get',
  path: '/tiles/{z}/{x}/{y}',
  summary: 'Projects as a Mapbox Vector Tile (layer projects), all of them, for the map of a large set',
  request: { params: TileParams, query: TileQuery },
  responses: {
    200: { description: 'The tile (gzipped when accepted); features carry the list properties but version and length_km', content: { [MVT]: { schema: z.string().describe('Mapbox Vector Tile (binary)') } } },
    204: { description: 'No project in this tile' },
    ...errors(400),
  },
});

const countsRoute = createRoute({
  method: 'get',
  path: '/counts',
  summary: 'Counts of the filtered projects: total, per category, status and task area',
  request: { query: CountsQuerySchema },
  responses: { 200: json(ProjectCountsSchema, 'The counts of the matching projects'), ...errors(400) },
});

const pageRoute = createRoute({
  method: 'get',
  path: '/page',
  summary: 'One page of the filtered list: list properties without geometry, sorted',
  request: { query: PageQuerySchema },
  responses: { 200: json(ProjectPageSchema, 'The total and the page'), ...errors(400) },
});

export const largeSetRoutes = (db: Db) => {
  const tiles = projectTiles(db);
  const cached = responseCache(() => dataVersion(db));
  const routes = group();
  routes.use('/counts', cached);
  routes.use('/page', cached);
  routes.use('/ids', cached);
  routes.use('/stacks', cached);
  return routes
    .openapi(tileJsonRoute, async (c) => {
      const idx = await tiles.index();
      const origin = new URL(c.req.url).origin;
      const fields = { id: 'String', name_zh: 'String', name_en: 'String', category: 'String', stage: 'String', milestone: 'Number', precision: 'String', status: 'String', area_km2: 'Number', provinces: 'String', nodes: 'String', agencies: 'String' };
      return c.json(
        {
          tilejson: '3.0.0' as const,
          tiles: [`${origin}/api/projects/tiles/{z}/{x}/{y}?v=${encodeURIComponent(idx.version)}`],
          minzoom: 0,
          maxzoom: TILE_MAX_ZOOM,
          vector_layers: [{ id: TILE_LAYER, fields }],
          version: idx.version,
          count: idx.count,
          thinned: idx.fractions.flatMap((fraction, zoom) => (fraction < 1 && zoom < THIN_BELOW ? [{ zoom, fraction: Math.round(fraction * 1e4) / 1e4 }] : [])),
        },
        200,
      );
    })
    .openapi(tileRoute, async (c) => {
      const { z: zoom, x, y } = c.req.valid('param');
      const n = 2 ** zoom;
      if (x >= n) throw badRequest('x', `must be below ${n} at zoom ${zoom}`);
      if (y >= n) throw badRequest('y', `must be below ${n} at zoom ${zoom}`);
      const { version, body } = await tiles.tile(zoom, x, y);
      // A URL that names the version it serves never changes: browsers may keep it.
      const current = c.req.valid('query').v === version;
      const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
      const headers = { 'Cache-Control': current ? 'public, max-age=86400, immutable' : 'no-cache', ETag: `"${version}-${gzip ? 'gzip' : 'identity'}"`, Vary: 'Accept-Encoding' };
      if (!body) return c.body(null, 204, headers);
      return c.body(gzip ? new Uint8Array(body) : new Uint8Array(gunzipSync(body)), 200, { ...headers, 'Content-Type': MVT, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    })
    .openapi(countsRoute, async (c) => {
      const { as_of: asOf, ...filter } = c.req.valid('query');
      return c.json(await projectCounts(db, filter, asOf), 200);
    })
    .openapi(stacksRoute, async (c) => c.json(await projectStacks(db, c.req.valid('query')), 200))
    .openapi(idsRoute, async (c) => {
      const { limit, ...filter } = c.req.valid('query');
      return c.json(await projectIds(db, filter, limit), 200);
    })
    .openapi(pageRoute, async (c) => {
      const { limit, offset, sort, dir, lang, ...filter } = c.req.valid('query');
      return c.json(await projectPage(db, filter, { limit, offset, sort, dir, lang }), 200);
    });
};

/**
 * The app's page (the built index.html) as served: it names how many projects there are, so the
 * client decides at once whether the set is large (client/state/use-data.ts), and for a large set
 * preloads the counts instead of every project.
 */
export function largeSetPage(db: Db, index: string) {
  const page = index.replace(new RegExp(`\\s*<meta name="${SET_SIZE_META}"[^>]*>`, 'g'), '');
  return async () => {
    const total = await liveProjectCount(db);
    const preloaded = total > TILE_SET ? page.replace('href="/api/projects"', 'href="/api/projects/counts"') : page;
    return preloaded.replace('</head>', `  <meta name="${SET_SIZE_META}" content="${total}" />\n  </head>`);
  };
}
