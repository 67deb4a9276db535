/**
 * The pages and the scratch server of the map-at-scale benches (map-scale.ts, map-profile.ts): the
 * synthetic projects seeded into a scratch database behind the real app, a bare MapLibre page with
 * the app's project layers beside the dashboard, and the in-page timing of a filter click.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { stackBadges } from '#shared/stacks.ts';
import { projectLayers, PROJECT_SOURCE, STACK_SOURCE, withBadges, withUserFilter } from '../../client/map/project-layers.ts';
import { filterExpression } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS, HOME_CAMERA, type Filters } from '../../client/state/view-state.ts';
import type { CategoryId } from '#shared/taxonomy.ts';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import type { Geodata } from '../../server/db/geodata.ts';
import { seed } from '../../server/db/seed.ts';
import { syntheticProjects } from './synthetic.ts';

/**
 * The click timed: MAP_CLICK=task (default) toggles task area 2.4, whose projects the app also
 * flies to (and home again when cleared), over the whole region, where every synthetic project
 * lies; MAP_CLICK=category toggles the category of the points (industrial-park, 70% of the set)
 * at the app's home view, where neither click moves the app's camera: the same work in both pages.
 */
export const CLICK = process.env.MAP_CLICK === 'category' ? 'category' : 'task';
export const VIEW = CLICK === 'category' ? HOME_CAMERA : { center: [117, 39.5] as [number, number], zoom: 5.2 };
export const NODE = '2.4';
const CATEGORY: CategoryId = 'industrial-park';
const USER_FILTER: Filters = CLICK === 'category' ? { ...EMPTY_FILTERS, categories: [CATEGORY] } : { ...EMPTY_FILTERS, nodes: [NODE] };
const APP_INPUT = CLICK === 'category' ? `[data-filter=category] input[value="${CATEGORY}"]` : `[data-filter=node] input[value="${NODE}"]`;
export const DRAW_TIMEOUT = 300_000;
export const BENCH_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const HIDDEN: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];
const OPACITY: Record<string, string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
};
type ProjectLayer = ReturnType<typeof projectLayers>[number];

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
 * experiment: paint-only updates, no new tiles; a hidden label still takes its place). `stacks`
 * are the count badges of every project (their layers draw them; a click leaves them as they are).
 * `large`: the layers as the app draws a large set (client/map/project-layers.ts isLargeSet).
 * `mlgl` is the MapLibre build (dist file name without .mjs).
 */
export function barePage(base: string, { byState = false, mlgl = 'maplibre-gl', stacks = EMPTY, tiles = false, large = false } = {}) {
  const style = basemapStyle({ theme: 'light', lang: 'zh', baseUrl: base });
  // `tiles`: the projects from the server's vector tiles (/api/projects/tiles.json) instead of the GeoJSON.
  const own = projectLayers('zh', 'light', { large }).map((l) => (byState ? fadeByState(l) : l));
  const layers = tiles ? own.map((l) => ({ ...l, 'source-layer': PROJECT_SOURCE })) : own;
  const user = filterExpression(USER_FILTER, null);
  const filters = {
    off: Object.fromEntries(layers.map((l) => [l.id, withUserFilter(l, null) ?? null])),
    on: Object.fromEntries(layers.map((l) => [l.id, withUserFilter(l, user) ?? null])),
  };
  const full: StyleSpecification = {
    ...style,
    sources: {
      ...style.sources,
      [PROJECT_SOURCE]: tiles ? { type: 'vector', url: `${base}/api/projects/tiles.json`, promoteId: 'id' } : { type: 'geojson', data: `${base}/api/projects`, promoteId: 'id' },
      [STACK_SOURCE]: { type: 'geojson', data: stacks },
    },
    layers: [...style.layers, ...withBadges(layers, 'light')],
  };
  const worker = mlgl.replace('maplibre-gl', 'maplibre-gl-worker');
  return `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/bench/mlgl/maplibre-gl.css"><style>body{margin:0}#map{width:1280px;height:720px}</style>
<div id="map"></div>
<script type="module">
import * as maplibregl from '/bench/mlgl/${mlgl}.mjs';
maplibregl.setWorkerUrl('/bench/mlgl/${worker}.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(full)}, center: ${JSON.stringify(VIEW.center)}, zoom: ${VIEW.zoom},
  fadeDuration: 0, localIdeographFontFamily: "'Noto Sans CJK SC', sans-serif" });
const filters = ${JSON.stringify(filters)};
let on = false;
window.__atlasMap = map;
window.__toggle = () => { on = !on; for (const [id, f] of Object.entries(on ? filters.on : filters.off)) map.setFilter(id, f); };
if (${byState}) {
  let features = [];
  fetch('/api/projects').then((r) => r.json()).then((fc) => (features = fc.features.map((f) => [f.properties.id, f.properties.nodes, f.properties.category])));
  const shown = ${CLICK === 'category'} ? (nodes, category) => category === '${CATEGORY}' : (nodes) => nodes.includes(',${NODE},') || nodes.includes(',${NODE}.');
  window.__toggle = () => {
    on = !on;
    for (const [id, nodes, category] of features) map.setFeatureState({ source: 'projects', id }, { hidden: on && !shown(nodes, category) });
    window.__stateKey = String(on);
  };
}
</script>`;
}

/** A filter click's times (ms from the click): the first frame showing the new filter, and idle. */
export type ClickTimes = { frame: number; idle: number; frames: number };

declare global {
  interface Window {
    __click?: () => void;
    __toggle?: () => void;
    __stateKey?: string;
    __bench?: {
      click: () => Promise<ClickTimes | null>;
      pan: () => Promise<{ frames: number[]; panIdle: number }>;
      repaint: () => Promise<number>;
    };
  }
}

/**
 * In-page timing, as plain JavaScript. A filter click: `frame` is the first 'render' after which
 * the layers' filter is the new one and no tile of the project source is loading (that frame drew
 * the new filter's tiles), `idle` is the map's next 'idle' (placement done, any fade over). Null
 * if the click did not change the filter. A pan: the times between frames while it moves.
 */
export const IN_PAGE = `window.__bench = {
  async click() {
    const map = window.__atlasMap;
    if (!map.loaded()) await new Promise((r) => map.once('idle', r));
    const key = () => window.__stateKey ?? JSON.stringify(map.getFilter('projects-point'));
    const before = key();
    let frame = -1;
    let frames = 0;
    const onRender = () => {
      frames++;
      if (frame >= 0 || key() === before || !map.isSourceLoaded('projects')) return;
      // The frame's pixels exist once a read of one of them returns (the GPU process drew it).
      const gl = map.painter.context.gl;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      frame = performance.now();
    };
    map.on('render', onRender);
    const t0 = performance.now();
    const idle = new Promise((r) => {
      const onIdle = () => (key() === before ? map.once('idle', onIdle) : r(performance.now()));
      map.once('idle', onIdle);
    });
    window.__click();
    const t1 = await idle;
    map.off('render', onRender);
    if (key() === before) return null;
    return { frame: (frame < 0 ? t1 : frame) - t0, idle: t1 - t0, frames };
  },
  async repaint() {
    const map = window.__atlasMap;
    const t0 = performance.now();
    const done = new Promise((r) => map.once('render', () => {
      const gl = map.painter.context.gl;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      r(performance.now() - t0);
    }));
    map.triggerRepaint();
    return done;
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

/** The app gets a real click on the filter's box (CLICK); a bare page toggles its layers' filters. */
export async function preparePage(page: Page, app: boolean) {
  page.setDefaultTimeout(DRAW_TIMEOUT);
  await page.addInitScript(
    ([isApp, input]) => {
      window.__click = isApp ? () => document.querySelector<HTMLInputElement>(input)!.click() : () => window.__toggle!();
    },
    [app, APP_INPUT] as const,
  );
  await page.addInitScript(IN_PAGE);
}

/** Until the map is idle with projects drawn. */
export async function waitDrawn(page: Page) {
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
}

/** One filter click, timed in the page. */
export async function clickOnce(page: Page): Promise<ClickTimes> {
  const t = await page.evaluate(() => window.__bench!.click());
  if (!t) throw new Error('the filter click did not change the map filter');
  return t;
}

/** `vite build` of the client into outDir (with source maps if asked). */
export function buildClient(outDir: string, sourcemap = false) {
  const args = ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, ...(sourcemap ? ['--sourcemap'] : [])];
  execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** n synthetic projects in a scratch database behind the real app, and the bench pages beside it. */
export async function startScaleServer(n: number, base: Geodata, root: string, clientDir: string, { warm = true } = {}) {
  const db = await openDb(`file:${join(root, `atlas-${n}.db`)}`);
  const synthetic = syntheticProjects(n, base);
  const stacks = stackBadges(synthetic.projects);
  await seed(db, { data: { ...base, projects: synthetic.projects, shares: synthetic.shares, hash: `synthetic-${n}` } });
  const outer = new Hono();
  const pages: Record<string, string> = {};
  outer.get('/bench/:name', (c) => c.html(pages[c.req.param('name')] ?? 'missing'));
  outer.use('/bench/mlgl/*', serveStatic({ root: 'node_modules/maplibre-gl/dist', rewriteRequestPath: (p) => p.replace('/bench/mlgl', '') }));
  outer.route('/', createApp({ db, clientDir }));
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // The API's answer is built once per data version: build it before any page is timed.
  const bytes = warm ? (await (await fetch(`${url}/api/projects`)).arrayBuffer()).byteLength : 0;
  return {
    url,
    bytes,
    pages,
    stacks,
    close: () => {
      server.close();
      db.$client.close();
    },
  };
}

export const appPath = () => `/?c=${VIEW.center.join(',')},${VIEW.zoom}`;
