/**
 * `npm run bench:map-tiles`: the projects drawn from the server's vector tiles (/api/projects/tiles)
 * at 10k and 100k synthetic projects (tests/bench/synthetic.ts), the way out of the 104 MB GeoJSON
 * that bench:map-scale measures. For each size, on a scratch database behind the real app:
 * - the tile index: the first TileJSON request (reads every project, builds the geojson-vt index),
 *   and the heap it keeps (after a GC; run with --expose-gc, as the npm script does);
 * - the tile endpoint: every tile of the region at zooms 5-8 and a hundred at zoom 10, requested one
 *   after the other, cold (cut, encoded and gzipped on the request) and again warm (cached), p50/p99;
 * - a bare MapLibre page with the basemap and the app's project layers over the tiles (the "bare"
 *   page of bench:map-scale with a vector source, tests/bench/map-pages.ts), 1280x720, SwiftShader:
 *   first drawn projects, filter clicks (task area 2.4 on and off) to the first frame showing the new
 *   filter and to idle, and the frames of a 400 px pan.
 * Never a test assertion. MAP_SIZES=10000,100000 (default); MAP_RUNS=5 pairs of clicks per size.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { isLargeSet } from '../../client/map/project-layers.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { barePage, BENCH_ARGS, clickOnce, DRAW_TIMEOUT, preparePage, startScaleServer, VIEW, waitDrawn, type ClickTimes } from './map-pages.ts';

const SIZES = (process.env.MAP_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.MAP_RUNS ?? 5);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}`);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

/** The XYZ tiles covering the synthetic projects' frame (tests/bench/synthetic.ts) at a zoom. */
function frameTiles(z: number): [number, number, number][] {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  const out: [number, number, number][] = [];
  for (let tx = x(110); tx <= x(124); tx++) for (let ty = y(44); ty <= y(35); ty++) out.push([z, tx, ty]);
  return out;
}

/** Each tile requested once, one after the other: the times and the bytes of those with projects. */
async function requestAll(url: string, tiles: [number, number, number][]) {
  const times: number[] = [];
  let bytes = 0;
  for (const [z, x, y] of tiles) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/projects/tiles/${z}/${x}/${y}`, { headers: { 'accept-encoding': 'gzip' } });
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200 && res.status !== 204) throw new Error(`tile ${z}/${x}/${y} answered ${res.status}`);
    bytes += Number(res.headers.get('content-length') ?? body.byteLength);
  }
  return { times, bytes };
}

if (!globalThis.gc) console.warn('(no --expose-gc: the heap figures include garbage)');
const base = loadGeodata();
const index: string[] = [];
const maps: string[] = [];
const browser = await chromium.launch({ executablePath, args: BENCH_ARGS });
const root = mkdtempSync(join(tmpdir(), 'atlas-maptiles-'));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const startLoad = load();
try {
  for (const n of SIZES) {
    // No client and no GeoJSON warm-up: the tiles page and the tile requests are all this measures.
    const server = await startScaleServer(n, base, root, root, { warm: false });
    try {
      const before = heap();
      let t0 = performance.now();
      const tileJson = (await (await fetch(`${server.url}/api/projects/tiles.json`)).json()) as { thinned: { zoom: number; fraction: number }[] };
      const build = performance.now() - t0;
      const kept = heap() - before;
      const rss = process.memoryUsage().rss;
      const tiles = [...[5, 6, 7, 8].flatMap(frameTiles), ...frameTiles(10).filter((_, i) => i % 13 === 0).slice(0, 100)];
      const cold = await requestAll(server.url, tiles);
      const warm = await requestAll(server.url, tiles);
      const z5 = await requestAll(server.url, frameTiles(5));
      const thinned = tileJson.thinned.map((t) => `z${t.zoom} ${Math.round(t.fraction * 100)}%`).join(', ') || 'none';
      index.push(
        `| ${n.toLocaleString('en')} | ${(build / 1000).toFixed(1)} s | ${mb(kept)} (RSS ${mb(rss)}) | ${tiles.length} | ${ms(quantile(cold.times, 0.5))} / ${ms(quantile(cold.times, 0.99))} | ${ms(quantile(warm.times, 0.5))} / ${ms(quantile(warm.times, 0.99))} | ${(z5.bytes / 1024).toFixed(0)} kB | ${thinned} |`,
      );
      console.log(index.at(-1));

      // The layers the app draws for a set of this size (a tiled set is always a large one).
      server.pages.tiles = barePage(server.url, { tiles: true, large: isLargeSet(n) });
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
      const page = await context.newPage();
      await preparePage(page, false);
      try {
        t0 = Date.now();
        await page.goto(`${server.url}/bench/tiles`, { timeout: DRAW_TIMEOUT });
        await waitDrawn(page);
        const first = Date.now() - t0;
        const clicks: ClickTimes[] = [];
        for (let i = 0; i < RUNS * 2; i++) clicks.push(await clickOnce(page));
        const pan = await page.evaluate(() => window.__bench!.pan());
        const frame = clicks.map((c) => c.frame);
        const idle = clicks.map((c) => c.idle);
        maps.push(
          `| ${n.toLocaleString('en')} | ${(first / 1000).toFixed(1)} s | ${ms(quantile(frame, 0.5))} / ${ms(Math.max(...frame))} | ${ms(quantile(idle, 0.5))} / ${ms(Math.max(...idle))} | ${ms(quantile(pan.frames, 0.5))} / ${ms(quantile(pan.frames, 0.95))} (${pan.frames.length} frames) |`,
        );
      } catch (e) {
        maps.push(`| ${n.toLocaleString('en')} | not drawn: ${(e as Error).message.split('\n')[0]} | | | |`);
      } finally {
        await context.close();
      }
      console.log(maps.at(-1));
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}
console.log(`\nLoad average ${startLoad} at the start, ${load()} at the end.\n`);
console.log('| projects | index build (first TileJSON) | heap kept (process RSS) | tiles | cold p50 / p99 | warm p50 / p99 | zoom-5 tiles, gzipped | thinned |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of index) console.log(r);
console.log(`\nThe map from the tiles, 1280x720, SwiftShader, zoom ${VIEW.zoom} over the region; clicks median / max of ${RUNS * 2}\n`);
console.log('| projects | first drawn projects | filter click to first frame | filter click to idle | pan frame (median / p95) |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of maps) console.log(r);
