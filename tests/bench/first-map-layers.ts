/**
 * `tsx tests/bench/first-map-layers.ts`: what one drawn frame of the first map costs, layer by
 * layer, and why each frame until idle was drawn. The bare page of `npm run bench:map` (today's
 * basemap and the plan's projects), in a fresh Chromium with SwiftShader per size:
 * - the frames from navigation to the first idle: when, how long `_render` took on the main thread,
 *   what arrived since the frame before (tiles by source) and what asked for the next frame,
 * - the tiles drawn and, per basemap layer, its vertices and triangle / outline indices,
 * - one repaint of the idle picture with only one layer (or group) drawn: wall time until a pixel
 *   read returns (the GPU process drew it) and the GPU process's CPU time (/proc), median of
 *   LAYERS_REPAINTS interleaved rounds (default 7); "none" draws nothing (the floor: clear and
 *   composite); "all but X" is what leaving X out saves.
 * LAYERS_SIZES=1440x900,1280x720 (default), LAYERS_VIEW=start|tianjin|region (zoom 9.5 over
 * Tianjin; zoom 5.2 over the region),
 * LAYERS_MAP_OPTIONS='canvasContextAttributes: {...}' adds Map options, LAYERS_ONLY=all,none,... runs
 * only those repaint groups.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { APP_OPTIONS, CHROMIUM_ARGS, mapPage, START_VIEW, startBenchServer } from './first-map-server.ts';
import { descendantsCpuByType } from './process-cpu.ts';

const SIZES = (process.env.LAYERS_SIZES ?? '1440x900,1280x720').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const REPAINTS = Number(process.env.LAYERS_REPAINTS ?? 7);
const VIEWS = {
  start: START_VIEW,
  tianjin: { center: [117.55, 39.0] as [number, number], zoom: 9.5 },
  // The whole region, as bench:map-scale's task click sees it.
  region: { center: [117, 39.5] as [number, number], zoom: 5.2 },
};
const VIEW = VIEWS[(process.env.LAYERS_VIEW ?? 'start') as keyof typeof VIEWS] ?? START_VIEW;

/** Every frame until the first idle, with what came before it and what asked for the next one. */
const FRAME_LOG = `const frames = window.__frames = []; let since = {};
const count = (k) => { since[k] = (since[k] ?? 0) + 1; };
map.on('data', (e) => { if (e.dataType === 'source' && e.tile) count(e.sourceId + ' tile'); });
map.on('styledata', () => count('style'));
let idle = false; map.once('idle', () => { idle = true; });
const render = map._render.bind(map);
map._render = (...a) => {
  const t = performance.now(); const before = since; since = {};
  const v = render(...a);
  if (!idle) frames.push({ t: Math.round(t), ms: Math.round(performance.now() - t), came: before,
    next: ['_sourcesDirty', '_styleDirty', '_placementDirty', '_repaint'].filter((k) => map[k]).join(' ') || '-',
    transitions: ['light', 'sky', 'projection'].filter((k) => map.style[k]?.hasTransition()).concat(
      Object.keys(map.style.tileManagers).filter((k) => map.style.tileManagers[k].hasTransition()),
      Object.keys(map.style._layers).filter((k) => map.style._layers[k].hasTransition())).join(' ') });
  return v;
};`;

type Frame = { t: number; ms: number; came: Record<string, number>; next: string; transitions: string };

/** Tiles, per-layer geometry and glyphs of the idle map (runs in the page). */
function inventory() {
  type Bucket = { layoutVertexArray?: { length: number }; indexArray?: { length: number }; indexArray2?: { length: number }; text?: { layoutVertexArray: { length: number } } };
  type Tile = { getBucket: (l: unknown) => Bucket | undefined };
  const m = (window as unknown as { __map: { style: { _order: string[]; _layers: Record<string, { source?: string; type: string }>; tileManagers: Record<string, { getRenderableIds: () => string[]; getTileByID: (id: string) => Tile }>; glyphManager: { entries: Record<string, { glyphs?: { default?: object } }> } } } }).__map;
  const tiles = Object.fromEntries(Object.entries(m.style.tileManagers).map(([k, tm]) => [k, tm.getRenderableIds().length]));
  const layers: Record<string, string> = {};
  for (const id of m.style._order) {
    const layer = m.style._layers[id]!;
    const tm = layer.source ? m.style.tileManagers[layer.source] : undefined;
    if (!tm) continue;
    let v = 0, tri = 0, out = 0;
    for (const tid of tm.getRenderableIds()) {
      const b = tm.getTileByID(tid).getBucket(layer);
      v += b?.layoutVertexArray?.length ?? b?.text?.layoutVertexArray.length ?? 0;
      tri += b?.indexArray?.length ?? 0;
      out += b?.indexArray2?.length ?? 0;
    }
    layers[id] = `${layer.type} ${v} vertices, ${tri} triangles${out ? `, ${out} outline segments` : ''}`;
  }
  const glyphs = Object.fromEntries(Object.entries(m.style.glyphManager.entries).map(([k, e]) => [k, Object.keys(e.glyphs?.default ?? {}).length]));
  return { tiles, layers, glyphs };
}

/** Draws only the layers `show` names (all when null) and times one repaint until a pixel read returns. */
async function repaint(page: Page, show: string[] | null): Promise<number> {
  return page.evaluate((ids) => {
    type Layer = { isHidden: (z: number) => boolean; __own?: (z: number) => boolean };
    const m = (window as unknown as { __map: { style: { _layers: Record<string, Layer> }; painter: { context: { gl: WebGL2RenderingContext } }; once: (e: string, f: () => void) => void; triggerRepaint: () => void } }).__map;
    for (const [id, l] of Object.entries(m.style._layers)) {
      l.__own ??= l.isHidden.bind(l);
      l.isHidden = !ids || ids.includes(id) ? l.__own : () => true;
    }
    const t0 = performance.now();
    return new Promise<number>((r) => {
      m.once('render', () => {
        const gl = m.painter.context.gl;
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        r(performance.now() - t0);
      });
      m.triggerRepaint();
    });
  }, show);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'atlas-layers-'));
const server = await startBenchServer(dir);
try {
  for (const size of SIZES) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    server.pages.layers = mapPage(server.style, { mapOptions: [APP_OPTIONS, process.env.LAYERS_MAP_OPTIONS].filter(Boolean).join(', '), script: FRAME_LOG, size, view: VIEW });
    const context = await browser.newContext({ viewport: { width: size[0], height: size[1] } });
    const page = await context.newPage();
    await page.goto(`${server.base}/bench/page/layers`);
    await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, null, { timeout: 120_000, polling: 50 });
    console.log(`\n=== ${size.join('x')}, zoom ${VIEW.zoom} at ${VIEW.center.join(',')} (load average ${loadavg()[0]!.toFixed(1)})`);
    const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
    console.log(`${frames.length} frames until idle:`);
    for (const f of frames) console.log(`  ${String(f.t).padStart(6)} ms  render ${String(f.ms).padStart(4)} ms  came: ${JSON.stringify(f.came)}  next: ${f.next}${f.transitions ? ` (transitions: ${f.transitions})` : ''}`);
    const inv = await page.evaluate(inventory);
    console.log('tiles drawn:', JSON.stringify(inv.tiles), ' glyphs by font stack:', JSON.stringify(inv.glyphs));
    for (const [id, s] of Object.entries(inv.layers)) console.log(`  ${id.padEnd(30)} ${s}`);
    const ids = Object.keys(inv.layers);
    const base = ['base-background', ...ids.filter((id) => id.startsWith('base-'))];
    const projects = ids.filter((id) => !id.startsWith('base-'));
    const fills = base.filter((id) => /background|land|provinces-fill|port-water/.test(id));
    const lines = base.filter((id) => /rivers|canals|-lines$|outline/.test(id));
    const every: [string, string[] | null][] = [
      ['all', null],
      ['none', []],
      ['basemap', base],
      ['projects', projects],
      ['basemap fills', fills],
      ['basemap lines', lines],
      ['basemap labels and dots', base.filter((id) => !fills.includes(id) && !lines.includes(id))],
      ...base.map((id): [string, string[]] => [id, [id]]),
      ...base.filter((id) => id !== 'base-background').map((id): [string, string[]] => [`all but ${id}`, ids.filter((x) => x !== id)]),
    ];
    const only = process.env.LAYERS_ONLY?.split(',');
    const groups = only ? every.filter(([name]) => only.includes(name)) : every;
    // Interleaved rounds (each group once per round), so that other work on the machine spreads
    // over every group alike; the GPU process's CPU is read around each single repaint.
    await repaint(page, null);
    const walls = new Map<string, number[]>();
    const gpus = new Map<string, number[]>();
    for (let round = 0; round < REPAINTS; round++) {
      for (const [name, show] of groups) {
        const cpu0 = descendantsCpuByType()['gpu-process'] ?? 0;
        const wall = await repaint(page, show);
        const gpu = (descendantsCpuByType()['gpu-process'] ?? 0) - cpu0;
        walls.set(name, [...(walls.get(name) ?? []), wall]);
        gpus.set(name, [...(gpus.get(name) ?? []), gpu]);
      }
    }
    console.log(`one repaint, median of ${REPAINTS} interleaved rounds: wall ms / GPU process CPU ms (load average ${loadavg()[0]!.toFixed(1)})`);
    for (const [name] of groups) console.log(`  ${name.padEnd(36)} ${String(Math.round(median(walls.get(name)!))).padStart(5)} / ${String(median(gpus.get(name)!)).padStart(4)}`);
    await browser.close();
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
