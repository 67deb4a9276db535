/** Opens the libsql database (embedded file or a libsql server) and applies the migrations. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { StartupError } from '../errors.ts';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The file behind a file: URL (without query), or null for :memory: and remote URLs. */
export function databaseFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  return path && path !== ':memory:' ? resolve(path) : null;
}

const reason = (e: unknown) => {
  const err = e as { code?: unknown; cause?: { code?: unknown }; message?: string };
  const code = [err.code, err.cause?.code].find((x) => typeof x === 'string' && x.length > 0);
  return typeof code === 'string' ? code : (err.message?.split('\n')[0]?.slice(0, 120) ?? 'unknown error');
};

/**
 * Checks a database file's path before SQLite touches it, so that a wrong path is one clear line
 * and never a hang: pseudo-filesystems (/proc, /sys, /dev) and anything that is not a regular file
 * (a FIFO would block the open forever) are refused.
 */
function checkFile(file: string) {
  if (/^\/(proc|sys|dev)(\/|$)/.test(file)) throw new StartupError(`DATABASE_URL: ${file} is on a system pseudo-filesystem; name a file on a disk`);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    stat = null;
  }
  if (stat && !stat.isFile()) throw new StartupError(`DATABASE_URL: ${file} is not a regular file`);
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new StartupError(`DATABASE_URL: cannot write to folder ${dir} (${reason(e)}); choose a writable path`);
  }
}

/** Opens a raw client with the pragmas the app relies on (also used by the backup commands). */
export async function openClient(url: string, authToken?: string): Promise<Client> {
  const file = databaseFile(url);
  if (file) checkFile(file);
  let client: Client;
  try {
    client = createClient({ url, authToken });
  } catch (e) {
    throw new StartupError(`DATABASE_URL: cannot use ${url.split('?')[0]} (${reason(e)})`);
  }
  try {
    if (url.startsWith('file:')) {
      // WAL lets readers go on while an editor writes; FULL syncs the WAL on every commit, so an
      // acknowledged edit survives a killed process and a power cut alike.
      await client.execute('PRAGMA journal_mode = WAL');
      await client.execute('PRAGMA synchronous = FULL');
      await client.execute('PRAGMA busy_timeout = 5000');
    }
    await client.execute('PRAGMA foreign_keys = ON');
  } catch (e) {
    client.close();
    const code = reason(e);
    if (code === 'SQLITE_NOTADB') throw new StartupError(`DATABASE_URL: ${file} is not a SQLite database; move it away or point DATABASE_URL elsewhere`);
    throw new StartupError(`DATABASE_URL: cannot open ${file ?? url.split('?')[0]} (${code})`);
  }
  return client;
}

export async function openDb(url: string, authToken?: string): Promise<Db> {
  const client = await openClient(url, authToken);
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (e) {
    client.close();
    throw new StartupError(`database migration failed (${reason(e)}); restore a backup or point DATABASE_URL at a fresh file`);
  }
  return db;
}
