/**
 * Users and API tokens, from the command line (there is no default user or password anywhere):
 *   npm run user -- add <username> [--role editor|admin]     (password from ATLAS_PASSWORD or a prompt)
 *   npm run user -- token <username> [token-name]            (prints a bearer token once)
 *   npm run user -- list
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { readEnv } from '../env.ts';
import { createApiToken, createUser, type Role } from '../services/auth.ts';

async function askPassword(): Promise<string> {
  if (process.env.ATLAS_PASSWORD) return process.env.ATLAS_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const pw = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return pw;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string', default: 'editor' } },
  });
  const [command, username, extra] = positionals;
  const env = readEnv();
  const db = await openDb(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
  try {
    if (command === 'add' && username) {
      const role = values.role as Role;
      if (role !== 'editor' && role !== 'admin') throw new Error('--role must be editor or admin');
      const user = await createUser(db, username, await askPassword(), role);
      console.log(`Created ${user.role} ${user.username}`);
    } else if (command === 'token' && username) {
      console.log(await createApiToken(db, username, extra ?? 'script'));
    } else if (command === 'list') {
      for (const u of await db.select({ username: t.users.username, role: t.users.role }).from(t.users).all()) {
        console.log(`${u.username}\t${u.role}`);
      }
    } else {
      console.error('usage: npm run user -- add <username> [--role editor|admin] | token <username> [name] | list');
      process.exitCode = 2;
    }
  } finally {
    db.$client.close();
  }
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
