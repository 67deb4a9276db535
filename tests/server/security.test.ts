/**
 * What an attacker meets: sign-in limits per address (never per account), a cap on concurrent
 * hashing, tokens that expire and can be revoked, a read-only role, exact notes, and headers.
 */
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import * as s from '../../server/db/schema.ts';
import { changePassword, createApiToken, createUser, removeUser, revokeApiToken } from '../../server/services/auth.ts';
import { signInGuard } from '../../server/services/sign-in-guard.ts';
import { testClient } from 'hono/testing';
import { ErrorSchema } from '#shared/api-schema.ts';
import { bodyOf, testApp, type TestApp } from '../helpers/test-app.ts';

const PASSWORD = 'a long enough password';
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, 'editor1', PASSWORD, 'editor');
  await createUser(t.db, 'reader1', PASSWORD, 'viewer');
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };
const api = (app: TestApp['app'] = t.app) => testClient(app).api;
type Edit = Parameters<ReturnType<typeof api>['projects'][':id']['status']['$patch']>[0]['json'];
const login = (app: TestApp['app'], username: string, password: string, from?: string) =>
  api(app).auth.login.$post({ json: { username, password } }, { headers: from ? { 'x-forwarded-for': `203.0.113.9, ${from}` } : {} });
const detail = async (id: string) => (await bodyOf(api().projects[':id'].$get({ param: { id } }))).properties;
const version = async (id: string) => {
  const { version, status } = await detail(id);
  return { version, status };
};
const patch = (id: string, json: Edit, auth: string) => api().projects[':id'].status.$patch({ param: { id }, json }, { headers: { authorization: `Bearer ${auth}` } });
const me = (headers: Record<string, string>) => api().auth.me.$get(undefined, { headers });
/** The error of an answer (checked against the one error shape, not cast). */
const errorOf = async (res: { json(): Promise<unknown> }) => ErrorSchema.parse(await res.json()).error;

describe('headers', () => {
  it('sends a CSP that forbids base, foreign forms and framing, and no HSTS over plain HTTP', async () => {
    const res = await api().health.$get();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when COOKIE_SECURE says the site is HTTPS', async () => {
    const res = await api(createApp({ db: t.db, secureCookie: true })).health.$get();
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('sign-in limits', () => {
  it('slows the failing address with 429 and no hashing, while the editor signs in from elsewhere', async () => {
    const guard = signInGuard();
    const app = createApp({ db: t.db, trustProxy: true, signInGuard: guard });
    for (let i = 0; i < 5; i++) expect((await login(app, 'editor1', `wrong guess ${i}`, '198.51.100.7')).status).toBe(401);
    const hashed = guard.stats.hashed;
    const blocked = await login(app, 'editor1', PASSWORD, '198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(blocked)).code).toBe('too_many_attempts');
    expect(guard.stats.hashed).toBe(hashed);
    // The account is not locked: the editor, elsewhere, signs in.
    expect((await login(app, 'editor1', PASSWORD, '192.0.2.44')).status).toBe(200);
  });

  it('does not forget an address\'s failures when it signs in to an account of its own', async () => {
    const app = createApp({ db: t.db, trustProxy: true, signInGuard: signInGuard() });
    const from = '198.51.100.23';
    for (let i = 0; i < 4; i++) expect((await login(app, 'editor1', `guess ${i}`, from)).status).toBe(401);
    expect((await login(app, 'reader1', PASSWORD, from)).status).toBe(200);
    expect((await login(app, 'editor1', 'guess 4', from)).status).toBe(401);
    expect((await login(app, 'editor1', 'guess 5', from)).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set, so a client cannot dodge its limit', async () => {
    const app = createApp({ db: t.db, signInGuard: signInGuard() });
    for (let i = 0; i < 5; i++) expect((await login(app, 'nobody', 'wrong guess', `10.0.0.${i}`)).status).toBe(401);
    expect((await login(app, 'nobody', 'wrong guess', '10.0.0.99')).status).toBe(429);
  });

  it('lets a room of editors sign in at the same moment: they queue for hashing instead of being refused', { timeout: 60_000 }, async () => {
    const guard = signInGuard({ maxConcurrentHashes: 1 });
    const app = createApp({ db: t.db, trustProxy: true, signInGuard: guard });
    const statuses = await Promise.all(Array.from({ length: 8 }, async (_, i) => (await login(app, 'editor1', PASSWORD, `192.0.2.${i + 1}`)).status));
    expect(statuses).toEqual(Array(8).fill(200));
    expect(guard.stats.peakHashing).toBe(1);
  });

  it('under a flood of made-up names from many addresses, hashes at most 2 at once, refuses the rest cheaply, and keeps serving reads', { timeout: 60_000 }, async () => {
    const guard = signInGuard({ maxConcurrentHashes: 2 });
    const app = createApp({ db: t.db, trustProxy: true, signInGuard: guard });
    const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const flood = Array.from({ length: 80 }, (_, i) =>
        fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` },
          body: JSON.stringify({ username: `ghost${i}`, password: 'made up password' }),
        }).then(async (r) => ({ status: r.status, code: r.status === 429 ? (await errorOf(r)).code : null })),
      );
      const reads = Array.from({ length: 10 }, () => fetch(`${base}/api/projects`, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.status));
      const [answers, readStatuses] = await Promise.all([Promise.all(flood), Promise.all(reads)]);
      expect(readStatuses.every((x) => x === 200)).toBe(true);
      expect(guard.stats.peakHashing).toBeLessThanOrEqual(2);
      const busy = answers.filter((a) => a.code === 'busy').length;
      expect(busy).toBeGreaterThan(0);
      // Every answer is a 401 that cost one hash or a 429 that cost none.
      expect(answers.filter((a) => a.status === 401).length).toBe(guard.stats.hashed);
      expect(busy + guard.stats.hashed).toBe(80);
    } finally {
      server.close();
    }
  });
});

describe('tokens and users', () => {
  it('takes a fresh token, refuses it once expired', async () => {
    const token = await createApiToken(t.db, 'editor1', 'expiring');
    expect((await bodyOf(me({ authorization: `Bearer ${token}` }))).user?.username).toBe('editor1');
    await t.db.update(s.apiTokens).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(sql`name = 'expiring'`);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('refuses a revoked token', async () => {
    const token = await createApiToken(t.db, 'editor1', 'to-revoke');
    await revokeApiToken(t.db, 'editor1', 'to-revoke');
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('ends sessions when the password changes; the old password stops working', async () => {
    await createUser(t.db, 'changer', PASSWORD, 'editor');
    const res = await login(t.app, 'changer', PASSWORD, undefined);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    await changePassword(t.db, 'changer', 'another long password');
    expect((await bodyOf(me({ cookie }))).user).toBeNull();
    const app = createApp({ db: t.db, signInGuard: signInGuard() });
    expect((await login(app, 'changer', PASSWORD)).status).toBe(401);
    expect((await login(app, 'changer', 'another long password')).status).toBe(200);
  });

  it('removes a user: their token and session stop working, their history stays', async () => {
    await createUser(t.db, 'leaver', PASSWORD, 'editor');
    const token = await createApiToken(t.db, 'leaver', 'ci');
    const seen = await version('tianjin-port');
    const next = seen.status === 'operation' ? 'construction' : 'operation';
    expect((await patch('tianjin-port', { status: next, note: 'by leaver', source: 's', version: seen.version }, token)).status).toBe(200);
    await removeUser(t.db, 'leaver');
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await detail('tianjin-port')).history[0]!.by).toBe('leaver');
  });

  it('lets a viewer read behind REQUIRE_SIGN_IN_TO_READ but not edit', async () => {
    const app = createApp({ db: t.db, requireSignInToRead: true });
    const token = await createApiToken(t.db, 'reader1', 'read');
    expect((await api(app).projects.$get({ query: {} })).status).toBe(401);
    expect((await api(app).projects.$get({ query: {} }, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const res = await api(app).projects[':id'].status.$patch(
      { param: { id: 'tianjin-port' }, json: { status: 'operation', note: 'n', source: 's', version: 1 } },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(403);
  });
});

describe('status edits', () => {
  let token = '';
  beforeAll(async () => {
    token = await createApiToken(t.db, 'editor1', 'edits');
  });

  it('keeps every character of a note: CJK, emoji, combining marks, RTL, tabs and line breaks', async () => {
    const note = '开通运营 🚄 e\u0301 שלום\tcol\nline two\r\n<script>alert(1)</script>';
    const seen = await version('jinshi-expressway');
    const next = seen.status === 'operation' ? 'construction' : 'operation';
    expect((await patch('jinshi-expressway', { status: next, note, source: '公告 “甲”', version: seen.version }, token)).status).toBe(200);
    expect((await detail('jinshi-expressway')).history[0]).toMatchObject({ note, source: '公告 “甲”' });
  });

  it.each([
    ['U+0000', 'before\u0000after'],
    ['an escape character', 'bell\u001b[31m'],
    ['a lone surrogate', 'broken \ud800 text'],
  ])('refuses a note with %s (400 naming note), recording nothing', async (_what, note) => {
    const seen = await version('tianjin-port');
    const res = await patch('tianjin-port', { status: seen.status === 'study' ? 'planned' : 'study', note, source: 's', version: seen.version }, token);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe('note');
    expect((await version('tianjin-port')).version).toBe(seen.version);
  });

  it('refuses an edit to the status the project already has (400 same_status), recording nothing', async () => {
    const seen = await version('jingtang-intercity');
    const res = await patch('jingtang-intercity', { status: seen.status, note: 'same again', source: 's', version: seen.version }, token);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'same_status', field: 'status' });
    expect(await version('jingtang-intercity')).toEqual(seen);
  });
});

describe('bounded input', () => {
  it('takes a list of up to 100 values and names the field beyond that', async () => {
    const plan = await bodyOf(api().plan.$get());
    expect((await api().projects.$get({ query: { node: plan.nodes.map((n) => n.id).join(',') } })).status).toBe(200);
    const many = Array.from({ length: 101 }, (_, i) => `1.1.m${i + 1}`).join(',');
    for (const path of ['/api/projects', '/api/stats/coverage', '/api/export/projects.csv']) {
      // app.request: the same query on three routes, one of them a file export.
      const res = await t.app.request(`${path}?node=${many}`);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.field).toBe('node');
      expect(error.message).toContain('at most 100');
    }
  });

  it('logs a failure as one line (method, path, code) without SQL, and answers the JSON shape', async () => {
    const broken = await testApp();
    try {
      await broken.db.run(sql`drop table project_mentions`);
      const lines: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
      const res = await broken.app.request('/api/projects?category=seaport');
      spy.mockRestore();
      expect(res.status).toBe(500);
      expect((await errorOf(res)).code).toBe('internal');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^GET \/api\/projects 500 \S+/);
      expect(lines[0]).not.toMatch(/select|from|\n/i);
    } finally {
      broken.close();
    }
  });
});
