/**
 * The dashboard's filter speed in real Chromium: from ticking a task area to the map idle with the
 * new filter, against a baseline of one plain repaint-to-idle of the same map in the same page.
 * Skipped (with a message) where no Chromium is installed. Builds the client and serves it with the
 * real app on a throwaway database.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { afterAll, bench, describe } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { seed } from '../../server/db/seed.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available) console.warn(`No Chromium at ${executablePath}: the browser benchmark is skipped.`);

let page: Page | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
if (available) {
  // Build into a scratch folder: dist/ may be serving a running `npm start`.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const outDir = join(dir, 'dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const db = await openDb(`file:${join(dir, 'atlas.db')}`);
  await seed(db);
  const server = serve({ fetch: createApp({ db, clientDir: outDir }).fetch, port: 0, hostname: '127.0.0.1' });
  cleanups.push(
    () => new Promise((r) => server.close(r)),
    () => Promise.resolve(db.$client.close()),
    () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  );
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  cleanups.unshift(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/?c=116.5,40,5.5`);
  await page.waitForFunction(() => Boolean(window.__atlasMap?.loaded() && window.__atlasMap.getSource('projects')));
}

const idle = (p: Page) => p.evaluate(() => new Promise<void>((r) => window.__atlasMap!.once('idle', () => r())));

describe.skipIf(!available)('filter a task area in the browser (tick, map idle)', () => {
  bench('baseline: one repaint of the same map to idle', async () => {
    const done = idle(page!);
    await page!.evaluate(() => window.__atlasMap!.triggerRepaint());
    await done;
  });
  bench('tick 2.4 (or untick it), map and counts updated, map idle', async () => {
    const box = page!.locator('[data-filter=node] input[value="2.4"]');
    const done = idle(page!);
    await box.click();
    await done;
  });
});
