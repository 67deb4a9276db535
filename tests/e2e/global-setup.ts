/**
 * Browser suite set-up: find Chromium (loudly), then at once build the client, start the real
 * server (server/index.ts) on a throwaway database with one editor, and start the one Chromium
 * every browser test file connects to (tests/e2e/browser.ts); hand their addresses to the tests.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../server/db/client.ts';
import { createUser } from '../../server/services/auth.ts';
import { startServer } from '../helpers/server-process.ts';
import { CHROMIUM_ARGS } from './chromium-args.ts';

export const EDITOR = { username: 'e2e-editor', password: 'e2e-password-123' };

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
    /** The run's shared Chromium (playwright's browser server), or null without one. */
    browserWs: string | null;
    editor: { username: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  project.provide('editor', EDITOR);
  project.provide('browserWs', null);
  if (!existsSync(chromiumPath)) {
    const msg = `\n\n!!! No Chromium at ${chromiumPath}: the browser tests cannot run.\n!!! Install it with: sudo apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH)\n`;
    if (process.env.CI === 'true') throw new Error(msg);
    console.warn(msg);
    project.provide('chromium', null);
    project.provide('baseUrl', '');
    return;
  }
  project.provide('chromium', chromiumPath);

  // vitest sets NODE_ENV=test; the app under test is the production build a user gets. It is built
  // into the run's own folder, so two runs at once (or a running `npm start`) do not share dist/.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const clientDir = join(dir, 'dist');
  const build = promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', clientDir], {
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 2 ** 20,
  }).then(({ stdout, stderr }) => process.stdout.write(stdout + stderr));

  const databaseUrl = `file:${join(dir, 'atlas.db')}`;
  const server = (async () => {
    const db = await openDb(databaseUrl);
    await createUser(db, EDITOR.username, EDITOR.password, 'editor');
    db.$client.close();
    // Resolves once the server has migrated and seeded (its "running at" line).
    return startServer({ DATABASE_URL: databaseUrl, CLIENT_DIR: clientDir }, /running at/, 120_000);
  })();
  const browser = chromium.launchServer({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });

  const stop = async () => {
    const [s, b] = await Promise.allSettled([server, browser]);
    if (s.status === 'fulfilled') s.value.child.kill('SIGTERM');
    if (b.status === 'fulfilled') await b.value.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([build, server, browser]);
  } catch (e) {
    await stop();
    throw e;
  }
  const s = await server;
  s.child.stdout!.pipe(process.stdout);
  s.child.stderr!.pipe(process.stderr);
  project.provide('baseUrl', s.base);
  project.provide('browserWs', (await browser).wsEndpoint());
  return stop;
}
