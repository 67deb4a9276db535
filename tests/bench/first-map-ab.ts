/**
 * `tsx tests/bench/first-map-ab.ts`: today's first map against a variant of its style, in turns (a
 * fresh Chromium with SwiftShader per page, so neither finds the other's shader programs made):
 * the time to the first idle and the CPU time of Chromium's processes until then, and one repaint
 * of the idle map (GPU process CPU), medians of AB_ROUNDS (default 5) at AB_SIZE (1440x900).
 * AB_VARIANT names the variant: `round-joins` (the basemap's lines as they were before fe0f616),
 * `no-land` (the land fills left out: what drawing no land under the provinces would save at most),
 * `no-fill-antialias` (the basemap's fills without their antialiasing outline pass), `alt-tiles`
 * (only the tiles). With BENCH_BASEMAP_TILES=<dir> the variant draws the basemap from that dir's
 * basemap.mbtiles (e.g. the tiles before a change: round-joins and the old tiles is this round's before).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { chromium } from 'playwright-core';
import { APP_OPTIONS, CHROMIUM_ARGS, mapPage, startBenchServer, withAltTiles } from './first-map-server.ts';
import { descendantsCpuByType } from './process-cpu.ts';

const ROUNDS = Number(process.env.AB_ROUNDS ?? 5);
const SIZE = (process.env.AB_SIZE ?? '1440x900').split('x').map(Number) as [number, number];
const isBaseLine = (l: LayerSpecification) => l.type === 'line' && ['base-rivers', 'base-province-lines', 'base-country-lines', 'base-plan-outline'].includes(l.id);
const VARIANTS: Record<string, (l: LayerSpecification) => LayerSpecification | null> = {
  'round-joins': (l) => (isBaseLine(l) ? { ...l, layout: { ...l.layout, 'line-join': 'round', ...(l.id === 'base-rivers' ? { 'line-cap': 'round' } : {}) } } as LayerSpecification : l),
  'no-land': (l) => (l.id === 'base-land' || l.id === 'base-land-wide' ? null : l),
  'alt-tiles': (l) => l,
  'no-fill-antialias': (l) => (l.type === 'fill' && l.id.startsWith('base-') ? { ...l, paint: { ...l.paint, 'fill-antialias': false } } : l),
};
const variant = process.env.AB_VARIANT ?? 'round-joins';
const change = VARIANTS[variant];
if (!change) throw new Error(`AB_VARIANT: one of ${Object.keys(VARIANTS).join(', ')}`);

type Result = { drawn: number; cpu: number; gpu: number; renderer: number; frameGpu: number };
const dir = mkdtempSync(join(tmpdir(), 'atlas-ab-'));
const server = await startBenchServer(dir);
const changed = { ...server.style, layers: server.style.layers.map(change).filter((l): l is LayerSpecification => l !== null) };
const styles: Record<string, StyleSpecification> = { today: server.style, [variant]: process.env.BENCH_BASEMAP_TILES ? withAltTiles(changed, server.base) : changed };
for (const [name, style] of Object.entries(styles)) server.pages[name] = mapPage(style, { mapOptions: APP_OPTIONS, size: SIZE });

async function measure(name: string): Promise<Result> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: SIZE[0], height: SIZE[1] } })).newPage();
    const c0 = descendantsCpuByType();
    await page.goto(`${server.base}/bench/page/${name}`);
    await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, null, { timeout: 180_000, polling: 50 });
    const c1 = descendantsCpuByType();
    const d = (k: string) => (c1[k] ?? 0) - (c0[k] ?? 0);
    const drawn = await page.evaluate(() => (window as unknown as { __drawn: number }).__drawn);
    const frames: number[] = [];
    for (let i = 0; i < 5; i++) {
      const g0 = descendantsCpuByType()['gpu-process'] ?? 0;
      await page.evaluate(
        () =>
          new Promise<void>((ok) => {
            const m = (window as unknown as { __map: { once: (e: string, f: () => void) => void; triggerRepaint: () => void; painter: { context: { gl: WebGL2RenderingContext } } } }).__map;
            m.once('render', () => {
              const gl = m.painter.context.gl;
              gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
              ok();
            });
            m.triggerRepaint();
          }),
      );
      frames.push((descendantsCpuByType()['gpu-process'] ?? 0) - g0);
    }
    return { drawn, cpu: Object.keys(c1).reduce((a, k) => a + d(k), 0), gpu: d('gpu-process'), renderer: d('renderer'), frameGpu: median(frames) };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, Result[]> = { today: [], [variant]: [] };
try {
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always runs on the warmer machine.
    for (const name of r % 2 ? [variant, 'today'] : ['today', variant]) results[name]!.push(await measure(name));
    console.log(`round ${r + 1} (load average ${loadavg()[0]!.toFixed(1)}): ${Object.entries(results).map(([k, v]) => `${k} ${JSON.stringify(v.at(-1))}`).join(', ')}`);
  }
  console.log(`\n${SIZE.join('x')}, medians of ${ROUNDS} (load average ${loadavg()[0]!.toFixed(1)})\n| page | first idle ms | CPU ms | GPU process | renderer | one repaint, GPU process ms |\n| --- | --- | --- | --- | --- | --- |`);
  for (const [name, rs] of Object.entries(results)) {
    const m = (k: keyof Result) => Math.round(median(rs.map((x) => x[k])));
    console.log(`| ${name} | ${m('drawn')} | ${m('cpu')} | ${m('gpu')} | ${m('renderer')} | ${m('frameGpu')} |`);
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
