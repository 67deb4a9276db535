/**
 * `SHOTS_DIR=<dir> tsx tests/bench/first-map-shots.ts`: the bare first-map page (today's basemap and
 * the plan's projects) drawn at a few views, each saved as <view>.png and its raw pixels, so that a
 * change meant to be invisible can be checked: `SHOTS_COMPARE=<dir of before>` compares each view
 * with the one saved there and prints how many pixels differ (any channel by more than 8, and by
 * more than 48), and saves <view>-diff.png (differing pixels red over the picture in grey).
 * SHOTS_HIDE=<layer id>,... leaves those layers out (what they add to the picture);
 * BENCH_BASEMAP_TILES=<dir> draws the basemap from that dir's basemap.mbtiles.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { APP_OPTIONS, CHROMIUM_ARGS, mapPage, START_VIEW, startBenchServer, withAltTiles } from './first-map-server.ts';

type View = { name: string; size: [number, number]; center: [number, number]; zoom: number };
const VIEWS: View[] = [
  { name: 'start-1440', size: [1440, 900], ...START_VIEW },
  { name: 'start-1280', size: [1280, 720], ...START_VIEW },
  { name: 'overview-z4', size: [1280, 720], center: [110, 40], zoom: 4 },
  { name: 'tianjin-z9.5', size: [1280, 720], center: [117.55, 39.0], zoom: 9.5 },
  { name: 'tianjin-z10.5', size: [1280, 720], center: [117.75, 38.98], zoom: 10.5 },
];
const out = process.env.SHOTS_DIR ?? '/tmp/atlas-shots';
const against = process.env.SHOTS_COMPARE;
const hide = process.env.SHOTS_HIDE?.split(',') ?? [];
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'atlas-shots-'));
const server = await startBenchServer(dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const v of VIEWS) {
    const shown = { ...server.style, layers: server.style.layers.filter((l) => !hide.includes(l.id)) };
    const style = process.env.BENCH_BASEMAP_TILES ? withAltTiles(shown, server.base) : shown;
    server.pages[v.name] = mapPage(style, { mapOptions: `${APP_OPTIONS}, canvasContextAttributes: { preserveDrawingBuffer: true }`, size: v.size, view: v });
    const context = await browser.newContext({ viewport: { width: v.size[0], height: v.size[1] } });
    const page = await context.newPage();
    await page.goto(`${server.base}/bench/page/${v.name}`);
    await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, null, { timeout: 180_000, polling: 100 });
    await page.screenshot({ path: join(out, `${v.name}.png`) });
    // The map's own pixels (RGBA, rows from the bottom), read after the idle frame.
    const rgba = Buffer.from(await page.evaluate(() => {
      const gl = (window as unknown as { __map: { painter: { context: { gl: WebGL2RenderingContext } } } }).__map.painter.context.gl;
      const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
      gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let s = '';
      for (let i = 0; i < px.length; i += 32768) s += String.fromCharCode(...px.subarray(i, i + 32768));
      return btoa(s);
    }), 'base64');
    writeFileSync(join(out, `${v.name}.rgba`), rgba);
    const old = against && existsSync(join(against, `${v.name}.rgba`)) ? readFileSync(join(against, `${v.name}.rgba`)) : undefined;
    if (old && old.length === rgba.length) {
      const [w, h] = v.size;
      let small = 0;
      let large = 0;
      const mask = new Uint8Array(w * h);
      for (let i = 0; i < rgba.length; i += 4) {
        const d = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(rgba[i + c]! - old[i + c]!)));
        if (d > 8) {
          small++;
          mask[i / 4] = d > 48 ? 2 : 1;
        }
        if (d > 48) large++;
      }
      console.log(`${v.name}: ${small} pixels differ by more than 8 (${((100 * small) / (w * h)).toFixed(3)}%), ${large} by more than 48`);
      // The diff picture: the new map in grey, pixels that differ red (orange for small differences).
      await page.evaluate(
        ([b64, m, width, height]) => {
          const px = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const marks = Uint8Array.from(atob(m), (c) => c.charCodeAt(0));
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          canvas.style.cssText = 'position:fixed;left:0;top:0;z-index:9';
          const img = new ImageData(width, height);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              const src = ((height - 1 - y) * width + x) * 4;
              const dst = (y * width + x) * 4;
              const grey = (px[src]! + px[src + 1]! + px[src + 2]!) / 3;
              const mark = marks[(height - 1 - y) * width + x]!;
              img.data.set(mark === 2 ? [255, 0, 0, 255] : mark === 1 ? [255, 150, 0, 255] : [grey, grey, grey, 255], dst);
            }
          }
          canvas.getContext('2d')!.putImageData(img, 0, 0);
          document.body.append(canvas);
        },
        [rgba.toString('base64'), Buffer.from(mask).toString('base64'), w, h] as const,
      );
      await page.screenshot({ path: join(out, `${v.name}-diff.png`) });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
