/**
 * Migrates and seeds the database in a worker thread, so the server's own thread stays free to
 * answer (503 "starting" on /api/health) while the seed computes geometry for a few seconds.
 * Posts {ok: true, result} or {ok: false, stage, startup, message, code}; server/index.ts reports
 * it in one line.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { StartupError } from '../errors.ts';
import { openDb } from './client.ts';
import { seed } from './seed.ts';

const { url, authToken } = workerData as { url: string; authToken?: string };
let stage = 'opening the database';
try {
  const db = await openDb(url, authToken);
  stage = 'seeding the database from geodata/';
  try {
    parentPort!.postMessage({ ok: true, result: await seed(db) });
  } finally {
    db.$client.close();
  }
} catch (e) {
  const err = e as { message?: unknown; code?: unknown; stack?: unknown };
  parentPort!.postMessage({
    ok: false,
    stage,
    startup: e instanceof StartupError,
    message: String(err?.message ?? e),
    code: typeof err?.code === 'string' ? err.code : undefined,
    stack: typeof err?.stack === 'string' ? err.stack : undefined,
  });
}
