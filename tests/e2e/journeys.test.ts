/**
 * A planner's journeys through the dashboard, in real Chromium against the real server:
 * filter by task area, search, read a clause, query around a point, edit a status, share a link,
 * switch to English. Each journey opens its own page.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { isWide } from '#shared/wide.ts';
import { api, clickMapAt, hasBrowser, idsOf, openApp, PROJECT_LAYERS, renderedIds, screenshot, signIn, waitForMapIdle, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('journeys', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('filters by a task area: the map, the counts and the list agree with the API', async () => {
    s = await openApp('/?c=117.0,40.0,5');
    await waitForMapIdle(s.page);
    await s.page.locator('[data-filter=node] input[value="2.4"]').check();
    await waitForMapIdle(s.page);
    const expected = idsOf(await api('/api/projects?node=2.4'));
    expect(expected.length).toBeGreaterThan(3);
    const rendered = await renderedIds(s.page, PROJECT_LAYERS);
    expect(rendered.length).toBeGreaterThan(0);
    for (const id of rendered) expect(expected).toContain(id);
    await expect.poll(() => s!.page.getByTestId('result-count').textContent()).toContain(String(expected.length));
    expect(s.page.url()).toContain('node=2.4');
    await screenshot(s.page, 'journey-filter-task-area');
    await s.page.getByRole('tab', { name: /列表/ }).click();
    await expect.poll(() => s!.page.locator('.project-list tbody tr[data-id]').count()).toBe(expected.length);
  });

  it('searches by pinyin initials and flies to the match', async () => {
    s = await openApp('/?c=112,42,4');
    await waitForMapIdle(s.page);
    await s.page.getByRole('searchbox').fill('tjjc');
    await s.page.getByRole('button', { name: '搜索' }).click();
    await s.page.waitForFunction(() => window.__atlasMap!.getZoom() > 7, null, { timeout: 20_000 });
    await waitForMapIdle(s.page);
    expect(await renderedIds(s.page, PROJECT_LAYERS)).toContain('tianjin-airport');
    await screenshot(s.page, 'journey-search');
  });

  it('clicks a feature and reads its clause with the phrase highlighted', async () => {
    s = await openApp('/?c=117.6,39.0,9');
    await waitForMapIdle(s.page);
    await clickMapAt(s, [117.7, 38.98333]);
    const detail = s.page.getByTestId('detail');
    await expect.poll(() => detail.locator('h2').textContent()).toBe('天津港');
    const clause = detail.locator('article.clause[data-node="2.1.1.m1"]');
    expect(await clause.locator('mark').textContent()).toBe('依托天津港');
    expect(await clause.textContent()).toContain('市交通运输委');
    expect(s.page.url()).toContain('sel=tianjin-port');
    await screenshot(s.page, 'journey-detail');
    // From the clause, every other project it names.
    await clause.getByRole('button', { name: '在地图上显示本条款全部项目' }).click();
    await expect.poll(() => s!.page.url()).toContain('node=2.1.1.m1');
    const expected = idsOf(await api('/api/projects?node=2.1.1.m1'));
    await expect.poll(() => s!.page.getByTestId('result-count').textContent()).toContain(String(expected.length));
    await waitForMapIdle(s.page);
    for (const id of await renderedIds(s.page, PROJECT_LAYERS)) expect(expected).toContain(id);
    // Back undoes the filter.
    await s.page.goBack();
    await expect.poll(() => s!.page.url()).not.toContain('node=2.1.1.m1');
    await expect.poll(() => s!.page.getByTestId('result-count').textContent()).toContain(String((await api('/api/projects')).features.length));
  });

  it('asks what lies within 25 km of a clicked point, nearest first', async () => {
    s = await openApp('/?c=117.5,39.0,8');
    await waitForMapIdle(s.page);
    await s.page.getByRole('button', { name: '周边查询' }).click();
    // In this mode a click is a place, even on top of a feature.
    await clickMapAt(s, [117.9, 38.95]);
    const answer = await api('/api/projects?near=117.9,38.95&radius_km=25');
    const expected = idsOf(answer);
    expect(expected.length).toBeGreaterThan(3);
    const rows = () => s!.page.locator('.project-list tbody tr[data-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')!));
    await expect.poll(async () => (await rows()).sort()).toEqual([...expected].sort());
    // Nearest first among the concrete places; whole regions and sea areas follow under a heading.
    const full = (await (await fetch(`${inject('baseUrl')}/api/projects?near=117.9,38.95&radius_km=25`)).json()) as {
      features: { properties: { id: string; distance_km: number; precision: string; category: string; area_km2: number | null } }[];
    };
    const wide = new Set(full.features.filter((f) => isWide(f.properties)).map((f) => f.properties.id));
    const distance = new Map(full.features.map((f) => [f.properties.id, f.properties.distance_km]));
    const order = await rows();
    const concrete = order.filter((id) => !wide.has(id));
    expect(order.slice(0, concrete.length)).toEqual(concrete);
    const shown = concrete.map((id) => distance.get(id)!);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    if (wide.size) expect(await s.page.locator('.project-list .group-row').textContent()).toContain('覆盖此处的整体区域与海域');
    expect(s.page.url()).toMatch(/near=117\.(9|89)\d*,38\.(95|94)\d*/);
    // The query's ring is on the map: 25 km from the clicked point all round.
    const ring = () =>
      s!.page.evaluate(() => {
        const data = (window.__atlasMap!.getSource('near-circle') as unknown as { serialize: () => { data: { features?: { geometry: { coordinates: number[][][] } }[] } } }).serialize().data;
        return data.features?.[0]?.geometry.coordinates[0] ?? [];
      });
    await expect.poll(async () => (await ring()).length).toBeGreaterThan(90);
    const km = (await ring()).map(([lon = 0, lat = 0]) => Math.hypot((lon - 117.9) * 111.32 * Math.cos((lat * Math.PI) / 180), (lat - 38.95) * 110.57));
    expect(Math.min(...km)).toBeGreaterThan(24);
    expect(Math.max(...km)).toBeLessThan(26);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'journey-near');
  });

  it('lets an editor change a status, which is still there after a reload', async () => {
    s = await openApp('/?c=118.2,39.6,7&sel=jingtang-intercity');
    await signIn(s);
    const form = s.page.getByRole('form', { name: '更新状态' });
    await form.locator('select[name=status]').selectOption('operation');
    await form.locator('textarea[name=note]').fill('京唐城际已开通运营');
    await form.locator('input[name=source]').fill('铁路部门公告');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => s!.page.getByTestId('edit-message').textContent()).toBe('已保存');
    await s.page.reload();
    await expect.poll(() => s!.page.getByTestId('detail-status').textContent()).toContain('建成运营');
    expect(await s.page.getByTestId('history').textContent()).toContain('京唐城际已开通运营');
    await screenshot(s.page, 'journey-edit');
  });

  it('opens a shared link with the same filters, camera, selection and language', async () => {
    s = await openApp('/?lang=en&category=border-crossing&c=113,44,5&sel=erenhot-crossing');
    await waitForMapIdle(s.page);
    expect(await s.page.locator('header.top h1').textContent()).toBe('Bohai Atlas');
    expect(await s.page.locator('[data-filter=category] input[value=border-crossing]').isChecked()).toBe(true);
    const center = await s.page.evaluate(() => window.__atlasMap!.getCenter().toArray());
    expect(center[0]).toBeCloseTo(113, 1);
    expect(center[1]).toBeCloseTo(44, 1);
    await expect.poll(() => s!.page.getByTestId('detail').locator('h2').textContent()).toMatch(/^Erenhot border crossing/);
    const rendered = await renderedIds(s.page, PROJECT_LAYERS);
    expect(rendered).toContain('erenhot-crossing');
    const crossings = idsOf(await api('/api/projects?category=border-crossing'));
    for (const id of rendered) expect(crossings).toContain(id);
    await screenshot(s.page, 'journey-shared-link');
  });

  it('switches to English: the interface and the map labels', async () => {
    s = await openApp('/?c=117.6,39.0,9');
    await waitForMapIdle(s.page);
    await s.page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => s!.page.locator('header.top h1').textContent()).toBe('Bohai Atlas');
    await waitForMapIdle(s.page);
    const labels = await s.page.evaluate(() =>
      window.__atlasMap!.queryRenderedFeatures({ layers: ['projects-label'] }).map((f) => f.properties.name_en as string),
    );
    expect(labels).toContain('Port of Tianjin');
    expect(await s.page.evaluate(() => window.__atlasMap!.getLayoutProperty('projects-label', 'text-field'))).toEqual(['get', 'name_en']);
    expect(s.page.url()).toContain('lang=en');
    await screenshot(s.page, 'journey-english');
  });
});
