/**
 * `npm run bench:map`: time to the first drawn map (basemap and projects, 1440x900, headless
 * Chromium with software WebGL), cold cache, median of RUNS:
 * - reference: a bare MapLibre page drawing the basemap from its GeoJSON files (the basemap as it
 *   was shipped before vector tiles; the fixed yardstick of issue 12), in the style frozen in
 *   reference-style.json, so that changes to today's style do not move the yardstick,
 * - bare: a bare MapLibre page drawing today's style (vector tiles),
 * - app: the dashboard itself, from navigation to its map idle with the projects drawn.
 * The result is each time as a ratio of the reference's, measured in the same run, in wall-clock
 * time and in the CPU time of Chromium's processes (less swayed by other work on the machine).
 * BENCH_BREAKDOWN=1 times bare pages with parts of the style left out instead (first-map-breakdown.ts)
 * and with the label points as GeoJSON files,
 * BENCH_PROFILE=<page> prints that page's main-thread profile, BENCH_PAGES=a,b picks pages,
 * BENCH_PROGRAMS=1 lists the shader programs each page compiled (name and per-feature bindings),
 * BENCH_BY_PROCESS=1 prints each page's CPU time by Chromium process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StyleSpecification } from 'maplibre-gl';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_SOURCE } from '../../client/map/project-layers.ts';
import { descendantsCpuByType, descendantsCpuMs } from './process-cpu.ts';
import { breakdownPages, topSelfTime } from './first-map-breakdown.ts';
import { APP_OPTIONS, CHROMIUM_ARGS, mapPage, START_VIEW, startBenchServer } from './first-map-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_BREAKDOWN=1: bare pages with one part of the style left out at a time, instead of the app. */
const BREAKDOWN = process.env.BENCH_BREAKDOWN === '1';
const VIEW = START_VIEW;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}`);

/** The same style with the vector tile source replaced by the GeoJSON files it was cut from. */
function geojsonReference(style: StyleSpecification, base: string, only?: string[]): StyleSpecification {
  const sources = { ...style.sources };
  if (!only) delete sources.basemap;
  const layers = style.layers.map((l) => {
    if (!('source' in l) || l.source !== 'basemap' || !('source-layer' in l)) return l;
    if (only && !only.includes(l['source-layer']!)) return l;
    const file = l['source-layer']!;
    sources[`ref-${file}`] = { type: 'geojson', data: `${base}/basemap/${file}.geojson` };
    const { 'source-layer': _drop, ...rest } = l;
    return { ...rest, source: `ref-${file}` };
  });
  return { ...style, sources, layers };
}

/** Breakdown only: frames drawn and their time, glyphs drawn locally and their time, long tasks. */
const INSTRUMENT = `const st = window.__stats = { load: 0, frames: 0, renderMs: 0, glyphs: 0, glyphMs: 0, longMs: 0 };
map.once('load', () => { st.load = performance.now(); });
map.once('idle', () => {
  st.programs = Object.keys(map.painter.programCache.programs).length;
  st.programKeys = Object.keys(map.painter.programCache.programs).join(' ');
  const gm = map.style.glyphManager, chars = {};
  for (const [stack, e] of Object.entries(gm.entries)) chars[stack] = Object.keys(e.glyphs?.default ?? {}).join('');
  st.glyphsByStack = Object.fromEntries(Object.entries(chars).map(([k, v]) => [k, [...v].length]));
  const all = Object.values(chars).flatMap((v) => [...v]);
  st.glyphsDistinct = new Set(all).size;
  const [regular, fallback] = [chars['Noto Sans CJK SC,sans-serif'] ?? '', chars['Open Sans Regular,Arial Unicode MS Regular'] ?? ''];
  st.glyphsRegularAndDefault = [...new Set(fallback)].filter((c) => regular.includes(c)).length;
  for (const kind of ['glyphs', 'tiles', 'geojson']) {
    const rs = performance.getEntriesByType('resource').filter((r) => r.name.includes(kind === 'geojson' ? '.geojson' : '/' + kind + '/'));
    st[kind + 'Req'] = rs.length + ' until ' + Math.round(Math.max(0, ...rs.map((r) => r.responseEnd)));
  }
});
new PerformanceObserver((l) => { for (const e of l.getEntries()) st.longMs += e.duration; }).observe({ type: 'longtask', buffered: true });
const render = map._render.bind(map);
map._render = (...a) => { const t = performance.now(); const v = render(...a); st.renderMs += performance.now() - t; st.frames++; return v; };
const pc = map.painter.programCache, get = pc.getProgram.bind(pc);
st.programMs = 0;
pc.getProgram = (v) => { const n = Object.keys(pc.programs).length; const t = performance.now(); const r = get(v); if (Object.keys(pc.programs).length > n) st.programMs += performance.now() - t; return r; };
const gm = map.style.glyphManager, make = gm.createRasterizer;
gm.createRasterizer = (...a) => { const r = make(...a), draw = r.draw.bind(r);
  r.draw = (c) => { const t = performance.now(); const g = draw(c); st.glyphMs += performance.now() - t; st.glyphs++; if (st.glyphs < 9) st.drawn = (st.drawn ?? '') + c; return g; }; return r; };`;

const page = (style: StyleSpecification, mapOptions?: string) => mapPage(style, { mapOptions, script: BREAKDOWN ? INSTRUMENT : '' });

const dir = mkdtempSync(join(tmpdir(), 'atlas-firstmap-'));
let browser: Browser | undefined;
const server = await (async () => {
  const srv = await startBenchServer(dir, { buildClient: !BREAKDOWN });
  const { base, pages, projects, style } = srv;
  // The yardstick stays fixed: the style (and project layers) as they were before this benchmark's
  // changes began to cut shader programs (reference-style.json), its basemap from the GeoJSON files.
  const frozen = JSON.parse(readFileSync(new URL('./reference-style.json', import.meta.url), 'utf8').replaceAll('BASE_URL', base)) as StyleSpecification;
  const frozenWithProjects = { ...frozen, sources: { ...frozen.sources, [PROJECT_SOURCE]: { type: 'geojson' as const, data: projects as never } } };
  pages.reference = page(geojsonReference(frozenWithProjects, base));
  // The frozen style from the vector tiles: today's bare page before its style changes (BENCH_PAGES=before,bare).
  pages.before = page(frozenWithProjects, APP_OPTIONS);
  pages.bare = page(style, APP_OPTIONS);
  // Breakdown: the label points as GeoJSON files, as before they went into the tiles.
  if (BREAKDOWN) pages['points-geojson'] = page(geojsonReference(style, base, ['cities', 'province-labels', 'tianjin-districts']), APP_OPTIONS);
  if (BREAKDOWN) Object.assign(pages, breakdownPages(style, (st) => page(st, APP_OPTIONS)));
  return srv;
})();

try {
  const launch = () =>
    chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    });
  const time = async (path: string, done: () => boolean) => {
    // A browser of its own for each page (a fresh profile): the GPU process keeps the shader
    // programs it compiled, so a page after another with the same programs would find them made.
    await browser?.close();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p = await context.newPage();
    const profiling = BREAKDOWN && path.endsWith(`/${process.env.BENCH_PROFILE}`);
    const cdp = profiling ? await context.newCDPSession(p) : undefined;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 1000 })).then(() => cdp.send('Profiler.start'));
    const cpu0 = descendantsCpuMs();
    const byType0 = descendantsCpuByType();
    await p.goto(server.base + path);
    await p.waitForFunction(done, null, { timeout: 120_000, polling: 50 });
    const cpu = descendantsCpuMs() - cpu0;
    if (BREAKDOWN || process.env.BENCH_BY_PROCESS) console.log(path, 'CPU ms by process', JSON.stringify(Object.fromEntries(Object.entries(descendantsCpuByType()).map(([k, v]) => [k, v - (byType0[k] ?? 0)]))));
    if (cdp) console.log(topSelfTime((await cdp.send('Profiler.stop')).profile as never).join('\n'));
    const ms = await p.evaluate(() => (window as unknown as { __drawn: number }).__drawn);
    if (process.env.BENCH_PROGRAMS) console.log(path, 'programs', await p.evaluate(programKeys));
    if (BREAKDOWN) console.log(path, Math.round(ms), JSON.stringify(await p.evaluate(() => (window as unknown as { __stats: object }).__stats), (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)));
    await context.close();
    return { ms, cpu };
  };
  // Functions, not strings: the app's CSP forbids evaluating strings.
  /** The shader programs the map compiled, one key per variant (name and paint properties by binding). */
  const programKeys = () => {
    const w = window as unknown as { __map?: unknown; __atlasMap?: unknown };
    const m = (w.__map ?? w.__atlasMap) as { painter: { programCache: { programs: object } } };
    return Object.keys(m.painter.programCache.programs).map((k) => k.replace(/\/u_[^/]+/g, '').replace('/mercator/', ''));
  };
  const pageDone = () => (window as unknown as { __drawn?: number }).__drawn !== undefined;
  const appDone = () => {
    const w = window as unknown as { __drawn?: number };
    const m = window.__atlasMap;
    if (!m?.getSource('projects') || !m.loaded() || !m.areTilesLoaded()) return false;
    w.__drawn ??= performance.now();
    return true;
  };
  const names = process.env.BENCH_PAGES?.split(',') ?? (BREAKDOWN ? Object.keys(server.pages) : ['reference', 'bare', 'app']);
  const results: Record<string, { ms: number; cpu: number }[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of names) {
      results[name]!.push(name === 'app' ? await time(`/?c=${VIEW.center.join(',')},${VIEW.zoom}`, appDone) : await time(`/bench/page/${name}`, pageDone));
    }
    console.log(`run ${i + 1} (ms / browser CPU ms): ${names.map((n) => `${n} ${Math.round(results[n]!.at(-1)!.ms)} / ${results[n]!.at(-1)!.cpu}`).join(', ')}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // Each run's ratio against the reference of the same run, then the median of those.
  const ratio = (name: string, key: 'ms' | 'cpu') => !results.reference ? NaN : median(results[name]!.map((r, i) => r[key] / results.reference![i]![key]));
  console.log(`\nFirst drawn map, 1440x900, SwiftShader, cold cache, median of ${RUNS} (load average ${loadavg()[0]!.toFixed(1)})\n`);
  console.log('| page | ms | vs reference | browser CPU ms | vs reference |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, rs] of Object.entries(results)) {
    console.log(`| ${name} | ${Math.round(median(rs.map((r) => r.ms)))} | ${ratio(name, 'ms').toFixed(2)}x | ${median(rs.map((r) => r.cpu))} | ${ratio(name, 'cpu').toFixed(2)}x |`);
  }
} finally {
  await browser?.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
