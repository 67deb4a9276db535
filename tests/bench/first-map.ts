/**
 * `npm run bench:map`: time to the first drawn map (basemap and projects, 1440x900, headless
 * Chromium with software WebGL), cold cache, median of RUNS:
 * - reference: a bare MapLibre page drawing the basemap from its GeoJSON files (the basemap as it
 *   was shipped before vector tiles; the fixed yardstick of issue 12),
 * - bare: a bare MapLibre page drawing today's style (vector tiles),
 * - app: the dashboard itself, from navigation to its map idle with the projects drawn.
 * The result is each time as a ratio of the reference's, measured in the same run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { StyleSpecification } from 'maplibre-gl';
import { chromium, type Browser } from 'playwright-core';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { projectLayers, PROJECT_SOURCE } from '../../client/map/project-layers.ts';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { seed } from '../../server/db/seed.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIEW = { center: [116.8, 39.6] as [number, number], zoom: 6.2 };
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}`);

/** The same style with the vector tile source replaced by the GeoJSON files it was cut from. */
function geojsonReference(style: StyleSpecification, base: string): StyleSpecification {
  const sources = { ...style.sources };
  delete sources.basemap;
  const layers = style.layers.map((l) => {
    if (!('source' in l) || l.source !== 'basemap' || !('source-layer' in l)) return l;
    const file = l['source-layer']!;
    sources[`ref-${file}`] = { type: 'geojson', data: `${base}/basemap/${file}.geojson` };
    const { 'source-layer': _drop, ...rest } = l;
    return { ...rest, source: `ref-${file}` } as typeof l;
  });
  return { ...style, sources, layers };
}

const page = (style: StyleSpecification) => `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/bench/mlgl/maplibre-gl.css"><style>body{margin:0}#map{width:1440px;height:900px}</style>
<div id="map"></div>
<script type="module">
import * as maplibregl from '/bench/mlgl/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/bench/mlgl/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(style)}, center: ${JSON.stringify(VIEW.center)}, zoom: ${VIEW.zoom},
  fadeDuration: 0, localIdeographFontFamily: "'Noto Sans CJK SC', sans-serif" });
map.once('idle', () => { window.__drawn = performance.now(); });
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'atlas-firstmap-'));
let browser: Browser | undefined;
const server = await (async () => {
  const outDir = join(dir, 'dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const db = await openDb(`file:${join(dir, 'atlas.db')}`);
  await seed(db);
  const projects = JSON.parse(await (await createApp({ db }).request('/api/projects')).text()) as object;
  const outer = new Hono();
  const pages: Record<string, string> = {};
  outer.get('/bench/page/:name', (c) => c.html(pages[c.req.param('name')] ?? 'missing'));
  outer.use('/bench/mlgl/*', serveStatic({ root: 'node_modules/maplibre-gl/dist', rewriteRequestPath: (p) => p.replace('/bench/mlgl', '') }));
  outer.route('/', createApp({ db, clientDir: outDir }));
  const s = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => s.once('listening', r));
  const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  const style = basemapStyle({ theme: 'light', lang: 'zh', baseUrl: base });
  const withProjects = (st: StyleSpecification): StyleSpecification => ({
    ...st,
    sources: { ...st.sources, [PROJECT_SOURCE]: { type: 'geojson', data: projects as never } },
    layers: [...st.layers, ...projectLayers('zh', 'light')],
  });
  pages.reference = page(withProjects(geojsonReference(style, base)));
  pages.bare = page(withProjects(style));
  return { s, db, base };
})();

try {
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const time = async (path: string, done: () => boolean) => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    const p = await context.newPage();
    await p.goto(server.base + path);
    await p.waitForFunction(done, null, { timeout: 120_000, polling: 50 });
    const ms = await p.evaluate(() => (window as unknown as { __drawn: number }).__drawn);
    await context.close();
    return ms;
  };
  // Functions, not strings: the app's CSP forbids evaluating strings.
  const pageDone = () => (window as unknown as { __drawn?: number }).__drawn !== undefined;
  const appDone = () => {
    const w = window as unknown as { __drawn?: number };
    const m = window.__atlasMap;
    if (!m?.getSource('projects') || !m.loaded() || !m.areTilesLoaded()) return false;
    w.__drawn ??= performance.now();
    return true;
  };
  const results: Record<string, number[]> = { reference: [], bare: [], app: [] };
  for (let i = 0; i < RUNS; i++) {
    results.reference!.push(await time('/bench/page/reference', pageDone));
    results.bare!.push(await time('/bench/page/bare', pageDone));
    results.app!.push(await time(`/?c=${VIEW.center.join(',')},${VIEW.zoom}`, appDone));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ref = median(results.reference!);
  console.log(`\nFirst drawn map, 1440x900, SwiftShader, cold cache, median of ${RUNS}\n`);
  console.log('| page | ms | vs reference |');
  console.log('| --- | --- | --- |');
  for (const [name, xs] of Object.entries(results)) console.log(`| ${name} | ${Math.round(median(xs))} | ${(median(xs) / ref).toFixed(2)}x |`);
} finally {
  await browser?.close();
  server.s.close();
  server.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}
