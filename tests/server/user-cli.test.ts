/**
 * `npm run user`: creates, changes and removes users and tokens from the command line; no default
 * user exists. Every error is one line on stderr, never SQL, with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { userCli } from '../../server/cli/user.ts';
import { createApiToken, createUser } from '../../server/services/auth.ts';

const PASSWORD = 'a long enough password';
let dir = '';
let DATABASE_URL = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  DATABASE_URL = `file:${join(dir, 'atlas.db')}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command in this process (as `npm run user -- …` would), with stdin given as `input`. */
const cli = (args: string[], env: Record<string, string> = {}, input = '') =>
  userCli(args, { env: { DATABASE_URL, ...env }, readPassword: () => Promise.resolve(input.split('\n')[0] ?? '') });
/** The real command in a child process: its stdin, stdout, stderr and exit code. */
const spawnCli = (args: string[], env: Record<string, string> = {}, input = '') => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
    env: { ...process.env, ATLAS_PASSWORD: undefined, DEBUG: undefined, DATABASE_URL, ...env },
    encoding: 'utf8',
    input,
  });
  return { out: r.stdout.trim(), err: r.stderr.trim(), code: r.status };
};
/** A failure is exactly one line, names the problem, and carries no SQL or stack. */
const oneLineError = async (run: Promise<{ err: string; code: number | null }> | { err: string; code: number | null }, pattern: RegExp) => {
  const r = await run;
  expect(r.code).not.toBe(0);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/insert into|select\b.*\bfrom|values\s*\(|scrypt\$|\n\s+at /i);
};

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb(DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    db.$client.close();
  }
}
const signIn = (username: string, password: string) =>
  withDb(async (db) =>
    (await createApp({ db }).request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).status,
  );
const me = (token: string) => withDb(async (db) => (await createApp({ db }).request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status);

describe('npm run user', { timeout: 60_000 }, () => {
  it('starts with no users at all', async () => {
    expect(await cli(['list'])).toMatchObject({ out: '', code: 0 });
  });

  it('adds an editor whose password signs in, and prints a working API token', async () => {
    expect((await cli(['add', 'wang', '--role', 'editor'], { ATLAS_PASSWORD: PASSWORD })).out).toContain('Created editor wang');
    const token = (await cli(['token', 'wang', 'ci'])).out;
    expect(token).toMatch(/^atl_/);
    expect(await signIn('wang', PASSWORD)).toBe(200);
    expect(await me(token)).toBe(200);
  });

  it('as a command: reads the password from one line of piped stdin, and adds a viewer', async () => {
    expect(spawnCli(['add', 'zhao', '--role', 'viewer'], {}, `${PASSWORD}\nrest\n`)).toMatchObject({ code: 0, out: 'Created viewer zhao' });
    expect(await signIn('zhao', PASSWORD)).toBe(200);
  });

  it('as a command: with no password and no terminal, fails in one line (exit 1), creating nobody', async () => {
    await oneLineError(spawnCli(['add', 'li']), /no password given/);
    expect(spawnCli(['list'])).toMatchObject({ code: 0, out: '' });
  });

  // The old rule was "at least 10 characters"; passwords are now 12 to 200 and not blank.
  it.each([
    ['a short password', 'short pw 11', /at least 12 characters/],
    ['a blank password', ' '.repeat(12), /must not be blank/],
    ['a password longer than sign-in takes', 'x'.repeat(201), /at most 200 characters/],
  ])('refuses %s with one line and creates nobody', async (_what, password, message) => {
    await oneLineError(cli(['add', 'li'], password === undefined ? {} : { ATLAS_PASSWORD: password }), message);
    expect((await cli(['list'])).out).toBe('');
  });

  it('refuses a duplicate user name in one line, without SQL or the new hash', async () => {
    await withDb((db) => createUser(db, 'wang', PASSWORD, 'editor'));
    await oneLineError(cli(['add', 'wang'], { ATLAS_PASSWORD: 'another long password' }), /user wang already exists/);
    expect(await signIn('wang', PASSWORD)).toBe(200);
  });

  it('changes a password (passwd): the old one stops working', async () => {
    await withDb((db) => createUser(db, 'wang', PASSWORD, 'editor'));
    expect((await cli(['passwd', 'wang'], {}, 'the new long password')).code).toBe(0);
    expect(await signIn('wang', PASSWORD)).toBe(401);
    expect(await signIn('wang', 'the new long password')).toBe(200);
  });

  it('revokes a token by name, lists tokens without secrets, and removes a user', async () => {
    const [keep, drop] = await withDb(async (db) => {
      await createUser(db, 'wang', PASSWORD, 'editor');
      return [await createApiToken(db, 'wang', 'keep'), await createApiToken(db, 'wang', 'drop')];
    });
    const revoked = await cli(['revoke', 'wang', 'drop']);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('Revoked token drop');
    expect(await me(drop)).toBe(401);
    expect(await me(keep)).toBe(200);
    const list = (await cli(['list'])).out;
    expect(list).toMatch(/^wang\teditor\n {2}token keep\tcreated \d{4}-\d\d-\d\d\texpires \d{4}-\d\d-\d\d$/);
    expect(list).not.toContain(keep.slice(4, 20));
    expect((await cli(['remove', 'wang'])).code).toBe(0);
    expect(await me(keep)).toBe(401);
    expect((await cli(['list'])).out).toBe('');
  });

  it.each([
    ['revoking an unknown token', ['revoke', 'wang', 'nope'], /wang has no token named nope/],
    ['removing an unknown user', ['remove', 'nobody'], /no user nobody/],
    ['a token for an unknown user', ['token', 'nobody'], /no user nobody/],
    ['an unknown role', ['add', 'li', '--role', 'boss'], /--role must be one of viewer, editor, admin/],
    ['a bad --days', ['token', 'wang', 'x', '--days', 'soon'], /--days/],
    ['an unknown option', ['list', '--force'], /Unknown option/i],
  ])('refuses %s in one line', async (_what, args, message) => {
    await withDb((db) => createUser(db, 'wang', PASSWORD, 'editor'));
    await oneLineError(cli(args, { ATLAS_PASSWORD: PASSWORD }), message);
  });

  it('names the variable when the configuration is wrong', async () => {
    await oneLineError(cli(['list'], { DATABASE_URL: 'ftp://example/atlas' }), /DATABASE_URL/);
  });
});
