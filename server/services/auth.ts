/**
 * Users, passwords (scrypt), sessions (HttpOnly SameSite=Strict cookie + a CSRF token the client
 * echoes in X-CSRF-Token) and bearer API tokens for scripts. Only hashes of secrets are stored.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw, salt, len, opts, (err, key) => (err ? rej(err) : res(key))));

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const SESSION_COOKIE = 'atlas_session';
export const SESSION_DAYS = 7;

/** viewer: reads (also when REQUIRE_SIGN_IN_TO_READ is on) but changes nothing; editor and admin edit. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type User = { id: number; username: string; role: Role };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** A user-facing error: its message is one line a person can act on (the CLI prints only that). */
export class AuthError extends Error {}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const TOKEN_DAYS = 90;

export function checkUsername(username: string) {
  if (!/^[a-zA-Z0-9._-]{2,40}$/.test(username)) throw new AuthError('username: 2-40 letters, digits, . _ -');
}

/** 12 to 200 characters, not only spaces, no control characters (they cannot be typed at sign-in). */
export function checkPassword(password: string) {
  if (password.length < PASSWORD_MIN) throw new AuthError(`password: at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw new AuthError(`password: at most ${PASSWORD_MAX} characters`);
  if (!password.trim()) throw new AuthError('password: must not be blank');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) throw new AuthError('password: no control characters');
}

async function userByName(db: Db, username: string) {
  const user = await db.select().from(t.users).where(eq(t.users.username, username)).get();
  if (!user) throw new AuthError(`no user ${username}`);
  return user;
}

export async function createUser(db: Db, username: string, password: string, role: Role): Promise<User> {
  checkUsername(username);
  checkPassword(password);
  if (!ROLES.includes(role)) throw new AuthError(`role: one of ${ROLES.join(', ')}`);
  const existing = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, username)).get();
  if (existing) throw new AuthError(`user ${username} already exists`);
  const row = await db
    .insert(t.users)
    .values({ username, role, passwordHash: await hashPassword(password) })
    .returning({ id: t.users.id, username: t.users.username, role: t.users.role })
    .get();
  return row;
}

/** A new password; every session of the user ends (tokens stay: revoke them one by one). */
export async function changePassword(db: Db, username: string, password: string) {
  checkPassword(password);
  const user = await userByName(db, username);
  const passwordHash = await hashPassword(password);
  await db.batch([
    db.update(t.users).set({ passwordHash }).where(eq(t.users.id, user.id)),
    db.delete(t.sessions).where(eq(t.sessions.userId, user.id)),
  ]);
}

/** Removes a user with their sessions and tokens; their names stay in the status history. */
export async function removeUser(db: Db, username: string) {
  const user = await userByName(db, username);
  await db.batch([
    db.delete(t.sessions).where(eq(t.sessions.userId, user.id)),
    db.delete(t.apiTokens).where(eq(t.apiTokens.userId, user.id)),
    db.delete(t.users).where(eq(t.users.id, user.id)),
  ]);
}

/** A bearer token, valid for `days` (default 90); its name is unique per user so it can be revoked. */
export async function createApiToken(db: Db, username: string, name: string, days = TOKEN_DAYS): Promise<string> {
  const user = await userByName(db, username);
  if (!/^[\w.-]{1,40}$/.test(name)) throw new AuthError('token name: 1-40 letters, digits, . _ -');
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AuthError('--days: a whole number from 1 to 3650');
  const taken = await db.select({ name: t.apiTokens.name }).from(t.apiTokens).where(and(eq(t.apiTokens.userId, user.id), eq(t.apiTokens.name, name))).get();
  if (taken) throw new AuthError(`${username} already has a token named ${name}; revoke it or pick another name`);
  const secret = `atl_${token()}`;
  const expiresAt = new Date(Date.now() + days * 864e5).toISOString();
  await db.insert(t.apiTokens).values({ tokenHash: sha256(secret), userId: user.id, name, expiresAt });
  return secret;
}

export async function revokeApiToken(db: Db, username: string, name: string) {
  const user = await userByName(db, username);
  const gone = await db
    .delete(t.apiTokens)
    .where(and(eq(t.apiTokens.userId, user.id), eq(t.apiTokens.name, name)))
    .returning({ name: t.apiTokens.name });
  if (!gone.length) throw new AuthError(`${username} has no token named ${name}`);
}

/** Users with their tokens' names and expiry (never a secret or a hash). */
export async function listUsers(db: Db) {
  const users = await db.select({ id: t.users.id, username: t.users.username, role: t.users.role }).from(t.users).orderBy(t.users.username).all();
  const tokens = await db
    .select({ userId: t.apiTokens.userId, name: t.apiTokens.name, createdAt: t.apiTokens.createdAt, expiresAt: t.apiTokens.expiresAt })
    .from(t.apiTokens)
    .orderBy(t.apiTokens.name)
    .all();
  return users.map((u) => ({
    username: u.username,
    role: u.role,
    tokens: tokens.filter((k) => k.userId === u.id).map(({ userId: _u, ...k }) => k),
  }));
}

export async function signIn(db: Db, username: string, password: string) {
  const now = Date.now();
  const user = await db.select().from(t.users).where(eq(t.users.username, username)).get();
  // Verify against a dummy hash when the user is unknown so timing does not reveal names.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  // Sign-in is a good moment to drop sessions that have expired.
  await db.delete(t.sessions).where(lt(t.sessions.expiresAt, new Date(now).toISOString()));
  const secret = token();
  const csrfToken = token();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 864e5).toISOString();
  await db.insert(t.sessions).values({ tokenHash: sha256(secret), userId: user.id, csrfToken, expiresAt });
  return { secret, csrfToken, user: { id: user.id, username: user.username, role: user.role } satisfies User };
}

export async function signOut(db: Db, secret: string) {
  await db.delete(t.sessions).where(eq(t.sessions.tokenHash, sha256(secret)));
}

export async function userFromSession(db: Db, secret: string) {
  const row = await db
    .select({ id: t.users.id, username: t.users.username, role: t.users.role, csrfToken: t.sessions.csrfToken, expiresAt: t.sessions.expiresAt })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(eq(t.sessions.tokenHash, sha256(secret)))
    .get();
  if (!row || row.expiresAt < new Date().toISOString()) return null;
  return { user: { id: row.id, username: row.username, role: row.role } satisfies User, csrfToken: row.csrfToken };
}

export async function userFromApiToken(db: Db, secret: string): Promise<User | null> {
  const row = await db
    .select({ id: t.users.id, username: t.users.username, role: t.users.role })
    .from(t.apiTokens)
    .innerJoin(t.users, eq(t.users.id, t.apiTokens.userId))
    .where(
      and(
        eq(t.apiTokens.tokenHash, sha256(secret)),
        gt(t.apiTokens.expiresAt, new Date().toISOString()),
      ),
    )
    .get();
  return row ?? null;
}

const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
