/** /api/views: saved views for everyone to read; editors write them with CSRF, versions and one order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/services/auth.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let cookie = '';
let csrf = '';
let token = '';
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, 'planner', PASSWORD, 'editor');
  token = await createApiToken(t.db, 'planner', 'tests');
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'planner', password: PASSWORD }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
}, 60_000); // seeding a fresh database is slow when the machine is busy
afterAll(() => t.close());

type View = { id: number; title: string; note: string; state: string; ord: number; created_by: string; version: number };
type Failure = { error: { code: string; message: string; field?: string }; current?: View };

const editor = () => ({ cookie, 'x-csrf-token': csrf });
const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = editor()) =>
  t.app.request(`/api/views${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const create = async (title: string, state = 'node=2.1&c=117.6,39.3,6.2', note = '') => {
  const res = await send('POST', '', { title, note, state });
  expect(res.status).toBe(201);
  return (await res.json()) as View;
};
const list = async () => ((await (await t.app.request('/api/views')).json()) as { views: View[] }).views;

describe('reading saved views', () => {
  it('lists them for everyone, in order, and opens one with its version as ETag', async () => {
    const a = await create('交通枢纽', 'node=2.1&c=117.6,39.3,6.2', '海陆空枢纽');
    const views = await list(); // no cookie: reading is open
    expect(views.map((v) => v.id)).toContain(a.id);
    const one = await t.app.request(`/api/views/${a.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"v1"');
    expect(await one.json()).toMatchObject({ title: '交通枢纽', note: '海陆空枢纽', state: 'node=2.1&c=117.6,39.3,6.2', created_by: 'planner', version: 1 });
  });

  it('answers 404 for a view that does not exist and 400 for an id that is not a number', async () => {
    expect((await t.app.request('/api/views/999999')).status).toBe(404);
    const bad = await t.app.request('/api/views/abc');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Failure).error.field).toBe('id');
  });
});

describe('writing needs an editor', () => {
  it('refuses a write without sign-in (401), and a cookie without the CSRF token (403)', async () => {
    const anon = await send('POST', '', { title: 'x', state: '' }, {});
    expect(anon.status).toBe(401);
    const noCsrf = await send('POST', '', { title: 'x', state: '' }, { cookie });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as Failure).error.code).toBe('csrf');
    const order = await send('PUT', '/order', { ids: [] }, {});
    expect(order.status).toBe(401);
    const before = await list();
    expect(before.some((v) => v.title === 'x')).toBe(false);
  });

  it("takes an editor's API token without CSRF", async () => {
    const res = await send('POST', '', { title: '脚本保存', state: 'province=hebei' }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(201);
  });
});

describe('bad input answers 400 naming the field', () => {
  it.each<[unknown, string]>([
    [{ title: '', state: '' }, 'title'],
    [{ title: 'x'.repeat(201), state: '' }, 'title'],
    [{ title: 'ok', note: 'n'.repeat(2001), state: '' }, 'note'],
    [{ title: 'ok', state: '?node=2.1' }, 'state'],
    [{ title: 'ok', state: 'category=castle' }, 'state'],
    [{ title: 'ok', state: 'c=999,0,5' }, 'state'],
    [{ title: 'ok', state: 'a b=1' }, 'state'],
    [{ title: 'ok', state: 'x'.repeat(2001) }, 'state'],
    [{ title: 'ok' }, 'state'],
    [{ title: 'ok', state: '', owner: 'me' }, 'owner'],
  ])('case %# -> 400 naming the field', async (body, field) => {
    const res = await send('POST', '', body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as Failure;
    expect(err.error.code).toBe('bad_request');
    expect(err.error.field).toBe(field);
  });

  it('says which filter of the state is wrong', async () => {
    const res = await send('POST', '', { title: 'ok', state: 'node=2.1&status=finished' });
    expect(((await res.json()) as Failure).error.message).toMatch(/state: status/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await send('POST', '', '{"title":');
    expect(res.status).toBe(400);
  });
});

describe('PATCH /api/views/{id}', () => {
  it('changes title, note and state and bumps the version', async () => {
    const v = await create('before');
    const res = await send('PATCH', `/${v.id}`, { title: '之后', note: '说明', state: 'province=shandong', version: 1 });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    const after = (await (await t.app.request(`/api/views/${v.id}`)).json()) as View;
    expect(after).toMatchObject({ title: '之后', note: '说明', state: 'province=shandong', version: 2 });
  });

  it('refuses a stale version with 409 and the current view, changing nothing', async () => {
    const v = await create('shared');
    expect((await send('PATCH', `/${v.id}`, { title: 'first', version: 1 })).status).toBe(200);
    const stale = await send('PATCH', `/${v.id}`, { title: 'second', version: 1 });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as Failure;
    expect(body.error.code).toBe('conflict');
    expect(body.current).toMatchObject({ id: v.id, title: 'first', version: 2 });
    expect(((await (await t.app.request(`/api/views/${v.id}`)).json()) as View).title).toBe('first');
  });

  it('takes the ETag back as If-Match, and needs some version (428)', async () => {
    const v = await create('etag');
    const etag = (await t.app.request(`/api/views/${v.id}`)).headers.get('etag')!;
    const ok = await send('PATCH', `/${v.id}`, { note: 'via If-Match' }, { ...editor(), 'if-match': etag });
    expect(ok.status).toBe(200);
    const again = await send('PATCH', `/${v.id}`, { note: 'stale' }, { ...editor(), 'if-match': etag });
    expect(again.status).toBe(409);
    const none = await send('PATCH', `/${v.id}`, { note: 'no version' });
    expect(none.status).toBe(428);
    const garbage = await send('PATCH', `/${v.id}`, { note: 'x' }, { ...editor(), 'if-match': 'yesterday' });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as Failure).error.field).toBe('If-Match');
  });

  it('rejects an empty change and a bad state with 400 naming the field', async () => {
    const v = await create('edit checks');
    expect((await send('PATCH', `/${v.id}`, { version: 1 })).status).toBe(400);
    const bad = await send('PATCH', `/${v.id}`, { state: 'milestone=2021', version: 1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Failure).error.field).toBe('state');
  });

  it('answers 404 for a missing view', async () => {
    expect((await send('PATCH', '/999999', { title: 'x', version: 1 })).status).toBe(404);
  });
});

describe('DELETE /api/views/{id}', () => {
  it('deletes for an editor; a stale If-Match keeps the view', async () => {
    const v = await create('to delete');
    expect((await send('DELETE', `/${v.id}`, undefined, {})).status).toBe(401);
    await send('PATCH', `/${v.id}`, { title: 'changed meanwhile', version: 1 });
    expect((await send('DELETE', `/${v.id}`, undefined, { ...editor(), 'if-match': '"v1"' })).status).toBe(409);
    expect((await t.app.request(`/api/views/${v.id}`)).status).toBe(200);
    expect((await send('DELETE', `/${v.id}`)).status).toBe(200);
    expect((await t.app.request(`/api/views/${v.id}`)).status).toBe(404);
    expect((await send('DELETE', `/${v.id}`)).status).toBe(404);
  });
});

describe('PUT /api/views/order', () => {
  it('saves a new order that the list then follows', async () => {
    await create('order A');
    const ids = (await list()).map((v) => v.id);
    const reversed = [...ids].reverse();
    const res = await send('PUT', '/order', { ids: reversed });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { views: View[] }).views.map((v) => v.id)).toEqual(reversed);
    expect((await list()).map((v) => v.id)).toEqual(reversed);
    // A view saved afterwards goes to the end.
    const last = await create('order Z');
    expect((await list()).map((v) => v.id)).toEqual([...reversed, last.id]);
  });

  it('refuses a list that is not exactly the saved views, changing nothing', async () => {
    const ids = (await list()).map((v) => v.id);
    for (const bad of [ids.slice(1), [...ids, 999999], [ids[0], ...ids]]) {
      const res = await send('PUT', '/order', { ids: bad });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Failure).error.field).toBe('ids');
    }
    expect((await list()).map((v) => v.id)).toEqual(ids);
  });

  it('needs the CSRF token with a cookie', async () => {
    const ids = (await list()).map((v) => v.id);
    const res = await send('PUT', '/order', { ids: [...ids].reverse() }, { cookie });
    expect(res.status).toBe(403);
    expect((await list()).map((v) => v.id)).toEqual(ids);
  });
});

describe('view text', () => {
  it('refuses a title or note with control characters, as status notes do', async () => {
    for (const body of [{ title: 'a\u0000b', state: 'c=117.6,39.3,6.2' }, { title: 'ok', note: 'x\u0007y', state: 'c=117.6,39.3,6.2' }]) {
      const res = await send('POST', '', body);
      expect(res.status).toBe(400);
    }
  });
});
