/** Start-up: read the environment, open and migrate the database, seed it if needed, serve. */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDb } from './db/client.ts';
import { seed } from './db/seed.ts';
import { readEnv } from './env.ts';

const env = readEnv();
const db = await openDb(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
const result = await seed(db);
console.log(
  result.seeded
    ? `Seeded ${result.projects} projects (${result.newProjects} new, ${result.retired} retired) and ${result.nodes} plan nodes from geodata/`
    : `Database up to date: ${result.projects} projects`,
);
const app = createApp({
  db,
  clientDir: resolve(env.CLIENT_DIR),
  requireSignInToRead: env.REQUIRE_SIGN_IN_TO_READ,
  secureCookie: env.COOKIE_SECURE,
});
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Bohai Atlas is running at http://${env.HOST}:${info.port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    db.$client.close();
    process.exit(0);
  });
}
