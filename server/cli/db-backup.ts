/**
 * Backups of the embedded database file (DATABASE_URL=file:…):
 *   npm run db:backup -- <file>    a consistent copy, safe while the server runs (SQLite VACUUM INTO
 *                                  reads one snapshot: every acknowledged edit, including those still
 *                                  in the WAL, and none half-done)
 *   npm run db:restore -- <file>   puts a backup in place of the database; the server must be stopped.
 *                                  The database it replaces is kept beside it (…before-restore-<time>).
 * A libsql server (sqld, Turso) has its own backups; these commands refuse it. Errors are one line.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { databaseFile, openClient } from '../db/client.ts';
import { readEnv } from '../env.ts';
import { StartupError } from '../errors.ts';

const fail = (message: string): never => {
  throw new StartupError(message);
};

/** Opens a backup file read-only-ish and checks it is a whole atlas database. */
async function inspect(file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) fail(`${file} is not a file`);
  const client = createClient({ url: `file:${file}` });
  try {
    const check = await client.execute('PRAGMA integrity_check').catch(() => fail(`${file} is not a SQLite database`));
    if (check.rows[0]?.[0] !== 'ok') fail(`${file} fails SQLite's integrity check`);
    const tables = (await client.execute(`select name from sqlite_master where type = 'table'`)).rows.map((r) => r[0]);
    for (const table of ['projects', 'status_events', 'users']) if (!tables.includes(table)) fail(`${file} is not an atlas database (no ${table} table)`);
    const count = async (table: string) => Number((await client.execute(`select count(*) from ${table}`)).rows[0]![0]);
    return { projects: await count('projects'), events: await count('status_events'), users: await count('users') };
  } finally {
    client.close();
  }
}

const summary = (s: { projects: number; events: number; users: number }) => `${s.projects} projects, ${s.events} status events, ${s.users} users`;

export async function backup(url: string, target: string): Promise<string> {
  const db = databaseFile(url) ?? fail('db:backup copies a database file (DATABASE_URL=file:…); a libsql server has its own backups');
  if (!existsSync(db)) fail(`no database at ${db} (DATABASE_URL)`);
  if (existsSync(target)) fail(`${target} already exists; name a new file`);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch {
    fail(`cannot create folder ${dirname(target)}`);
  }
  let client: Client | null = null;
  try {
    client = await openClient(url);
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  } catch (e) {
    if (e instanceof StartupError) throw e;
    fail(`backup to ${target} failed (${(e as { code?: string }).code ?? 'error'}); is the folder writable and is there space?`);
  } finally {
    client?.close();
  }
  return `Backed up ${db} to ${target}: ${summary(await inspect(target))}`;
}

/**
 * Whether something listens on the server's address. A refused connection comes back at once; a
 * server too busy to answer in time is still there, so only a refusal lets a restore go on (a
 * connection neither made nor refused in 10 s refuses the restore too: it replaces the database).
 */
function serverAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port });
    const done = (listening: boolean) => {
      socket.destroy();
      answer(listening);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(10_000, () => done(true));
  });
}

export async function restore(url: string, source: string, server: { host: string; port: number }): Promise<string> {
  const db = databaseFile(url) ?? fail('db:restore writes a database file (DATABASE_URL=file:…); a libsql server has its own backups');
  if (resolve(source) === db) fail('that is the database itself; name a backup file');
  const found = await inspect(source);
  if (await serverAnswers(server.host, server.port)) {
    fail(`a server answers at ${server.host}:${server.port}; stop it first (restore replaces the database under it)`);
  }
  // Copy through SQLite into a fresh file beside the database, then swap names: the database is
  // never half-written, and the one it replaces (with its WAL) is kept.
  const incoming = `${db}.restoring`;
  for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) if (existsSync(f)) fail(`${f} is left from an earlier restore; remove it first`);
  const from = createClient({ url: `file:${source}` });
  try {
    await from.execute({ sql: 'VACUUM INTO ?', args: [incoming] });
  } finally {
    from.close();
  }
  const kept = `${db}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const moved = existsSync(db);
  if (moved) {
    renameSync(db, kept);
    for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) renameSync(db + suffix, kept + suffix);
  }
  renameSync(incoming, db);
  return `Restored ${source} into ${db}: ${summary(found)}${moved ? `; the previous database is kept as ${kept}` : ''}`;
}

async function main() {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: npm run db:backup -- <file> | npm run db:restore -- <file>');
    process.exitCode = 2;
    return;
  }
  const env = readEnv();
  const path = resolve(file);
  console.log(command === 'backup' ? await backup(env.DATABASE_URL, path) : await restore(env.DATABASE_URL, path, { host: env.HOST, port: env.PORT }));
}

main().catch((e: unknown) => {
  const code = (e as { code?: unknown }).code;
  console.error(`error: ${e instanceof StartupError ? e.message : `${typeof code === 'string' ? code : 'unexpected error'}; DEBUG=1 shows details`}`);
  if (process.env.DEBUG) console.error(e);
  process.exit(1);
});
