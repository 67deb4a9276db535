/**
 * Browser suite set-up: find Chromium (loudly), build the client, start the real server
 * (server/index.ts) on a throwaway database with one editor, and hand the URL to the tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../server/db/client.ts';
import { createUser } from '../../server/services/auth.ts';

export const EDITOR = { username: 'e2e-editor', password: 'e2e-password-123' };

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
    editor: { username: string; password: string };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  project.provide('editor', EDITOR);
  if (!existsSync(chromium)) {
    const msg = `\n\n!!! No Chromium at ${chromium}: the browser tests cannot run.\n!!! Install it with: sudo apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH)\n`;
    if (process.env.CI === 'true') throw new Error(msg);
    console.warn(msg);
    project.provide('chromium', null);
    project.provide('baseUrl', '');
    return;
  }
  project.provide('chromium', chromium);

  // vitest sets NODE_ENV=test; the app under test is the production build a user gets. It is built
  // into the run's own folder, so two runs at once (or a running `npm start`) do not share dist/.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const clientDir = join(dir, 'dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', clientDir], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });

  const databaseUrl = `file:${join(dir, 'atlas.db')}`;
  const db = await openDb(databaseUrl);
  await createUser(db, EDITOR.username, EDITOR.password, 'editor');
  db.$client.close();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, CLIENT_DIR: clientDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start in 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);

  return () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
