/**
 * createApp builds the whole HTTP app on a given database; server/index.ts only serves it, and tests
 * build it on a throwaway database. Route groups are chained so AppType keeps every route's types.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.ts';
import { GEODATA_DIR } from './db/geodata.ts';
import { loadTiles } from './services/basemap-tiles.ts';
import { ApiError, badRequest, errorBody, logError, validationHook } from './errors.ts';
import { identify, type AuthVars } from './middleware/auth.ts';
import { dataVersion, responseCache } from './middleware/response-cache.ts';
import { docRoutes, openApiDocument, type OpenAPIObject } from './openapi.ts';
import { authRoutes } from './routes/auth.ts';
import { exportRoutes } from './routes/export.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { planRoutes } from './routes/plan.ts';
import { projectRoutes } from './routes/projects.ts';
import { largeSetPage, largeSetRoutes } from './routes/projects-large.ts';
import { statsRoutes } from './routes/stats.ts';
import { viewRoutes } from './routes/views.ts';
import type { SignInGuard } from './services/sign-in-guard.ts';

export type AppOptions = {
  db: Db;
  /** Built client (vite build output) to serve at /, if any. */
  clientDir?: string;
  requireSignInToRead?: boolean;
  /** HTTPS deployment: Secure cookies and HSTS. */
  secureCookie?: boolean;
  /** Take the client address for sign-in limits from X-Forwarded-For (behind one reverse proxy). */
  trustProxy?: boolean;
  /** The sign-in limiter (tests pass their own to read its counters). */
  signInGuard?: SignInGuard;
};

export const MAX_BODY_BYTES = 16 * 1024;
const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new ApiError(413, 'payload_too_large', `body over ${MAX_BODY_BYTES} bytes`); } });

export function createApp({ db, clientDir, requireSignInToRead = false, secureCookie = false, trustProxy = false, signInGuard }: AppOptions) {
  // The collection, the plan and coverage: serialised and compressed once per data version.
  const cached = responseCache(() => dataVersion(db));
  // OpenAPIHono: each route group declares its routes with their schemas, and /api/openapi.json is
  // generated from them (server/openapi.ts), made once on its first request.
  // The outer app: an OpenAPIHono too, so that .route('/api', api) carries the routes' definitions
  // (with the /api prefix) into its registry, which the document is generated from.
  const root = new OpenAPIHono();
  let document: OpenAPIObject | undefined;
  const documentOf = (): OpenAPIObject => (document ??= openApiDocument(root));
  const api = new OpenAPIHono<{ Variables: AuthVars }>({ defaultHook: validationHook })
    .use(identify(db))
    .use(async (c, next) => {
      const open = c.req.path.startsWith('/api/auth') || c.req.path === '/api/health';
      if (requireSignInToRead && !open && !c.get('user')) throw new ApiError(401, 'unauthorized', 'sign in to read');
      await next();
    })
    // Only writes carry a body. Asking a GET for its body makes @hono/node-server build a whole
    // Request (headers, abort signal, stream): about a tenth of a cached read's CPU.
    .use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)))
    .use(async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
    })
    .use(etag())
    .use('/projects', cached)
    .use('/plan', cached)
    .use('/stats/coverage', cached)
    .route('/', healthRoutes(db))
    .route('/', docRoutes(documentOf))
    .route('/auth', authRoutes(db, { secureCookie, trustProxy, guard: signInGuard }))
    .route('/plan', planRoutes(db))
    .route('/projects', largeSetRoutes(db))
    .route('/projects', projectRoutes(db))
    .route('/stats', statsRoutes(db))
    .route('/history', historyRoutes(db))
    .route('/export', exportRoutes(db))
    .route('/views', viewRoutes(db));

  const app = root
    .use(compress())
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          // MapLibre runs its workers from blob: URLs and draws images from data:/blob:.
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          connectSrc: ["'self'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
        // HSTS over plain HTTP would be ignored at best and pin a wrong promise at worst.
        strictTransportSecurity: secureCookie ? 'max-age=31536000; includeSubDomains' : false,
        crossOriginEmbedderPolicy: false,
      }),
    )
    .route('/api', api);

  app.notFound((c) => c.json(errorBody(new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err), err.status);
    // A write whose body is not JSON (the routes' media-type check says 415): a 400 naming the header, as every bad input.
    if (err instanceof HTTPException && err.status === 415) return c.json(errorBody(badRequest('Content-Type', 'must be application/json')), 400);
    if (err instanceof HTTPException) {
      return c.json(errorBody(new ApiError(err.status as 400, 'http_error', err.message || 'request refused')), err.status);
    }
    logError(c.req.method, c.req.path, err);
    return c.json(errorBody(new ApiError(500, 'internal', 'internal error')), 500);
  });

  // The basemap's vector tiles (gzipped in the MBTiles file, sent as they are; 204 where a tile is empty).
  const tiles = loadTiles(join(GEODATA_DIR, 'basemap'));
  app.get('/basemap/tiles/:z{[0-9]+}/:x{[0-9]+}/:y{[0-9]+\\.pbf}', async (c) => {
    const [z, x, y] = [c.req.param('z'), c.req.param('x'), c.req.param('y')].map((v) => Number.parseInt(v, 10));
    const tile = (await tiles).get(z!, x!, y!);
    const headers = { 'Cache-Control': 'public, max-age=3600' };
    if (!tile) return c.body(null, 204, headers);
    return c.body(tile, 200, { ...headers, 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Encoding': 'gzip' });
  });
  // The offline basemap layers (files that do not change while the server runs, so compressed once),
  // and the built client with its SPA fallback.
  app.use('/basemap/*', etag(), responseCache(() => Promise.resolve('basemap')));
  app.use('/basemap/*', async (c, next) => {
    await next();
    if (c.res.ok && c.req.path.endsWith('.geojson')) {
      // serveStatic does not know .geojson; with its real type the response is also compressed.
      c.res.headers.set('Content-Type', 'application/geo+json; charset=utf-8');
      c.res.headers.set('Cache-Control', 'public, max-age=3600');
    }
  });
  app.use('/basemap/*', serveStatic({ root: GEODATA_DIR }));
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    const index = readFileSync(join(clientDir, 'index.html'), 'utf8');
    // The page names the set's size; a large set's preloads the counts, not every project.
    const page = largeSetPage(db, index);
    app.get('/', async (c) => c.html(await page()));
    app.get('/index.html', async (c) => c.html(await page()));
    app.use('/*', serveStatic({ root: clientDir }));
    app.get('*', async (c) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/basemap/') ? c.notFound() : c.html(await page())));
  }
  return app;
}

/** The API's type, for the client's hc<AppType>. */
export type AppType = ReturnType<typeof createApp>;
