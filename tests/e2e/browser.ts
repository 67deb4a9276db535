/**
 * Opens the app in Debian's Chromium (playwright-core, no downloaded browser). Every request to a
 * host other than 127.0.0.1 is blocked and recorded, so a test can fail on it.
 *
 * One Chromium serves the whole run (started by global-setup.ts, reached over its websocket): a
 * launch costs a second or two, and a fresh browser compiles MapLibre's shaders in software again
 * (its first map is about twice as slow as the next). Each openApp gets a fresh browser context
 * (its own cookies and cache), closed by Session.close.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium-args.ts';

export const OUTPUT_DIR = join(process.cwd(), 'tests/output');
export const hasBrowser = () => Boolean(inject('chromium'));

export type Session = { browser: Browser; page: Page; external: string[]; errors: string[]; close: () => Promise<void> };

let shared: Promise<Browser> | null = null;
/** This file's connection to the run's Chromium (or, without one, a browser of its own). */
function browser(): Promise<Browser> {
  shared ??= (async () => {
    const ws = inject('browserWs');
    if (ws) return chromium.connect(ws, { timeout: 60_000 });
    return chromium.launch({ executablePath: inject('chromium')!, args: CHROMIUM_ARGS, timeout: 60_000 });
  })();
  return shared.then((b) => {
    if (b.isConnected()) return b;
    shared = null;
    return browser();
  });
}
// Disconnects (the run's Chromium stays up for the next file) or closes this file's own browser.
afterAll(async () => {
  const b = shared && (await shared.catch(() => null));
  shared = null;
  await b?.close();
}, 30_000);

export async function openApp(path = '/', viewport = { width: 1280, height: 720 }): Promise<Session> {
  const b = await browser();
  const context = await b.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${inject('baseUrl')}${path}`);
  return { browser: b, page, external, errors, close: () => context.close() };
}

/** Waits until the map exists, has loaded its style and sources, and is idle. */
export async function waitForMapIdle(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => Boolean(window.__atlasMap?.loaded() && window.__atlasMap.getSource('projects')), null, { timeout });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlasMap!;
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`) });
}

/** Features rendered in the given layers (queryRenderedFeatures over the whole canvas). */
export function renderedIds(page: Page, layers: string[]) {
  return page.evaluate((layers) => {
    const map = window.__atlasMap!;
    const present = layers.filter((l) => map.getLayer(l));
    return [...new Set(map.queryRenderedFeatures({ layers: present }).map((f) => String(f.properties.id ?? f.properties.name_zh)))];
  }, layers);
}

/** The layers that draw projects (not labels or highlights). */
export const PROJECT_LAYERS = ['projects-point', 'projects-line', 'projects-line-schematic', 'projects-area-fill'];

export type FC = { features: { properties: { id: string; distance_km?: number } }[] };
/** GET from the server under test. */
export const api = async (path: string) => (await (await fetch(`${inject('baseUrl')}${path}`)).json()) as FC;
export const idsOf = (fc: FC) => fc.features.map((f) => f.properties.id);

/** Signs the e2e editor in through the header form. */
export async function signIn(s: Session) {
  const editor = inject('editor');
  await s.page.getByRole('button', { name: '编辑登录' }).click();
  await s.page.getByLabel('用户名').fill(editor.username);
  await s.page.getByLabel('密码').fill(editor.password);
  await s.page.locator('.sign-in-form').getByRole('button', { name: '编辑登录' }).click();
  await s.page.getByTestId('signed-in-as').waitFor();
}

/** Clicks the map at a lon/lat. */
export async function clickMapAt(s: Session, lngLat: [number, number]) {
  const { x, y } = await s.page.evaluate((ll) => window.__atlasMap!.project(ll), lngLat);
  const box = (await s.page.locator('[data-testid=map]').boundingBox())!;
  await s.page.mouse.click(box.x + x, box.y + y);
}

/** A download's bytes (the run's Chromium is reached over a socket, where download.path() is not available). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
