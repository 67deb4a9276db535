/**
 * `npm run bench:map-scale`: the map at 10k and 100k synthetic projects (tests/bench/synthetic.ts)
 * in headless Chromium with software WebGL (SwiftShader), 1280x720, the whole region in view:
 * - first drawn projects: from navigation until the map is idle with projects rendered,
 * - a filter click (on and off; MAP_CLICK=task or category, tests/bench/map-pages.ts), two moments:
 *   "first frame", the first frame drawn with the new filter (the layers' filter is the new one, no
 *   tile of the project source is loading, and a read of a pixel has returned, so the GPU process
 *   has drawn it), and "idle", the map's next idle (every label placed),
 * - pan frames: the time between frames while the map pans 400 px over 2 s.
 * Three pages, each on the same database and server: "bare", a MapLibre page with the basemap and
 * the app's project layers and count badges (MapLibre's own cost, the floor); "state", the same
 * with the filter applied as feature-state fading (an experiment: paint-only updates); "app", the
 * dashboard itself (what a planner gets: the list, the counts and the map). Clicks are timed in the
 * page (performance.now), so the driver's round trips are not counted. Never a test assertion.
 * MAP_SIZES=10000,100000 (default); MAP_PAGES=bare,state,app (default); MAP_RUNS=5 pairs of filter
 * clicks (on, off) per page, one pair at 100k.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { isLargeSet } from '../../client/map/project-layers.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { appPath, barePage, BENCH_ARGS, buildClient, CLICK, clickOnce, DRAW_TIMEOUT, preparePage, startScaleServer, VIEW, waitDrawn, type ClickTimes } from './map-pages.ts';

const SIZES = (process.env.MAP_SIZES ?? '10000,100000').split(',').map(Number);
const PAGES = (process.env.MAP_PAGES ?? 'bare,state,app').split(',');
const RUNS = Number(process.env.MAP_RUNS ?? 5);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (xs: number[]) => `${Math.round(median(xs)).toLocaleString('en')} / ${Math.round(Math.max(...xs)).toLocaleString('en')} ms`;

type Timings = { first: number; clicks: ClickTimes[]; frames: number[]; panIdle: number };

/** (a) first drawn projects, (b) filter clicks, (c) pan frames, on one page. */
async function measure(page: Page, url: string, runs: number): Promise<Timings> {
  const started = Date.now();
  await page.goto(url, { timeout: DRAW_TIMEOUT });
  await waitDrawn(page);
  const first = Date.now() - started;
  const clicks: ClickTimes[] = [];
  for (let i = 0; i < runs * 2; i++) clicks.push(await clickOnce(page));
  const pan = await page.evaluate(() => window.__bench!.pan());
  return { first, clicks, ...pan };
}

const base = loadGeodata();
const rows: string[] = [];
const browser = await chromium.launch({ executablePath, args: BENCH_ARGS });
const root = mkdtempSync(join(tmpdir(), 'atlas-mapscale-'));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const startLoad = load();
try {
  const outDir = join(root, 'dist');
  buildClient(outDir);
  for (const n of SIZES) {
    const server = await startScaleServer(n, base, root, outDir);
    // The bare pages draw the layers the app draws at this size (a large set: project-layers.ts).
    const large = isLargeSet(n);
    server.pages.bare = barePage(server.url, { stacks: server.stacks, large });
    server.pages.state = barePage(server.url, { byState: true, stacks: server.stacks, large });
    try {
      for (const name of PAGES) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
        const page = await context.newPage();
        await preparePage(page, name === 'app');
        try {
          const r = await measure(page, server.url + (name === 'app' ? appPath() : `/bench/${name}`), n >= 100_000 ? 1 : RUNS);
          rows.push(
            `| ${n.toLocaleString('en')} | ${name} | ${(r.first / 1000).toFixed(1)} s | ${ms(r.clicks.map((c) => c.frame))} | ${ms(r.clicks.map((c) => c.idle))} | ${Math.round(median(r.frames))} / ${Math.round(p95(r.frames))} ms (${r.frames.length} frames) | ${Math.round(r.panIdle)} ms |`,
          );
        } catch (e) {
          rows.push(`| ${n.toLocaleString('en')} | ${name} | not drawn: ${(e as Error).message.split('\n')[0]} | | | | |`);
        } finally {
          await context.close();
        }
        console.log(rows.at(-1));
      }
    } finally {
      server.close();
    }
    console.log(`(${n.toLocaleString('en')} projects: /api/projects is ${(server.bytes / 2 ** 20).toFixed(1)} MB uncompressed, ${server.stacks.features.length} count badges)`);
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}
console.log(`\nThe map at scale, 1280x720, SwiftShader, ${VIEW.center.join(',')} zoom ${VIEW.zoom}, the ${CLICK} click, median / max of ${RUNS * 2} (2 at 100k)`);
console.log(`${new Date().toISOString().slice(0, 16)} UTC, load average ${startLoad} at the start, ${load()} at the end\n`);
console.log('| projects | page | first drawn projects | click to first new frame (median / max) | click to idle (median / max) | pan frame (median / p95) | pan end to idle |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
