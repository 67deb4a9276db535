/** Sign-in, roles, CSRF, API tokens and PATCH /api/projects/:id/status with optimistic concurrency. */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema, ProjectDetailSchema } from '#shared/api-schema.ts';
import { createApiToken, createUser } from '../../server/services/auth.ts';
import { createApp } from '../../server/app.ts';
import { seed } from '../../server/db/seed.ts';
import { signInGuard } from '../../server/services/sign-in-guard.ts';
import { bodyOf, geodata, testApp, type TestApp } from '../helpers/test-app.ts';

type Api = ReturnType<typeof testClient<TestApp['app']>>['api'];
let t: TestApp;
let api: Api;
let cookie = '';
let csrf = '';
let token = '';
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await testApp();
  api = testClient(t.app).api;
  await createUser(t.db, 'editor1', PASSWORD, 'editor');
  token = await createApiToken(t.db, 'editor1', 'tests');
  const res = await api.auth.login.$post({ json: { username: 'editor1', password: PASSWORD } });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = (await bodyOf(res)).csrfToken;
});
afterAll(() => t.close());

type Edit = Parameters<Api['projects'][':id']['status']['$patch']>[0]['json'];
const editor = () => ({ cookie, 'x-csrf-token': csrf });

const patch = (id: string, json: Edit, headers: Record<string, string> = editor()) => api.projects[':id'].status.$patch({ param: { id }, json }, { headers });
/** app.request: for bodies wrong on purpose (bad types, unknown keys, broken JSON), which the typed client would not send. */
const patchRaw = (id: string, body: unknown, headers: Record<string, string> = editor()) =>
  t.app.request(`/api/projects/${id}/status`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const current = (id: string) => bodyOf(api.projects[':id'].$get({ param: { id } }));
/** The error of an answer (checked against the one error shape, not cast). */
const errorOf = async (res: { json(): Promise<unknown> }) => ErrorSchema.parse(await res.json()).error;

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await api.auth.login.$post({ json: { username: 'editor1', password: PASSWORD } });
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const res = await api.auth.login.$post({ json: { username: 'editor1', password: 'wrong password' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: the session cookie stops working', async () => {
    const login = await api.auth.login.$post({ json: { username: 'editor1', password: PASSWORD } });
    const session = login.headers.get('set-cookie')!.split(';')[0]!;
    const out = await api.auth.logout.$post(undefined, { headers: { cookie: session } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/atlas_session=;/);
    const me = await bodyOf(api.auth.me.$get(undefined, { headers: { cookie: session } }));
    expect(me.user).toBeNull();
  });

  it('tells the client who is signed in', async () => {
    const me = await bodyOf(api.auth.me.$get(undefined, { headers: { cookie } }));
    expect(me.user?.username).toBe('editor1');
  });
});

describe('PATCH /api/projects/:id/status', () => {
  it('changes the status, bumps the version and records who, when and why', async () => {
    const before = await current('jingtang-intercity');
    const res = await patch('jingtang-intercity', { status: 'operation', note: 'Opened for service', source: 'Railway bureau notice', version: before.properties.version });
    expect(res.status).toBe(200);
    const after = await current('jingtang-intercity');
    expect(after.properties.status).toBe('operation');
    expect(after.properties.version).toBe(before.properties.version + 1);
    expect(after.properties.history[0]).toMatchObject({ from: before.properties.status, to: 'operation', by: 'editor1', note: 'Opened for service' });
    expect(after.properties.history).toHaveLength(before.properties.history.length + 1);
  });

  it('refuses a stale version with 409 and the current state, changing nothing', async () => {
    const before = await current('jingbin-intercity');
    const ok = await patch('jingbin-intercity', { status: 'operation', note: 'first', source: 'doc A', version: before.properties.version });
    expect(ok.status).toBe(200);
    const stale = await patch('jingbin-intercity', { status: 'suspended', note: 'second', source: 'doc B', version: before.properties.version });
    expect(stale.status).toBe(409);
    const body = await bodyOf(stale, 409);
    expect(body.error.code).toBe('conflict');
    expect(ProjectDetailSchema.parse(body.current).properties.status).toBe('operation');
    const after = await current('jingbin-intercity');
    expect(after.properties.status).toBe('operation');
    expect(after.properties.history.map((h) => h.note)).not.toContain('second');
  });

  it('takes the ETag of a GET back as If-Match, and answers with the new ETag', async () => {
    const got = await api.projects[':id'].$get({ param: { id: 'jincang-intercity' } });
    const etag = got.headers.get('etag')!;
    const version = (await bodyOf(got)).properties.version;
    expect(etag).toMatch(new RegExp(`^"v${version}-[0-9a-f]+"$`));
    const res = await patch('jincang-intercity', { status: 'planned', note: 'n', source: 's' }, { ...editor(), 'if-match': etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(new RegExp(`^"v${version + 1}-[0-9a-f]+"$`));
    // The old ETag is now stale.
    const again = await patch('jincang-intercity', { status: 'study', note: 'n', source: 's' }, { ...editor(), 'if-match': etag });
    expect(again.status).toBe(409);
  });

  it('rejects a malformed If-Match with a 400 naming it', async () => {
    const res = await patch('jincang-intercity', { status: 'planned', note: 'n', source: 's' }, { ...editor(), 'if-match': 'yesterday' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe('If-Match');
  });

  it('lets exactly one of many concurrent edits of one version win', async () => {
    const before = await current('tanglang-expressway');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => patch('tanglang-expressway', { status: 'operation', note: `edit ${i}`, source: 's', version: before.properties.version })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const after = await current('tanglang-expressway');
    expect(after.properties.history).toHaveLength(before.properties.history.length + 1);
  });

  it('accepts a bearer API token without CSRF', async () => {
    const before = await current('jinshi-expressway');
    const res = await patch('jinshi-expressway', { status: 'operation', note: 'script', source: 'feed', version: before.properties.version }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
  });

  it.each<[string, Record<string, string>, number, string]>([
    ['no sign-in', {}, 401, 'unauthorized'],
    ['an unknown session cookie', { cookie: 'atlas_session=forged' }, 401, 'unauthorized'],
    ['a bad bearer token', { authorization: 'Bearer nope' }, 401, 'unauthorized'],
  ])('refuses %s', async (_name, headers, status, code) => {
    const res = await patch('tianjin-port', { status: 'operation', note: 'n', source: 's', version: 1 }, headers);
    expect(res.status).toBe(status);
    expect((await errorOf(res)).code).toBe(code);
  });

  it('refuses a signed-in cookie that lacks the CSRF header with 403', async () => {
    const res = await patch('tianjin-port', { status: 'operation', note: 'n', source: 's', version: 1 }, { cookie });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('csrf');
  });

  it.each([
    [{ status: 'done', note: 'n', source: 's', version: 1 }, 'status'],
    [{ status: 'operation', note: '', source: 's', version: 1 }, 'note'],
    [{ status: 'operation', note: 'n', version: 1 }, 'source'],
    [{ status: 'operation', note: 'n', source: 's', version: 1, extra: 1 }, 'extra'],
  ])('rejects a bad body %j naming %s, and loses nothing', async (body, field) => {
    const before = await current('tianjin-port');
    const res = await patchRaw('tianjin-port', body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe(field);
    expect(await current('tianjin-port')).toEqual(before);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await patchRaw('tianjin-port', '{"status":');
    expect(res.status).toBe(400);
  });

  it('rejects a body that is not sent as JSON with 400 naming Content-Type, and loses nothing', async () => {
    const before = await current('tianjin-port');
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': '' }]) {
      const res = await patchRaw('tianjin-port', { status: 'operation', note: 'n', source: 's', version: before.properties.version }, { ...editor(), ...headers });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'bad_request', field: 'Content-Type' });
    }
    expect(await current('tianjin-port')).toEqual(before);
  });

  it('requires the version seen (428)', async () => {
    const res = await patch('tianjin-port', { status: 'operation', note: 'n', source: 's' });
    expect(res.status).toBe(428);
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await patch('tianjin-port', { status: 'operation', note: 'x'.repeat(40_000), source: 's', version: 1 });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('404s an unknown project', async () => {
    const res = await patch('nowhere', { status: 'operation', note: 'n', source: 's', version: 1 });
    expect(res.status).toBe(404);
  });

  it('does not seed again when geodata has not changed (a second start reuses the database)', async () => {
    const again = await seed(t.db, { data: geodata() });
    expect(again.seeded).toBe(false);
    expect(again.projects).toBe(geodata().projects.length);
  });

  it('keeps status history when the seed runs again', { timeout: 60_000 }, async () => {
    const seen = await current('luan-river-to-tianjin');
    expect((await patch('luan-river-to-tianjin', { status: 'suspended', note: 'kept across seeds', source: 's', version: seen.properties.version })).status).toBe(200);
    const before = await current('luan-river-to-tianjin');
    const result = await seed(t.db, { data: geodata(), force: true });
    expect(result.seeded).toBe(true);
    expect(result.newProjects).toBe(0);
    const after = await current('luan-river-to-tianjin');
    expect(after.properties.status).toBe('suspended');
    expect(after.properties.history).toEqual(before.properties.history);
  });

  it('retires a place that left geodata, keeping its history, and brings it back when it returns', { timeout: 60_000 }, async () => {
    const seen = await current('hangshuang-road');
    expect((await patch('hangshuang-road', { status: 'operation', note: 'open', source: 's', version: seen.properties.version })).status).toBe(200);
    const data = geodata();
    const without = { ...data, hash: 'without-hangshuang', projects: data.projects.filter((f) => f.properties.id !== 'hangshuang-road') };
    expect((await seed(t.db, { data: without })).retired).toBe(1);
    expect((await api.projects[':id'].$get({ param: { id: 'hangshuang-road' } })).status).toBe(404);
    const all = await bodyOf(api.projects.$get({ query: {} }));
    expect(all.features.map((f) => f.properties.id)).not.toContain('hangshuang-road');
    await seed(t.db, { data, force: true });
    const back = await current('hangshuang-road');
    expect(back.properties.status).toBe('operation');
    expect(back.properties.history.map((h) => h.note)).toContain('open');
  });

  it('refuses sign-in after repeated failures (429), without checking the password', async () => {
    await createUser(t.db, 'editor2', PASSWORD, 'editor');
    // An app of its own: the failed sign-ins of the other tests (one address here) do not count.
    const app = createApp({ db: t.db, signInGuard: signInGuard() });
    const attempt = (password: string) => testClient(app).api.auth.login.$post({ json: { username: 'editor2', password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).code).toBe('too_many_attempts');
  });
});
