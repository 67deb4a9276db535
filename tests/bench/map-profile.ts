/**
 * `MAP_PROFILE=1 tsx tests/bench/map-profile.ts`: where one filter click's time goes at 10k
 * synthetic projects (MAP_SIZES, default 10000), bare MapLibre page beside the dashboard. A Chrome
 * trace of the click (V8 CPU samples on every thread, the workers too, mapped through the source
 * maps to MapLibre's and the app's own files) and the CPU time of every thread of every Chromium
 * process (/proc), the GPU process's SwiftShader threads included. Traces stay in MAP_PROFILE_DIR
 * (default /tmp/atlas-map-profile); `tsx tests/bench/map-profile.ts <trace.json>` reads one again.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { isLargeSet } from '../../client/map/project-layers.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { appPath, barePage, BENCH_ARGS, buildClient, clickOnce, preparePage, startScaleServer, waitDrawn } from './map-pages.ts';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: CallFrame; parent?: number };
type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; id?: string; args?: { name?: string; data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } } };

/** Where a sample's time goes: the innermost frame whose original file matches, leaf first. */
const RULES: [RegExp, string][] = [
  [/placement|collision_index|grid_index|cross_tile_symbol_index|symbol\/projection/, 'label placement'],
  [/src\/render\/|src\/gl\/|src\/webgl\/|src\/shaders\//, 'draw (JS side of WebGL)'],
  [/symbol_bucket|src\/symbol\/|glyph|image_atlas|src\/text\//, 'symbol buckets (layout)'],
  [/line_bucket/, 'line buckets'],
  [/fill_bucket|earcut|classify_rings/, 'fill buckets'],
  [/circle_bucket/, 'circle buckets'],
  [/geojson-vt|geojson_worker_source|geojson_wrapper|supercluster|geojson_source_diff/, 'GeoJSON index (geojson-vt)'],
  [/feature_index/, 'feature index'],
  [/web_worker_transfer|src\/util\/actor|vt-pbf|\/pbf\//, 'serialize / transfer'],
  [/worker_tile|vector_tile_worker_source|evaluation_feature|src\/data\/bucket/, 'worker tile (other)'],
  [/react-dom|\/scheduler\/|\/react\//, 'React'],
  [/client\/state\/|client\/map\/pick/, 'app: filtering, counts, stacks'],
  [/client\/panels\//, 'app: panels (list)'],
  [/client\//, 'app: other'],
  [/src\/source\/|src\/tile\//, 'MapLibre sources and tiles'],
  [/src\/style\//, 'MapLibre style'],
  [/style-spec/, 'expressions (other)'],
];

const maps = new Map<string, SourceMapConsumer | null>();
function mapFor(url: string, clientDir: string): SourceMapConsumer | null {
  if (maps.has(url)) return maps.get(url)!;
  const name = url.split('/').pop()!.split('?')[0]!;
  let file: string | null = null;
  if (url.includes('/bench/mlgl/')) file = `node_modules/maplibre-gl/dist/${name}.map`;
  else if (/maplibre-gl-worker.*\.mjs$/.test(name)) file = 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs.map';
  else if (url.includes('/assets/')) file = join(clientDir, 'assets', `${name}.map`);
  const consumer = file && existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8')) as RawSourceMap) : null;
  maps.set(url, consumer);
  return consumer;
}

function original(f: CallFrame, clientDir: string): { source: string; name: string } {
  if (!f.url) return { source: '', name: f.functionName || '(anon)' };
  let pos = mapFor(f.url, clientDir)?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
  // The app's bundle maps MapLibre to its dist file: map once more through MapLibre's own map.
  if (pos?.source?.endsWith('maplibre-gl/dist/maplibre-gl.mjs') && pos.line != null) {
    const inner = mapFor('/bench/mlgl/maplibre-gl.mjs', clientDir)?.originalPositionFor({ line: pos.line, column: pos.column ?? 0 });
    if (inner?.source) pos = { ...inner, name: inner.name ?? pos.name };
  }
  return { source: pos?.source ?? f.url, name: pos?.name ?? (f.functionName || '(anon)') };
}

/** Thread name by pid:tid, and the CPU samples by thread within [from, to] (trace µs). */
export function analyse(events: TraceEvent[], clientDir: string, from = -Infinity, to = Infinity): string[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args!.name!);
  const out: string[] = [];
  // Top-level task time per thread (every thread the trace saw, the GPU process's too).
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < from || e.ts > to || !/RunTask|ThreadPool_RunTask/.test(e.name)) continue;
    const k = `${e.pid}:${e.tid}`;
    busy.set(k, (busy.get(k) ?? 0) + e.dur / 1000);
  }
  out.push('top-level tasks by thread (ms): ' + [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, ms]) => `${names.get(k) ?? k} ${Math.round(ms)}`).join(', '));
  // CPU samples per profile (one per thread).
  const profiles = new Map<string, { key: string; nodes: Map<number, Node>; samples: { node: number; t: number; dt: number }[]; t: number }>();
  for (const e of events) {
    if (e.name === 'Profile') profiles.set(`${e.pid}:${e.id}`, { key: `${e.pid}:${e.tid}`, nodes: new Map(), samples: [], t: (e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    const d = e.args?.data;
    if (!p || !d) continue;
    for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = d.cpuProfile?.samples ?? [];
    samples.forEach((node, i) => {
      const dt = d.timeDeltas?.[i] ?? 0;
      p.t += dt;
      p.samples.push({ node, t: p.t, dt });
    });
  }
  for (const p of profiles.values()) {
    const inWindow = p.samples.filter((s) => s.t >= from && s.t <= to);
    const byCat = new Map<string, number>();
    const bySelf = new Map<string, number>();
    let total = 0;
    for (const s of inWindow) {
      const leaf = p.nodes.get(s.node);
      if (!leaf) continue;
      const leafName = leaf.callFrame.functionName;
      if (leafName === '(idle)' || leafName === '(root)') continue;
      const ms = s.dt / 1000;
      total += ms;
      let cat = leafName === '(garbage collector)' ? 'garbage collection' : leafName === '(program)' ? '(program: native, not JS)' : '';
      const o = original(leaf.callFrame, clientDir);
      const selfKey = `${o.name} ${o.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}`;
      bySelf.set(selfKey, (bySelf.get(selfKey) ?? 0) + ms);
      for (let n: Node | undefined = leaf; n && !cat; n = n.parent ? p.nodes.get(n.parent) : undefined) {
        const src = original(n.callFrame, clientDir).source;
        cat = RULES.find(([re]) => re.test(src))?.[1] ?? '';
      }
      cat ||= 'other';
      byCat.set(cat, (byCat.get(cat) ?? 0) + ms);
    }
    if (total < 5) continue;
    out.push(`\n${names.get(p.key) ?? p.key}: ${Math.round(total)} ms of JS samples`);
    for (const [k, ms] of [...byCat].sort((a, b) => b[1] - a[1])) out.push(`  ${String(Math.round(ms)).padStart(6)} ms  ${k}`);
    out.push('  top self time:');
    for (const [k, ms] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 12)) out.push(`  ${String(Math.round(ms)).padStart(6)} ms  ${k}`);
  }
  return out;
}

/** CPU ms of every thread of every process below this one, by process type and thread name. */
function threadCpu(): Map<string, number> {
  const ms = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ').at(-1)!.split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const mine = (pid: number): boolean => pid === process.pid || (parents.has(pid) && pid > 1 && mine(parents.get(pid)!));
  for (const pid of parents.keys()) {
    if (pid === process.pid || !mine(pid)) continue;
    try {
      const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, 'N');
        const f = stat.split(') ').at(-1)!.split(' ');
        const k = `${type} ${comm}`;
        ms.set(k, (ms.get(k) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
      }
    } catch {
      // ended meanwhile
    }
  }
  return ms;
}

const diff = (a: Map<string, number>, b: Map<string, number>) =>
  [...b].map(([k, v]) => [k, v - (a.get(k) ?? 0)] as const).filter(([, v]) => v >= 20).sort((x, y) => y[1] - x[1]);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'gpu'];

if (process.argv[2]) {
  const events = (JSON.parse(readFileSync(process.argv[2], 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  console.log(analyse(events, process.argv[3] ?? '').join('\n'));
} else {
  const n = Number(process.env.MAP_SIZES ?? 10000);
  const pagesWanted = (process.env.MAP_PAGES ?? 'bare,app').split(',');
  const dir = process.env.MAP_PROFILE_DIR ?? '/tmp/atlas-map-profile';
  mkdirSync(dir, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'atlas-mapprofile-'));
  const clientDir = join(dir, 'client');
  if (!existsSync(join(clientDir, 'index.html'))) buildClient(clientDir, true);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BENCH_ARGS });
  const server = await startScaleServer(n, loadGeodata(), root, clientDir);
  // "bare" has the layers the app draws at this size; "bare-full" every layer (no large-set rule).
  server.pages.bare = barePage(server.url, { stacks: server.stacks, large: isLargeSet(n) });
  server.pages['bare-full'] = barePage(server.url, { stacks: server.stacks });
  try {
    for (const name of pagesWanted) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
      const page = await context.newPage();
      await preparePage(page, name === 'app');
      page.on('pageerror', (e) => console.log(`${name}: page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && console.log(`${name}: console error: ${m.text().slice(0, 300)}`));
      await page.goto(server.url + (name === 'app' ? appPath() : `/bench/${name}`));
      await waitDrawn(page);
      // One pair of clicks first: what runs once (shader compiles, first filters) is not counted.
      await clickOnce(page);
      await clickOnce(page);
      // One frame of the same picture, drawn again: what every frame of a click costs at least.
      const cpu0 = threadCpu();
      const repaints: number[] = [];
      for (let i = 0; i < 5; i++) repaints.push(await page.evaluate(() => window.__bench!.repaint()));
      const gpu = diff(cpu0, threadCpu()).filter(([k]) => k.startsWith('gpu')).reduce((a, [, v]) => a + v, 0);
      const tiles = await page.evaluate(() => (window.__atlasMap as unknown as { style: { tileManagers: Record<string, { getIds(): unknown[] }> } }).style.tileManagers.projects!.getIds().length);
      console.log(`\n=== ${name}: one repaint ${repaints.map(Math.round).join(', ')} ms (GPU process CPU ${Math.round(gpu / 5)} ms each); ${tiles} project tiles`);
      const before = threadCpu();
      await browser.startTracing(page, { categories: CATEGORIES });
      const t = await clickOnce(page);
      const trace = await browser.stopTracing();
      const after = threadCpu();
      writeFileSync(join(dir, `${name}-${n}.json`), trace);
      const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      console.log(`\n=== ${name}, ${n} projects: click to first new frame ${Math.round(t.frame)} ms, to idle ${Math.round(t.idle)} ms, ${t.frames} frames`);
      console.log('CPU by thread (/proc, ms): ' + diff(before, after).map(([k, v]) => `${k} ${v}`).join(', '));
      console.log(analyse(events, clientDir).join('\n'));
      await context.close();
    }
  } finally {
    server.close();
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
}
