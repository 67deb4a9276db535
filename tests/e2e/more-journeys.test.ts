/** More journeys: the plan view as a filter, list hover, an edit conflict, the presentation mode. */
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { api, downloadBytes, hasBrowser, idsOf, openApp, PROJECT_LAYERS, renderedIds, screenshot, signIn, waitForMapIdle, type Session } from './browser.ts';

const base = () => inject('baseUrl');

/** Another editor's change, straight through the API. */
async function editElsewhere(id: string, status: string, note: string) {
  const editor = inject('editor');
  const login = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(editor),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const current = (await (await fetch(`${base()}/api/projects/${id}`)).json()) as { properties: { version: number } };
  const res = await fetch(`${base()}/api/projects/${id}/status`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ status, note, source: 'meeting minutes', version: current.properties.version }),
  });
  expect(res.status).toBe(200);
}

describe.skipIf(!hasBrowser())('more journeys', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('filters the map from a measure in the plan view', async () => {
    s = await openApp('/?panel=plan&c=112,42,4.3');
    await waitForMapIdle(s.page);
    const measure = s.page.locator('section.plan-node[data-node="2.4.1.m1"]');
    expect(await measure.textContent()).toContain('加快渤海湾油气开发');
    await measure.getByRole('button', { name: '在地图上筛选' }).click();
    await expect.poll(() => s!.page.url()).toContain('node=2.4.1.m1');
    await waitForMapIdle(s.page);
    const expected = idsOf(await api('/api/projects?node=2.4.1.m1'));
    const rendered = await renderedIds(s.page, PROJECT_LAYERS);
    expect(rendered.length).toBeGreaterThan(0);
    for (const id of rendered) expect(expected).toContain(id);
    // The provinces the measure names as partners (内蒙古, 山西, 京津冀 …) are outlined, and only they.
    const plan = (await (await fetch(`${base()}/api/plan`)).json()) as { nodes: { id: string; partners: string[] }[] };
    const partners = plan.nodes.find((n) => n.id === '2.4.1.m1')!.partners;
    const outlined = await s.page.evaluate(() =>
      window.__atlasMap!.queryRenderedFeatures({ layers: ['partners-outline'] }).map((f) => String(f.properties.id)),
    );
    expect(outlined).toEqual(expect.arrayContaining(['inner-mongolia', 'shanxi', 'hebei']));
    for (const id of outlined) expect(partners).toContain(id);
    await screenshot(s.page, 'journey-plan-view');
  });

  it('highlights a project on the map while its list row is hovered', async () => {
    s = await openApp('/?panel=list&c=117.6,39.0,8');
    await waitForMapIdle(s.page);
    await s.page.locator('.project-list tr[data-id="tianjin-airport"]').hover();
    await waitForMapIdle(s.page);
    expect(await renderedIds(s.page, ['projects-highlight-point'])).toEqual(['tianjin-airport']);
    await s.page.locator('.project-list tr[data-id="tianjin-airport"]').click();
    await expect.poll(() => s!.page.getByTestId('detail').locator('h2').textContent()).toBe('天津机场');
  });

  it('shows an edit conflict plainly and keeps what the editor typed', async () => {
    s = await openApp('/?sel=jinshi-expressway&c=116.5,38.6,7');
    await signIn(s);
    const form = s.page.getByRole('form', { name: '更新状态' });
    await form.locator('select[name=status]').selectOption('suspended');
    await form.locator('textarea[name=note]').fill('资金未落实，暂停');
    await form.locator('input[name=source]').fill('项目调度会');
    await editElsewhere('jinshi-expressway', 'operation', '已通车');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => s!.page.getByTestId('edit-message').textContent()).toContain('其他编辑者已先修改');
    expect(await form.locator('textarea[name=note]').inputValue()).toBe('资金未落实，暂停');
    expect(await s.page.getByTestId('detail-status').textContent()).toContain('建成运营');
    await screenshot(s.page, 'journey-conflict');
    // Saving again, now against the current version, goes through.
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => s!.page.getByTestId('detail-status').textContent()).toContain('暂停');
  });

  it('shows coverage by province for what the map shows', async () => {
    s = await openApp('/?panel=stats&node=2.4&c=113,41,5');
    const table = s.page.getByTestId('coverage');
    await table.locator('tr[data-province=hebei]').waitFor();
    const c = (await (await fetch(`${base()}/api/stats/coverage?node=2.4`)).json()) as { byProvince: Record<string, number>; kmByProvince: Record<string, number> };
    const cells = await table.locator('tr[data-province=hebei] td').allTextContents();
    expect(Number(cells[0])).toBe(c.byProvince.hebei);
    expect(cells[1]).toBe(Math.round(c.kmByProvince.hebei!).toLocaleString());
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'journey-coverage');
    // Switching a category off in the legend changes the figures too.
    await s.page.getByRole('button', { name: /图例与图层/ }).click();
    await s.page.locator('.legend label[data-category=gas-pipeline] input').uncheck();
    const shown = await (await fetch(`${base()}/api/projects?node=2.4`)).json() as { features: { properties: { category: string } }[] };
    const others = [...new Set(shown.features.map((f) => f.properties.category))].filter((c) => c !== 'gas-pipeline');
    const after = (await (await fetch(`${base()}/api/stats/coverage?node=2.4&category=${encodeURIComponent(others.join(','))}`)).json()) as { byProvince: Record<string, number> };
    await expect.poll(() => table.locator('tr[data-province=hebei] td').first().textContent()).toBe(String(after.byProvince.hebei ?? 0));
  });

  it('saves the map as a PNG picture of what is on screen', async () => {
    s = await openApp('/?c=117.6,39.3,7');
    await waitForMapIdle(s.page);
    await s.page.getByRole('button', { name: '导出图片' }).click();
    const dialog = s.page.getByRole('dialog', { name: '导出图片' });
    await dialog.getByLabel('屏幕大小').check();
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: '保存图片' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-\d{4}-\d{2}-\d{2}(-[^.]*)?\.png$/);
    const bytes = await downloadBytes(download);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Not a blank canvas: the picture holds many colours (land, sea, lines, labels).
    const colours = await s.page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) if (data[i + 3]! > 0) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    }, bytes.toString('base64'));
    expect(colours).toBeGreaterThan(50);
  });

  it('presents: the map fills the screen, the legend stays, Esc leaves', async () => {
    s = await openApp('/?node=2.4&c=113,41,5', { width: 1920, height: 1080 });
    await waitForMapIdle(s.page);
    await s.page.getByRole('button', { name: '演示模式' }).click();
    await expect.poll(() => s!.page.url()).toContain('mode=present');
    expect(await s.page.locator('nav.side').isVisible()).toBe(false);
    expect(await s.page.locator('.legend input[type=checkbox]').first().isVisible()).toBe(true);
    const width = await s.page.evaluate(() => document.querySelector('[data-testid=map]')!.getBoundingClientRect().width);
    expect(width).toBe(1920);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'presentation');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s!.page.url()).not.toContain('mode=present');
  });
});
