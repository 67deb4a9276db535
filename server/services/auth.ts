/**
 * Users, passwords (scrypt), sessions (HttpOnly SameSite=Strict cookie + a CSRF token the client
 * echoes in X-CSRF-Token) and bearer API tokens for scripts. Only hashes of secrets are stored.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw, salt, len, opts, (err, key) => (err ? rej(err) : res(key))));

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const SESSION_COOKIE = 'atlas_session';
export const SESSION_DAYS = 7;

export type Role = 'editor' | 'admin';
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

export async function createUser(db: Db, username: string, password: string, role: Role): Promise<User> {
  if (!/^[a-zA-Z0-9._-]{2,40}$/.test(username)) throw new Error('username: 2-40 letters, digits, . _ -');
  if (password.length < 10) throw new Error('password: at least 10 characters');
  const row = await db
    .insert(t.users)
    .values({ username, role, passwordHash: await hashPassword(password) })
    .returning({ id: t.users.id, username: t.users.username, role: t.users.role })
    .get();
  return row;
}

export async function createApiToken(db: Db, username: string, name: string): Promise<string> {
  const user = await db.select().from(t.users).where(eq(t.users.username, username)).get();
  if (!user) throw new Error(`no user ${username}`);
  const secret = `atl_${token()}`;
  await db.insert(t.apiTokens).values({ tokenHash: sha256(secret), userId: user.id, name });
  return secret;
}

/**
 * Failed sign-ins per username, kept in memory by each app: after `max` failures within the window,
 * further attempts are refused without running scrypt, so a login loop can neither guess passwords
 * nor tie up the CPU.
 */
export function loginLimiter(max = 5, windowMs = 5 * 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (username: string, now: number) => (failures.get(username) ?? []).filter((at) => now - at < windowMs);
  return {
    blocked: (username: string) => recent(username, Date.now()).length >= max,
    failed: (username: string) => failures.set(username, [...recent(username, Date.now()), Date.now()]),
    succeeded: (username: string) => failures.delete(username),
  };
}
export type LoginLimiter = ReturnType<typeof loginLimiter>;

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
    .where(eq(t.apiTokens.tokenHash, sha256(secret)))
    .get();
  return row ?? null;
}

const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
