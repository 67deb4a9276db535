/** `npm run user`: creates editors and API tokens from the command line; no default user exists. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';

let dir = '';
let DATABASE_URL = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  DATABASE_URL = `file:${join(dir, 'atlas.db')}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
    env: { ...process.env, DATABASE_URL, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('npm run user', () => {
  it('starts with no users at all', () => {
    expect(cli(['list']).trim()).toBe('');
  });

  it('adds an editor whose password signs in, and prints a working API token', async () => {
    expect(cli(['add', 'wang', '--role', 'editor'], { ATLAS_PASSWORD: 'a long enough password' })).toContain('Created editor wang');
    const token = cli(['token', 'wang', 'ci']).trim();
    expect(token).toMatch(/^atl_/);
    const db = await openDb(DATABASE_URL);
    try {
      const app = createApp({ db });
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'wang', password: 'a long enough password' }),
      });
      expect(login.status).toBe(200);
      const me = (await (await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { username: string } };
      expect(me.user.username).toBe('wang');
    } finally {
      db.$client.close();
    }
  });

  it('refuses a short password with a clear error and creates nobody', () => {
    expect(() => cli(['add', 'li'], { ATLAS_PASSWORD: 'short' })).toThrow(/at least 10 characters/);
    expect(cli(['list']).trim()).toBe('');
  });
});
