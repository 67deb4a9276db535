/**
 * Users and API tokens, from the command line (there is no default user or password anywhere):
 *   npm run user -- add <username> [--role viewer|editor|admin]   password from ATLAS_PASSWORD,
 *   npm run user -- passwd <username>                              a hidden prompt, or one line on stdin
 *   npm run user -- remove <username>
 *   npm run user -- token <username> [token-name] [--days 90]     prints a bearer token once
 *   npm run user -- revoke <username> <token-name>
 *   npm run user -- list                                           users, roles, token names and expiry
 * Every error is one line on stderr and a non-zero exit.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../db/client.ts';
import { readEnv } from '../env.ts';
import { StartupError } from '../errors.ts';
import {
  AuthError, changePassword, checkPassword, createApiToken, createUser, listUsers, PASSWORD_MAX, PASSWORD_MIN, removeUser, revokeApiToken, ROLES, TOKEN_DAYS, type Role,
} from '../services/auth.ts';
import { readSecret } from './read-secret.ts';

const USAGE = `usage: npm run user -- add <user> [--role ${ROLES.join('|')}] | passwd <user> | remove <user> | token <user> [name] [--days n] | revoke <user> <name> | list`;

type Io = { env: NodeJS.ProcessEnv; readPassword: (prompt: string) => Promise<string> };

/** The new password: ATLAS_PASSWORD, else a hidden prompt on a terminal, else the first line of stdin. */
async function askPassword(io: Io): Promise<string> {
  const pw = io.env.ATLAS_PASSWORD ?? (await io.readPassword(`Password (${PASSWORD_MIN}-${PASSWORD_MAX} characters): `));
  if (!pw) throw new AuthError('no password given: set ATLAS_PASSWORD, type one at the prompt, or pipe one line on stdin');
  checkPassword(pw);
  return pw;
}

type Args = { command?: string; username?: string; extra?: string; role: string; days: string };

async function run(db: Db, { command, username, extra, role, days }: Args, io: Io): Promise<string | null> {
  if (command === 'list') {
    const users = await listUsers(db);
    return users
      .map((u) => [`${u.username}\t${u.role}`, ...u.tokens.map((k) => `  token ${k.name}\tcreated ${k.createdAt.slice(0, 10)}\t${k.expiresAt ? `expires ${k.expiresAt.slice(0, 10)}` : 'never expires'}`)].join('\n'))
      .join('\n');
  }
  if (!username) return null;
  if (command === 'add') {
    if (!ROLES.includes(role as Role)) throw new AuthError(`--role must be one of ${ROLES.join(', ')}`);
    const user = await createUser(db, username, await askPassword(io), role as Role);
    return `Created ${user.role} ${user.username}`;
  }
  if (command === 'passwd') {
    await changePassword(db, username, await askPassword(io));
    return `Changed the password of ${username}; their sessions have ended`;
  }
  if (command === 'remove') {
    await removeUser(db, username);
    return `Removed ${username} with their sessions and tokens (their edits stay in the history)`;
  }
  if (command === 'token') {
    if (!/^\d+$/.test(days)) throw new AuthError('--days: a whole number from 1 to 3650');
    return createApiToken(db, username, extra ?? 'script', Number(days));
  }
  if (command === 'revoke' && extra) {
    await revokeApiToken(db, username, extra);
    return `Revoked token ${extra} of ${username}`;
  }
  return null;
}

/** One line for any failure: the message of errors meant for people, a code for the rest (never SQL). */
function oneLine(e: unknown): string {
  if (e instanceof AuthError || e instanceof StartupError) return e.message;
  const err = e as { code?: unknown; cause?: { code?: unknown }; name?: string };
  const code = [err?.code, err?.cause?.code].find((x) => typeof x === 'string') ?? err?.name ?? 'unknown';
  return `database error (${String(code)}); DEBUG=1 shows details`;
}

/** Runs one command; what it prints and its exit code come back, nothing is thrown. */
export async function userCli(argv: string[], io: Io): Promise<{ out: string; err: string; code: number }> {
  let db: Db | null = null;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string', default: 'editor' }, days: { type: 'string', default: String(TOKEN_DAYS) } } });
    } catch (e) {
      throw new AuthError(`${(e as Error).message.split('\n')[0]}; ${USAGE}`);
    }
    const [command, username, extra] = parsed.positionals;
    const env = readEnv(io.env);
    db = await openDb(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
    const out = await run(db, { command, username, extra, role: parsed.values.role, days: parsed.values.days }, io);
    return out === null ? { out: '', err: USAGE, code: 2 } : { out, err: '', code: 0 };
  } catch (e) {
    if (io.env.DEBUG) console.error(e);
    return { out: '', err: `error: ${oneLine(e)}`, code: 1 };
  } finally {
    db?.$client.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out, err, code } = await userCli(process.argv.slice(2), { env: process.env, readPassword: readSecret });
  if (out) console.log(out);
  if (err) console.error(err);
  process.exit(code);
}
