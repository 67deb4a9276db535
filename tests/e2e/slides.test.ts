/**
 * Saved views as slides, in real Chromium against the real server: an editor saves views, reorders
 * them, plays them with the keys a clicker sends, leaves with Esc, and opens a slide by its URL; the
 * plan's task areas play as a built-in deck.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { hasBrowser, openApp, screenshot, signIn, waitForMapIdle, type Session } from './browser.ts';

type View = { id: number; title: string; state: string };
const get = async <T,>(path: string) => (await (await fetch(`${inject('baseUrl')}${path}`)).json()) as T;
/** Waiting, not timing: a busy 2-core machine may take seconds to load and draw. */
const T = { timeout: 30_000 };
const savedViews = async () => (await get<{ views: View[] }>('/api/views')).views;

/** A change made by another editor's script, through the API. */
async function patchElsewhere(id: number, body: object) {
  const base = inject('baseUrl');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inject('editor')) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/views/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe.skipIf(!hasBrowser())('slides', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    // The conflict the edit test provokes is logged by the browser as a failed load; nothing else may be.
    expect((s?.errors ?? []).filter((e) => !/status of 409 \(Conflict\)/.test(e))).toEqual([]);
    await s?.close();
    s = undefined;
  });

  const counter = () => s!.page.getByTestId('slide-counter').textContent();
  const title = () => s!.page.getByTestId('slide-title').textContent();

  async function saveView(path: string, name: string, note: string) {
    const page = s!.page;
    // A page load draws the map again (several CPU seconds): only when the view is another one.
    if (page.url() !== `${inject('baseUrl')}${path}`) await page.goto(`${inject('baseUrl')}${path}`);
    await page.getByTestId('signed-in-as').waitFor();
    const form = page.getByRole('form', { name: '保存当前视图' });
    await form.getByLabel('标题').fill(name);
    await form.getByLabel('备注').fill(note);
    await form.getByRole('button', { name: '保存当前视图' }).click();
    await page.locator('.saved-views li', { hasText: name }).waitFor();
  }

  it('saves views, reorders them and plays them with the keyboard', async () => {
    s = await openApp('/?node=2.4&panel=views&c=117.6,39.3,6.2');
    await waitForMapIdle(s.page);
    await signIn(s);
    // A new view is titled with the filter description until the editor types another.
    await expect.poll(() => s!.page.getByRole('form', { name: '保存当前视图' }).getByLabel('标题').inputValue(), T).toMatch(/^2\.4 深化能源资源合作/);
    const before = (await savedViews()).length;
    await saveView('/?node=2.4&panel=views&c=117.6,39.3,6.2', '能源资源合作', '油气管道、电网与煤炭运输通道');
    await saveView('/?category=seaport&panel=views&c=120.5,38.6,6.3', '环渤海港口', '天津港与周边港口分工协作');
    await saveView('/?milestone=2020&panel=views&c=117.3,39.2,7', '2020 年目标', '');
    let views = await savedViews();
    expect(views.length).toBe(before + 3);
    expect(views.at(-3)!.state).toContain('node=2.4');

    // Editors reorder: the energy view moves down one place, and the server keeps the new order.
    const energy = views.at(-3)!.id;
    await s.page.getByRole('button', { name: '下移: 能源资源合作' }).click();
    await expect.poll(async () => (await savedViews()).map((v) => v.id).indexOf(energy), T).toBe(views.length - 2);
    await screenshot(s.page, 'views-panel');

    // Editing sends the version seen: a change made meanwhile elsewhere answers with a conflict
    // that shows the current title and keeps the input; saving again then goes through.
    const goal = views.at(-1)!;
    await s.page.getByRole('button', { name: '编辑' }).last().click();
    const edit = s.page.locator('form.view-editor');
    expect(await edit.getAttribute('aria-label')).toBe(`编辑: ${goal.title}`);
    await edit.getByLabel('标题').fill('2020 年目标（近期）');
    await patchElsewhere(goal.id, { title: '别处改过的标题', version: 1 });
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => s!.page.getByTestId('view-edit-message').textContent(), T).toContain('别处改过的标题');
    expect(await edit.getByLabel('标题').inputValue()).toBe('2020 年目标（近期）');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await get<View & { version: number }>(`/api/views/${goal.id}`)).title, T).toBe('2020 年目标（近期）');
    expect((await get<{ version: number }>(`/api/views/${goal.id}`)).version).toBe(3);
    views = await savedViews();
    const titles = views.map((v) => v.title);
    const total = views.length;

    await s.page.getByRole('button', { name: /放映幻灯片/ }).click();
    await expect.poll(counter, T).toBe(`1 / ${total}`);
    expect(await title()).toBe(titles[0]);
    expect(s.page.url()).toMatch(/mode=slides/);
    await s.page.keyboard.press('End');
    await expect.poll(counter, T).toBe(`${total} / ${total}`);
    expect(await title()).toBe(titles[total - 1]);
    await s.page.keyboard.press('PageUp');
    await expect.poll(counter, T).toBe(`${total - 1} / ${total}`);
    expect(await title()).toBe('能源资源合作');
    expect(s.page.url()).toContain('node=2.4');
    // Its figures are those of /api/stats/coverage for its filter.
    const energyTotal = (await get<{ total: number }>('/api/stats/coverage?node=2.4')).total;
    await expect.poll(() => s!.page.locator('[data-figure=projects]').textContent(), T).toBe(String(energyTotal));
    await s.page.keyboard.press('ArrowLeft');
    await expect.poll(counter, T).toBe(`${total - 2} / ${total}`);
    expect(await title()).toBe('环渤海港口');
    await s.page.keyboard.press('PageDown');
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(counter, T).toBe(`${total} / ${total}`);
    await s.page.keyboard.press('ArrowRight'); // past the end: stays
    await expect.poll(counter, T).toBe(`${total} / ${total}`);
    await s.page.keyboard.press('Home');
    await expect.poll(counter, T).toBe(`1 / ${total}`);
    expect(await title()).toBe(titles[0]);

    // A slide is a URL: open the energy slide by its number.
    await s.page.goto(`${inject('baseUrl')}/?mode=slides&slide=${total - 1}`);
    await expect.poll(title, T).toBe('能源资源合作');
    await expect.poll(counter, T).toBe(`${total - 1} / ${total}`);
    await expect.poll(() => s!.page.url(), T).toContain('node=2.4');
    await expect.poll(() => s!.page.locator('[data-figure=projects]').textContent(), T).toBe(String(energyTotal));
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'slide-saved-view');

    // Esc leaves the slideshow and keeps the slide's view.
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('slide').waitFor({ state: 'detached' });
    expect(s.page.url()).not.toMatch(/mode=slides/);
    expect(s.page.url()).toContain('node=2.4');
  }, 300_000); // four page loads under software WebGL on a shared 2-core machine

  it('plays the task areas of the plan, one slide each, framed on their projects', async () => {
    s = await openApp('/?mode=slides&deck=areas&slide=4');
    await waitForMapIdle(s.page);
    await expect.poll(counter, T).toBe('4 / 6');
    expect(await title()).toBe('2.4 深化能源资源合作');
    await expect.poll(() => s!.page.url(), T).toContain('node=2.4');
    const areaTotal = (await get<{ total: number }>('/api/stats/coverage?node=2.4')).total;
    await expect.poll(() => s!.page.locator('[data-figure=projects]').textContent(), T).toBe(String(areaTotal));
    await s.page.keyboard.press('PageDown');
    await expect.poll(counter, T).toBe('5 / 6');
    expect(await title()).toMatch(/^2\.5 /);
    await s.page.keyboard.press('Home');
    await expect.poll(counter, T).toBe('1 / 6');
    expect(await title()).toBe('2.1 建设海陆空立体的区域交通枢纽');
    // The note lists the area's tasks, verbatim titles of the plan.
    expect(await s.page.locator('.slide-note').textContent()).toContain('提升海港枢纽功能');
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'slide-task-area');
    await s.page.getByRole('button', { name: '退出放映（Esc）' }).click();
    await s.page.getByTestId('slide').waitFor({ state: 'detached' });
  });
});
