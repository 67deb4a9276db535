/**
 * Migrate and seed before serving. In a worker thread where possible: the seed is seconds of
 * synchronous geometry, and the server thread must stay free to answer 503 "starting" meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { StartupError } from '../errors.ts';
import { openDb } from './client.ts';
import { seed, type SeedResult } from './seed.ts';

type Outcome =
  | { ok: true; result: SeedResult }
  | { ok: false; stage: string; startup: boolean; message: string; code?: string; stack?: string };

/** An error from the worker, rebuilt so start-up reports it like one from this thread. */
export class PrepareError extends Error {
  constructor(readonly stage: string, message: string, readonly code?: string) {
    super(message);
  }
}

function inWorker(url: string, authToken?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { url, authToken } });
    worker.once('message', (m: Outcome) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

export async function prepareDatabase(url: string, authToken?: string): Promise<SeedResult> {
  let outcome: Outcome | null = null;
  // An in-memory database lives in one thread only; elsewhere a worker that cannot start (no
  // TypeScript loader in it) falls back to this thread.
  if (!url.includes(':memory:')) outcome = await inWorker(url, authToken).catch(() => null);
  if (!outcome) {
    const db = await openDb(url, authToken);
    try {
      return await seed(db);
    } finally {
      db.$client.close();
    }
  }
  if (outcome.ok) return outcome.result;
  if (process.env.DEBUG && outcome.stack) console.error(outcome.stack);
  if (outcome.startup) throw new StartupError(outcome.message);
  throw new PrepareError(outcome.stage, outcome.message, outcome.code);
}
