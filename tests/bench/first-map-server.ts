/**
 * The server and the bare MapLibre pages of the first-map benchmarks (first-map.ts,
 * first-map-layers.ts): the real app over a seeded scratch database, MapLibre's dist files at
 * /bench/mlgl/, and pages by name at /bench/page/<name>.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { BASEMAP_SOURCE, basemapStyle } from '../../client/map/basemap-style.ts';
import { projectLayers, PROJECT_SOURCE } from '../../client/map/project-layers.ts';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { seed } from '../../server/db/seed.ts';
import { loadTiles } from '../../server/services/basemap-tiles.ts';

export const START_VIEW = { center: [116.8, 39.6] as [number, number], zoom: 6.2 };
/** The map options of the dashboard that matter here (client/map/map-view.tsx). */
export const APP_OPTIONS = `localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"`;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

type PageOptions = { mapOptions?: string; script?: string; size?: [number, number]; view?: { center: [number, number]; zoom: number } };

/** A bare MapLibre page drawing `style`; `script` runs right after the map is made (`map` in scope). */
export const mapPage = (style: StyleSpecification, { mapOptions = `localIdeographFontFamily: "'Noto Sans CJK SC', sans-serif"`, script = '', size = [1440, 900], view = START_VIEW }: PageOptions = {}) => `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/bench/mlgl/maplibre-gl.css"><style>body{margin:0}#map{width:${size[0]}px;height:${size[1]}px}</style>
<div id="map"></div>
<script type="module">
import * as maplibregl from '/bench/mlgl/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/bench/mlgl/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(style)}, center: ${JSON.stringify(view.center)}, zoom: ${view.zoom},
  fadeDuration: 0, ${mapOptions} });
${script}
window.__map = map;
map.once('idle', () => { window.__drawn = performance.now(); });
</script>`;

/** The style with its basemap drawn from the BENCH_BASEMAP_TILES tiles. */
export function withAltTiles(style: StyleSpecification, base: string): StyleSpecification {
  const source = style.sources[BASEMAP_SOURCE] as VectorSourceSpecification;
  return { ...style, sources: { ...style.sources, [BASEMAP_SOURCE]: { ...source, tiles: [`${base}/bench/alt-tiles/{z}/{x}/{y}.pbf`] } } };
}

export type BenchServer = {
  base: string;
  pages: Record<string, string>;
  projects: object;
  /** Today's light zh basemap with the project layers over the seeded plan's projects. */
  style: StyleSpecification;
  withProjects: (st: StyleSpecification) => StyleSpecification;
  close: () => void;
};

/** Seeds a database in dir and serves the app (with the built client in dir/dist if buildClient). */
export async function startBenchServer(dir: string, { buildClient = false } = {}): Promise<BenchServer> {
  const outDir = join(dir, 'dist');
  if (buildClient) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const db = await openDb(`file:${join(dir, 'atlas.db')}`);
  await seed(db);
  const projects = JSON.parse(await (await createApp({ db }).request('/api/projects')).text()) as object;
  const outer = new Hono();
  const pages: Record<string, string> = {};
  outer.get('/bench/page/:name', (c) => c.html(pages[c.req.param('name')] ?? 'missing'));
  outer.use('/bench/mlgl/*', serveStatic({ root: 'node_modules/maplibre-gl/dist', rewriteRequestPath: (p) => p.replace('/bench/mlgl', '') }));
  // BENCH_BASEMAP_TILES=<dir>: that dir's basemap.mbtiles at /bench/alt-tiles/ (a candidate cut of
  // the tiles, tried before it replaces geodata/basemap/basemap.mbtiles; see withAltTiles).
  if (process.env.BENCH_BASEMAP_TILES) {
    const tiles = loadTiles(process.env.BENCH_BASEMAP_TILES);
    outer.get('/bench/alt-tiles/:z/:x/:y', async (c) => {
      const [z, x, y] = [c.req.param('z'), c.req.param('x'), c.req.param('y')].map((v) => Number.parseInt(v, 10));
      const tile = (await tiles).get(z!, x!, y!);
      return tile ? c.body(tile, 200, { 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Encoding': 'gzip' }) : c.body(null, 204);
    });
  }
  outer.route('/', createApp({ db, clientDir: buildClient ? outDir : undefined }));
  const s = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => s.once('listening', r));
  const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  const withProjects = (st: StyleSpecification): StyleSpecification => ({
    ...st,
    sources: { ...st.sources, [PROJECT_SOURCE]: { type: 'geojson', data: projects as never } },
    layers: [...st.layers, ...projectLayers('zh', 'light')],
  });
  const style = withProjects(basemapStyle({ theme: 'light', lang: 'zh', baseUrl: base }));
  return {
    base,
    pages,
    projects,
    style,
    withProjects,
    close: () => {
      s.close();
      db.$client.close();
    },
  };
}
