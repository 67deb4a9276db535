/**
 * Start-up: read the environment, bind the port (answering 503 "starting" meanwhile), open and
 * migrate the database, seed it if needed, then serve the app. Every failure is one line saying
 * what to fix and exits non-zero; DEBUG=1 adds the stack.
 *
 * Each stage imports what it needs when it starts (the app with its routes and the database code
 * are about two CPU seconds of module loading): a bad variable, a port in use or a bad database
 * file fails before the code it does not need is loaded.
 */
import { resolve } from 'node:path';
import type { createApp } from './app.ts';
import type { Db } from './db/client.ts';
import { readEnv } from './env.ts';
import { StartupError } from './errors.ts';

function describe(stage: string, e: unknown): string {
  if (e instanceof StartupError) return e.message;
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? ` ${err.code}` : '';
  // Driver messages can carry whole SQL statements; keep the first line of anything else.
  const first = typeof err?.message === 'string' && !/failed query/i.test(err.message) ? `: ${err.message.split('\n')[0]!.slice(0, 160)}` : '';
  return `${stage} failed${code}${first} (DEBUG=1 shows details)`;
}

function fail(stage: string, e: unknown): never {
  console.error(`error: ${describe(stage, e)}`);
  if (process.env.DEBUG) console.error(e);
  process.exit(1);
}

const LISTEN_ERRORS: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (h, p) => `PORT ${p} is already in use on ${h}; stop the other server or set PORT to a free port`,
  EACCES: (h, p) => `not allowed to listen on ${h}:${p}; set PORT above 1023`,
  EADDRNOTAVAIL: (h) => `HOST ${h} is not an address of this machine; set HOST (127.0.0.1 or 0.0.0.0)`,
  ENOTFOUND: (h) => `HOST ${h} does not resolve; set HOST (127.0.0.1 or 0.0.0.0)`,
};

process.on('unhandledRejection', (e) => fail('the server', e));

let env;
try {
  env = readEnv();
} catch (e) {
  fail('reading the configuration', e);
}
const { PORT, HOST } = env;

let app: ReturnType<typeof createApp> | null = null;
const starting = () =>
  new Response(JSON.stringify({ error: { code: 'starting', message: 'the server is starting (migrating and seeding the database)' } }), {
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '1', 'cache-control': 'no-store' },
  });

// The port first: a port in use fails in a second, not after seeding, and a health check sees the
// server coming up (503) rather than a refused connection.
const { serve } = await import('@hono/node-server');
const server = serve({ fetch: (req, bindings) => (app ? app.fetch(req, bindings) : starting()), port: PORT, hostname: HOST });
await new Promise<void>((ok) => {
  server.once('listening', ok);
  server.once('error', (e: NodeJS.ErrnoException) => {
    const message = LISTEN_ERRORS[e.code ?? '']?.(HOST, PORT);
    fail(`listening on ${HOST}:${PORT}`, message ? new StartupError(message) : e);
  });
});
const address = server.address();
const port = typeof address === 'object' && address ? address.port : PORT;
console.log(`Listening on http://${HOST}:${port}/ (starting: /api/health answers 503 until the database is ready)`);

let prepare: typeof import('./db/prepare.ts') | undefined;
try {
  prepare = await import('./db/prepare.ts');
  const result = await prepare.prepareDatabase(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
  console.log(
    result.seeded
      ? `Seeded ${result.projects} projects (${result.newProjects} new, ${result.retired} retired) and ${result.nodes} plan nodes from geodata/`
      : `Database up to date: ${result.projects} projects`,
  );
} catch (e) {
  fail(prepare && e instanceof prepare.PrepareError ? e.stage : 'preparing the database', e);
}
let db: Db;
try {
  const { openDb } = await import('./db/client.ts');
  db = await openDb(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
} catch (e) {
  fail('opening the database', e);
}
const { createApp: makeApp } = await import('./app.ts');
app = makeApp({
  db,
  clientDir: resolve(env.CLIENT_DIR),
  requireSignInToRead: env.REQUIRE_SIGN_IN_TO_READ,
  secureCookie: env.COOKIE_SECURE,
  trustProxy: env.TRUST_PROXY,
});
console.log(`Bohai Atlas is running at http://${HOST}:${port}/`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    db.$client.close();
    process.exit(0);
  });
}
