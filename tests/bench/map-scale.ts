/**
 * `npm run bench:map-scale`: the map at 10k and 100k synthetic projects (tests/bench/synthetic.ts)
 * in headless Chromium with software WebGL (SwiftShader), 1280x720, the whole region in view:
 * - first drawn projects: from navigation until the map is idle with projects rendered,
 * - a filter click (task area 2.4, on and off): from the click until the map is idle again,
 * - pan frames: the time between frames while the map pans 400 px over 2 s.
 * Two pages, each on the same database and server: "bare", a MapLibre page with the basemap and the
 * app's project layers (MapLibre's own cost, the floor), and "app", the dashboard itself (what a
 * planner gets: the list, the counts and the map). Filter clicks are timed in the page
 * (performance.now), so the driver's round trips are not counted. Medians; never a test assertion.
 * MAP_SIZES=10000,100000 (default); MAP_RUNS=5 pairs of filter clicks (on, off) per page, one pair
 * at 100k.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { chromium, type Page } from 'playwright-core';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { projectLayers, PROJECT_SOURCE, withUserFilter } from '../../client/map/project-layers.ts';
import { filterExpression } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS } from '../../client/state/view-state.ts';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { seed } from '../../server/db/seed.ts';
import { syntheticProjects } from './synthetic.ts';

const SIZES = (process.env.MAP_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.MAP_RUNS ?? 5);
/** The whole region, where every synthetic project lies. */
const VIEW = { center: [117, 39.5] as [number, number], zoom: 5.2 };
const NODE = '2.4';
const DRAW_TIMEOUT = 300_000;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const HIDDEN: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];
const OPACITY: Record<string, string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
};
/** A layer whose features fade out with feature-state `hidden` (inside a zoom curve, each stop). */
function fadeByState(layer: ProjectLayer): ProjectLayer {
  const paint: Record<string, unknown> = { ...(layer as { paint?: object }).paint };
  for (const key of OPACITY[layer.type] ?? []) {
    const v = paint[key] ?? 1;
    const isZoomCurve = Array.isArray(v) && v[0] === 'interpolate' && JSON.stringify(v[2]) === '["zoom"]';
    paint[key] = isZoomCurve
      ? [...(v as unknown[]).slice(0, 3), ...(v as unknown[]).slice(3).map((x, i) => (i % 2 ? ['case', HIDDEN, 0, x] : x))]
      : ['case', HIDDEN, 0, v];
  }
  return { ...layer, paint };
}

/**
 * The bare page: today's basemap style and the app's project layers over the API's GeoJSON. With
 * `byState`, a filter click sets feature-state on every project instead of the layers' filters (an
 * experiment: paint-only updates, no new tiles; a hidden label still takes its place).
 */
function barePage(base: string, byState = false) {
  const style = basemapStyle({ theme: 'light', lang: 'zh', baseUrl: base });
  const layers = byState ? projectLayers('zh', 'light').map(fadeByState) : projectLayers('zh', 'light');
  const user = filterExpression({ ...EMPTY_FILTERS, nodes: [NODE] }, null);
  const filters = {
    off: Object.fromEntries(layers.map((l) => [l.id, withUserFilter(l, null) ?? null])),
    on: Object.fromEntries(layers.map((l) => [l.id, withUserFilter(l, user) ?? null])),
  };
  const full: StyleSpecification = {
    ...style,
    sources: { ...style.sources, [PROJECT_SOURCE]: { type: 'geojson', data: `${base}/api/projects`, promoteId: 'id' } },
    layers: [...style.layers, ...layers],
  };
  return `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/bench/mlgl/maplibre-gl.css"><style>body{margin:0}#map{width:1280px;height:720px}</style>
<div id="map"></div>
<script type="module">
import * as maplibregl from '/bench/mlgl/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/bench/mlgl/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(full)}, center: ${JSON.stringify(VIEW.center)}, zoom: ${VIEW.zoom},
  fadeDuration: 0, localIdeographFontFamily: "'Noto Sans CJK SC', sans-serif" });
const filters = ${JSON.stringify(filters)};
let on = false;
window.__atlasMap = map;
window.__toggle = () => { on = !on; for (const [id, f] of Object.entries(on ? filters.on : filters.off)) map.setFilter(id, f); };
if (${byState}) {
  let features = [];
  fetch('/api/projects').then((r) => r.json()).then((fc) => (features = fc.features.map((f) => [f.properties.id, f.properties.nodes])));
  window.__toggle = () => {
    on = !on;
    for (const [id, nodes] of features) map.setFeatureState({ source: 'projects', id }, { hidden: on && !(nodes.includes(',${NODE},') || nodes.includes(',${NODE}.')) });
    window.__stateKey = String(on);
  };
}
</script>`;
}

type ProjectLayer = ReturnType<typeof projectLayers>[number];
type Timings = { first: number; clicks: number[]; frames: number[]; panIdle: number };

/** (a) first drawn projects, (b) filter clicks, (c) pan frames, on one page. */
async function measure(page: Page, url: string, runs: number): Promise<Timings> {
  const started = Date.now();
  await page.goto(url, { timeout: DRAW_TIMEOUT });
  await page.waitForFunction(
    () => {
      const m = window.__atlasMap;
      if (!m?.getSource('projects') || !m.loaded() || !m.areTilesLoaded()) return false;
      const layers = ['projects-point', 'projects-line', 'projects-area-fill'].filter((l) => m.getLayer(l));
      return m.queryRenderedFeatures({ layers }).length > 0;
    },
    null,
    { timeout: DRAW_TIMEOUT, polling: 200 },
  );
  const first = Date.now() - started;
  const clicks: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    const t = await page.evaluate(() => window.__bench!.click());
    if (t < 0) throw new Error('the filter click did not change the map filter');
    clicks.push(t);
  }
  const pan = await page.evaluate(() => window.__bench!.pan());
  return { first, clicks, ...pan };
}

declare global {
  interface Window {
    __click?: () => void;
    __toggle?: () => void;
    __stateKey?: string;
    __bench?: { click: () => Promise<number>; pan: () => Promise<{ frames: number[]; panIdle: number }> };
  }
}

/** In-page timing, as plain JavaScript: a filter click until idle, and frame times of a pan. */
const IN_PAGE = `window.__bench = {
  async click() {
    const map = window.__atlasMap;
    if (!map.loaded()) await new Promise((r) => map.once('idle', r));
    const key = () => window.__stateKey ?? JSON.stringify(map.getFilter('projects-point'));
    const before = key();
    const idle = new Promise((r) => map.once('idle', () => r(performance.now())));
    const t0 = performance.now();
    window.__click();
    const t = (await idle) - t0;
    return key() === before ? -1 : t;
  },
  async pan() {
    const map = window.__atlasMap;
    const times = [performance.now()];
    const onRender = () => times.push(performance.now());
    map.on('render', onRender);
    const end = new Promise((r) => map.once('moveend', () => r(performance.now())));
    map.panBy([400, 0], { duration: 2000, easing: (x) => x, essential: true });
    const moved = await end;
    map.off('render', onRender);
    if (!map.loaded()) await new Promise((r) => map.once('idle', r));
    const frames = [];
    for (let i = 1; i < times.length && times[i - 1] < moved; i++) frames.push(times[i] - times[i - 1]);
    return { frames, panIdle: performance.now() - moved };
  },
};`;

const base = loadGeodata();
const rows: string[] = [];
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const root = mkdtempSync(join(tmpdir(), 'atlas-mapscale-'));
try {
  const outDir = join(root, 'dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  for (const n of SIZES) {
    const db = await openDb(`file:${join(root, `atlas-${n}.db`)}`);
    const synthetic = syntheticProjects(n, base);
    await seed(db, { data: { ...base, projects: synthetic.projects, shares: synthetic.shares, hash: `synthetic-${n}` } });
    const outer = new Hono();
    const pages: Record<string, string> = {};
    outer.get('/bench/:name', (c) => c.html(pages[c.req.param('name')] ?? 'missing'));
    outer.use('/bench/mlgl/*', serveStatic({ root: 'node_modules/maplibre-gl/dist', rewriteRequestPath: (p) => p.replace('/bench/mlgl', '') }));
    outer.route('/', createApp({ db, clientDir: outDir }));
    const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    pages.bare = barePage(url);
    pages.state = barePage(url, true);
    // The API's answer is built once per data version: build it before any page is timed.
    const warm = await fetch(`${url}/api/projects`);
    const bytes = (await warm.arrayBuffer()).byteLength;
    try {
      for (const name of ['bare', 'state', 'app'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
        const page = await context.newPage();
        page.setDefaultTimeout(DRAW_TIMEOUT);
        // The bare page toggles its layers' filters; the app gets a real click on the task area box.
        await page.addInitScript((app: boolean) => {
          window.__click = app
            ? () => (document.querySelector(`[data-filter=node] input[value="2.4"]`) as HTMLInputElement).click()
            : () => window.__toggle!();
        }, name === 'app');
        await page.addInitScript(IN_PAGE);
        try {
          const path = name === 'app' ? `/?c=${VIEW.center.join(',')},${VIEW.zoom}` : `/bench/${name}`;
          const r = await measure(page, url + path, n >= 100_000 ? 1 : RUNS);
          rows.push(
            `| ${n.toLocaleString('en')} | ${name} | ${(r.first / 1000).toFixed(1)} s | ${Math.round(median(r.clicks))} / ${Math.round(Math.max(...r.clicks))} ms | ${Math.round(median(r.frames))} / ${Math.round(p95(r.frames))} ms (${r.frames.length} frames) | ${Math.round(r.panIdle)} ms |`,
          );
        } catch (e) {
          rows.push(`| ${n.toLocaleString('en')} | ${name} | not drawn: ${(e as Error).message.split('\n')[0]} | | | |`);
        } finally {
          await context.close();
        }
        console.log(rows.at(-1));
      }
    } finally {
      server.close();
      db.$client.close();
    }
    console.log(`(${n.toLocaleString('en')} projects: /api/projects is ${(bytes / 2 ** 20).toFixed(1)} MB uncompressed)`);
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}
console.log(`\nThe map at scale, 1280x720, SwiftShader, zoom ${VIEW.zoom} over the region, filter clicks median / max of ${RUNS * 2} (2 at 100k)\n`);
console.log('| projects | page | first drawn projects | filter click to idle (median / max) | pan frame (median / p95) | pan end to idle |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
