/** /api/views: saved views for everyone to read; editors write them with CSRF, versions and one order. */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema, SavedViewSchema } from '#shared/api-schema.ts';
import { createApiToken, createUser } from '../../server/services/auth.ts';
import { bodyOf, testApp, type TestApp } from '../helpers/test-app.ts';

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
  await createUser(t.db, 'planner', PASSWORD, 'editor');
  token = await createApiToken(t.db, 'planner', 'tests');
  const res = await api.auth.login.$post({ json: { username: 'planner', password: PASSWORD } });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  csrf = (await bodyOf(res)).csrfToken;
}, 60_000); // seeding a fresh database is slow when the machine is busy
afterAll(() => t.close());

type Headers = Record<string, string>;
type NewView = Parameters<Api['views']['$post']>[0]['json'];
type ViewEdit = Parameters<Api['views'][':id']['$patch']>[0]['json'];

const editor = (): Headers => ({ cookie, 'x-csrf-token': csrf });
const post = (json: NewView, headers = editor()) => api.views.$post({ json }, { headers });
const patch = (id: number, json: ViewEdit, headers = editor()) => api.views[':id'].$patch({ param: { id: String(id) }, json }, { headers });
const remove = (id: number, headers = editor()) => api.views[':id'].$delete({ param: { id: String(id) } }, { headers });
const order = (ids: number[], headers = editor()) => api.views.order.$put({ json: { ids } }, { headers });
const one = (id: number | string) => api.views[':id'].$get({ param: { id: String(id) } });
/** app.request: for bodies wrong on purpose (missing or unknown keys, broken JSON), which the typed client would not send. */
const postRaw = (body: unknown) =>
  t.app.request('/api/views', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...editor() },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
/** The error of an answer (checked against the one error shape, not cast). */
const errorOf = async (res: { json(): Promise<unknown> }) => ErrorSchema.parse(await res.json()).error;
const create = (title: string, state = 'node=2.1&c=117.6,39.3,6.2', note = '') => bodyOf(post({ title, note, state }), 201);
const list = async () => (await bodyOf(api.views.$get())).views;

describe('reading saved views', () => {
  it('lists them for everyone, in order, and opens one with its version as ETag', async () => {
    const a = await create('交通枢纽', 'node=2.1&c=117.6,39.3,6.2', '海陆空枢纽');
    const views = await list(); // no cookie: reading is open
    expect(views.map((v) => v.id)).toContain(a.id);
    const res = await one(a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(await res.json()).toMatchObject({ title: '交通枢纽', note: '海陆空枢纽', state: 'node=2.1&c=117.6,39.3,6.2', created_by: 'planner', version: 1 });
  });

  it('answers 404 for a view that does not exist and 400 for an id that is not a number', async () => {
    expect((await one(999999)).status).toBe(404);
    const bad = await one('abc');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).field).toBe('id');
  });
});

describe('writing needs an editor', () => {
  it('refuses a write without sign-in (401), and a cookie without the CSRF token (403)', async () => {
    const anon = await post({ title: 'x', state: '' }, {});
    expect(anon.status).toBe(401);
    const noCsrf = await post({ title: 'x', state: '' }, { cookie });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe('csrf');
    const reorder = await order([], {});
    expect(reorder.status).toBe(401);
    const before = await list();
    expect(before.some((v) => v.title === 'x')).toBe(false);
  });

  it("takes an editor's API token without CSRF", async () => {
    const res = await post({ title: '脚本保存', state: 'province=hebei' }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(201);
  });
});

describe('bad input answers 400 naming the field', () => {
  it.each<[NewView, string]>([
    [{ title: '', state: '' }, 'title'],
    [{ title: 'x'.repeat(201), state: '' }, 'title'],
    [{ title: 'ok', note: 'n'.repeat(2001), state: '' }, 'note'],
    [{ title: 'ok', state: '?node=2.1' }, 'state'],
    [{ title: 'ok', state: 'category=castle' }, 'state'],
    [{ title: 'ok', state: 'c=999,0,5' }, 'state'],
    [{ title: 'ok', state: 'a b=1' }, 'state'],
    [{ title: 'ok', state: 'x'.repeat(2001) }, 'state'],
  ])('case %# -> 400 naming the field', async (body, field) => {
    const err = await bodyOf(post(body), 400);
    expect(err.error.code).toBe('bad_request');
    expect(err.error.field).toBe(field);
  });

  it.each<[unknown, string]>([
    [{ title: 'ok' }, 'state'],
    [{ title: 'ok', state: '', owner: 'me' }, 'owner'],
  ])('a body of the wrong shape %j -> 400 naming %s', async (body, field) => {
    const res = await postRaw(body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'bad_request', field });
  });

  it('says which filter of the state is wrong', async () => {
    const res = await post({ title: 'ok', state: 'node=2.1&status=finished' });
    expect((await errorOf(res)).message).toMatch(/state: status/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await postRaw('{"title":');
    expect(res.status).toBe(400);
  });
});

describe('PATCH /api/views/{id}', () => {
  it('changes title, note and state and bumps the version', async () => {
    const v = await create('before');
    const res = await patch(v.id, { title: '之后', note: '说明', state: 'province=shandong', version: 1 });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    const after = await bodyOf(one(v.id));
    expect(after).toMatchObject({ title: '之后', note: '说明', state: 'province=shandong', version: 2 });
  });

  it('refuses a stale version with 409 and the current view, changing nothing', async () => {
    const v = await create('shared');
    expect((await patch(v.id, { title: 'first', version: 1 })).status).toBe(200);
    const body = await bodyOf(patch(v.id, { title: 'second', version: 1 }), 409);
    expect(body.error.code).toBe('conflict');
    expect(SavedViewSchema.parse(body.current)).toMatchObject({ id: v.id, title: 'first', version: 2 });
    expect((await bodyOf(one(v.id))).title).toBe('first');
  });

  it('takes the ETag back as If-Match, and needs some version (428)', async () => {
    const v = await create('etag');
    const etag = (await one(v.id)).headers.get('etag')!;
    const ok = await patch(v.id, { note: 'via If-Match' }, { ...editor(), 'if-match': etag });
    expect(ok.status).toBe(200);
    const again = await patch(v.id, { note: 'stale' }, { ...editor(), 'if-match': etag });
    expect(again.status).toBe(409);
    const none = await patch(v.id, { note: 'no version' });
    expect(none.status).toBe(428);
    const garbage = await patch(v.id, { note: 'x' }, { ...editor(), 'if-match': 'yesterday' });
    expect(garbage.status).toBe(400);
    expect((await errorOf(garbage)).field).toBe('If-Match');
  });

  it('rejects an empty change and a bad state with 400 naming the field', async () => {
    const v = await create('edit checks');
    expect((await patch(v.id, { version: 1 })).status).toBe(400);
    const bad = await patch(v.id, { state: 'milestone=2021', version: 1 });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).field).toBe('state');
  });

  it('answers 404 for a missing view', async () => {
    expect((await patch(999999, { title: 'x', version: 1 })).status).toBe(404);
  });
});

describe('DELETE /api/views/{id}', () => {
  it('deletes for an editor; a stale If-Match keeps the view', async () => {
    const v = await create('to delete');
    expect((await remove(v.id, {})).status).toBe(401);
    await patch(v.id, { title: 'changed meanwhile', version: 1 });
    expect((await remove(v.id, { ...editor(), 'if-match': '"v1"' })).status).toBe(409);
    expect((await one(v.id)).status).toBe(200);
    expect((await remove(v.id)).status).toBe(200);
    expect((await one(v.id)).status).toBe(404);
    expect((await remove(v.id)).status).toBe(404);
  });
});

describe('PUT /api/views/order', () => {
  it('saves a new order that the list then follows', async () => {
    await create('order A');
    const ids = (await list()).map((v) => v.id);
    const reversed = [...ids].reverse();
    const body = await bodyOf(order(reversed));
    expect(body.views.map((v) => v.id)).toEqual(reversed);
    expect((await list()).map((v) => v.id)).toEqual(reversed);
    // A view saved afterwards goes to the end.
    const last = await create('order Z');
    expect((await list()).map((v) => v.id)).toEqual([...reversed, last.id]);
  });

  it('refuses a list that is not exactly the saved views, changing nothing', async () => {
    const ids = (await list()).map((v) => v.id);
    for (const bad of [ids.slice(1), [...ids, 999999], [ids[0]!, ...ids]]) {
      const res = await order(bad);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).field).toBe('ids');
    }
    expect((await list()).map((v) => v.id)).toEqual(ids);
  });

  it('needs the CSRF token with a cookie', async () => {
    const ids = (await list()).map((v) => v.id);
    const res = await order([...ids].reverse(), { cookie });
    expect(res.status).toBe(403);
    expect((await list()).map((v) => v.id)).toEqual(ids);
  });
});

describe('view text', () => {
  it('refuses a title or note with control characters, as status notes do', async () => {
    for (const body of [{ title: 'a\u0000b', state: 'c=117.6,39.3,6.2' }, { title: 'ok', note: 'x\u0007y', state: 'c=117.6,39.3,6.2' }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
    }
  });
});
