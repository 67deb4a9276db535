/**
 * Opens the app in Debian's Chromium (playwright-core, no downloaded browser). Every request to a
 * host other than 127.0.0.1 is blocked and recorded, so a test can fail on it. playwright gives each
 * launch a fresh, empty profile directory.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const OUTPUT_DIR = join(process.cwd(), 'tests/output');
export const hasBrowser = () => Boolean(inject('chromium'));

export type Session = { browser: Browser; page: Page; external: string[]; errors: string[]; close: () => Promise<void> };

export async function openApp(path = '/', viewport = { width: 1280, height: 720 }): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: inject('chromium')!,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
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
  return { browser, page, external, errors, close: () => browser.close() };
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
