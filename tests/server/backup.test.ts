/**
 * `npm run db:backup` while edits keep coming, then `npm run db:restore`: every status event the
 * backup holds comes back exactly, and every edit acknowledged before the backup began is in it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/services/auth.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

const run = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/db-backup.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, out: out.trim(), err: err.trim() }));
  });

async function events(url: string) {
  const client = createClient({ url });
  try {
    return (await client.execute('select id, project_id, from_status, to_status, at, by, note, source, version from status_events order by id')).rows.map((r) => ({ ...r }));
  } finally {
    client.close();
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  let token = '';
  let url = '';
  let dir = '';
  beforeAll(async () => {
    t = await testApp();
    url = `file:${join(t.dir, 'atlas.db')}`;
    dir = mkdtempSync(join(tmpdir(), 'atlas-backup-'));
    await createUser(t.db, 'editor1', 'a long enough password', 'editor');
    token = await createApiToken(t.db, 'editor1', 'load');
  });
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const edit = async (id: string, note: string) => {
    const cur = ((await (await t.app.request(`/api/projects/${id}`)).json()) as { properties: { status: string; version: number } }).properties;
    const res = await t.app.request(`/api/projects/${id}/status`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: cur.status === 'construction' ? 'operation' : 'construction', note, source: 'backup test', version: cur.version }),
    });
    return res.status;
  };

  it('backs up under load a consistent copy, and restores it event for event', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 10; i++) expect(await edit('tianjin-port', `before ${i}`)).toBe(200);
    const before = await events(url);

    // Edits keep landing (through the app, on the same file) while the backup runs.
    let loading = true;
    let during = 0;
    const load = (async () => {
      for (let i = 0; loading; i++) {
        if ((await edit(i % 2 ? 'jingtang-intercity' : 'jinshi-expressway', `during ${i}`)) === 200) during++;
        // The embedded database answers synchronously: let the child's output and exit through.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = join(dir, 'atlas-backup.db');
    const backup = await run(['backup', file], { DATABASE_URL: url });
    loading = false;
    await load;
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/^Backed up .* status events/);
    expect(during).toBeGreaterThan(0);

    const saved = await events(`file:${file}`);
    // Everything acknowledged before the backup began is in it, unchanged, and it is a prefix
    // of the live history (a snapshot, not a mix).
    expect(saved.slice(0, before.length)).toEqual(before);
    const live = await events(url);
    expect(live.slice(0, saved.length)).toEqual(saved);
    const check = createClient({ url: `file:${file}` });
    expect((await check.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
    check.close();

    // Restore (server stopped: the app's connection is closed first).
    t.db.$client.close();
    const restored = await run(['restore', file], { DATABASE_URL: url, PORT: '9' });
    expect(restored.code, restored.err).toBe(0);
    expect(await events(url)).toEqual(saved);
    expect(readdirSync(t.dir).some((f) => f.includes('before-restore'))).toBe(true);
  });

  it('refuses in one line: an existing target, a missing backup, a file that is not a database, a running server', { timeout: 120_000 }, async () => {
    const env = { DATABASE_URL: url, PORT: '9' };
    const file = join(dir, 'exists.db');
    expect((await run(['backup', file], env)).code).toBe(0);
    const results = await Promise.all([
      run(['backup', file], env),
      run(['restore', join(dir, 'missing.db')], env),
      run(['restore', join(t.dir, '..', 'nope', 'x.db')], env),
      run(['restore', __filename], env),
    ]);
    const patterns = [/already exists/, /missing\.db is not a file/, /is not a file/, /is not a SQLite database/];
    results.forEach((r, i) => {
      expect(r.code).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(patterns[i]!);
    });
    // A server answering on HOST:PORT blocks a restore.
    const server = (await import('node:http')).createServer((_q, s) => s.end('{}')).listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    const port = String((server.address() as { port: number }).port);
    const busy = await run(['restore', file], { DATABASE_URL: url, PORT: port, HOST: '127.0.0.1' });
    server.close();
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/a server answers at 127\.0\.0\.1:\d+; stop it first/);
    expect(existsSync(file)).toBe(true);
    // So does one too busy to answer (it takes the connection, says nothing): it is still there.
    const mute = (await import('node:net')).createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((ok) => mute.once('listening', ok));
    const mutePort = String((mute.address() as { port: number }).port);
    const silent = await run(['restore', file], { DATABASE_URL: url, PORT: mutePort, HOST: '127.0.0.1' });
    mute.close();
    expect(silent.code).toBe(1);
    expect(silent.err).toMatch(/a server answers at/);
  });
});
