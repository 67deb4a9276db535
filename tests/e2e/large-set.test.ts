/**
 * A large set (6,000 synthetic projects, more than TILE_SET): the dashboard draws the projects from
 * the server's vector tiles and takes its counts and list from the server, never downloading the
 * GeoJSON. The app runs in this file on a scratch database; the built client's scripts come from the
 * run's server (global-setup.ts) through a small proxy, so nothing is built twice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb, type Db } from '../../server/db/client.ts';
import { seed } from '../../server/db/seed.ts';
import { createUser } from '../../server/services/auth.ts';
import { syntheticProjects } from '../bench/synthetic.ts';
import { geodata } from '../helpers/test-app.ts';
import { hasBrowser, PROJECT_LAYERS, renderedIds, screenshot, waitForMapIdle } from './browser.ts';
import { CHROMIUM_ARGS } from './chromium-args.ts';
import { TILE_SET } from '#shared/large-set.ts';

const COUNT = 6000;

describe.skipIf(!hasBrowser())('a large set', () => {
  let dir: string;
  let db: Db;
  let server: ServerType;
  let base = '';
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-large-'));
    db = await openDb(`file:${join(dir, 'atlas.db')}`);
    const data = geodata();
    const synthetic = syntheticProjects(COUNT, data);
    await seed(db, { data: { ...data, projects: synthetic.projects, shares: synthetic.shares, hash: `synthetic-${COUNT}` } });
    await createUser(db, inject('editor').username, inject('editor').password, 'editor');
    // The page from this app (it decides what the page preloads), its scripts from the run's build.
    const client = inject('baseUrl');
    const clientDir = join(dir, 'client');
    mkdirSync(clientDir);
    writeFileSync(join(clientDir, 'index.html'), await (await fetch(`${client}/index.html`)).text());
    const app = createApp({ db, clientDir });
    const outer = new Hono()
      .all('/assets/*', async (c) => {
        const url = new URL(c.req.url);
        const res = await fetch(`${client}${url.pathname}${url.search}`);
        // fetch has decoded the body: it goes on without the encoding and length it came with.
        const headers = new Headers(res.headers);
        headers.delete('content-encoding');
        headers.delete('content-length');
        return new Response(res.body, { status: res.status, headers });
      })
      .all('*', (c) => app.fetch(c.req.raw));
    server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const ws = inject('browserWs');
    browser = ws ? await chromium.connect(ws, { timeout: 60_000 }) : await chromium.launch({ executablePath: inject('chromium')!, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?c=117,39.5,6`);
    await page.waitForFunction(() => window.__atlasMap?.getSource('projects')?.type === 'vector', null, { timeout: 90_000 });
    await waitForMapIdle(page, 90_000);
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    server?.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async (query: string) => (await (await fetch(`${base}/api/projects/counts${query}`)).json()) as { total: number; byCategory: Record<string, number>; byStatus: Record<string, number> };
  /** A search's ids in the map's filter (filter-expression.ts). */
  const BY_IDS = '["match",["get","id"],';
  const resultCount = () => page.getByTestId('result-count').textContent();

  it('draws the projects from vector tiles and never downloads the GeoJSON', async () => {
    await screenshot(page, 'large-set-map');
    expect((await renderedIds(page, PROJECT_LAYERS)).length).toBeGreaterThan(100);
    expect(requests.some((p) => p.startsWith('/api/projects/tiles/'))).toBe(true);
    expect(requests.filter((p) => /^\/api\/projects(\?|$)/.test(p))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says the overview draws a sample, how much, and from which zoom it draws all', async () => {
    const { thinned } = (await (await fetch(`${base}/api/projects/tiles.json`)).json()) as { thinned: { zoom: number; fraction: number }[] };
    const at6 = thinned.find((t) => t.zoom === 6);
    expect(at6, 'zoom 6 is thinned at 6,000 projects').toBeDefined();
    const note = page.getByTestId('sample-note');
    expect(await note.textContent()).toContain(`约 ${Math.max(1, Math.round(at6!.fraction * 100))}% 的项目`);
    const full = Math.max(...thinned.map((t) => t.zoom)) + 1;
    expect(await note.textContent()).toContain(`放大到 ${full} 级`);
    await page.evaluate((zoom) => window.__atlasMap!.jumpTo({ zoom }), full);
    await note.waitFor({ state: 'detached' });
    await page.evaluate(() => window.__atlasMap!.jumpTo({ zoom: 6 }));
    await note.waitFor();
    await waitForMapIdle(page);
  });

  it('counts as the server counts, and a task area filters the map, the counts and the legend', async () => {
    expect(await resultCount()).toContain(String((await counts('')).total));
    await page.locator('[data-filter=node] input[value="2.4"]').click();
    const filtered = await counts('?node=2.4');
    expect(filtered.total).toBeLessThan(COUNT);
    await page.getByTestId('result-count').filter({ hasText: String(filtered.total) }).waitFor();
    const legend = page.locator('.legend-toggle');
    if ((await legend.getAttribute('aria-expanded')) !== 'true') await legend.click();
    expect(await page.getByTestId('count-expressway').textContent()).toBe(String(filtered.byCategory.expressway));
    const filter = await page.evaluate(() => JSON.stringify(window.__atlasMap!.getFilter('projects-point')));
    expect(filter).toContain(',2.4,');
    await waitForMapIdle(page);
    await screenshot(page, 'large-set-filtered');
  });

  it('draws the count badges the server counts for what the map shows', async () => {
    const want = (await (await fetch(`${base}/api/projects/stacks?node=2.4`)).json()) as { features: { properties: { id: string; stack_n: number } }[] };
    expect(want.features.length, 'synthetic points share spots').toBeGreaterThan(0);
    const badges = () =>
      page.evaluate(() => {
        const data = (window.__atlasMap!.getSource('project-stacks') as unknown as { serialize: () => { data: { features?: { properties: { id: string; stack_n: number } }[] } } }).serialize().data;
        return (data.features ?? []).map((f) => `${f.properties.id}:${f.properties.stack_n}`).sort();
      });
    await expect.poll(badges).toEqual(want.features.map((f) => `${f.properties.id}:${f.properties.stack_n}`).sort());
  });

  it('names the projects stacked on one spot when it is clicked, from the tiles the map holds', async () => {
    const want = (await (await fetch(`${base}/api/projects/stacks?node=2.4`)).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { stack_n: number } }[] };
    const spot = want.features[0]!;
    await page.evaluate((c) => window.__atlasMap!.jumpTo({ center: c, zoom: 10 }), spot.geometry.coordinates);
    await waitForMapIdle(page);
    const { x, y } = await page.evaluate((c) => window.__atlasMap!.project(c), spot.geometry.coordinates);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    const chooser = page.getByTestId('chooser');
    await chooser.waitFor();
    const names = await chooser.locator('button').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(spot.properties.stack_n);
    for (const name of names) expect(name).toMatch(/^合成项目\d+/);
    await page.keyboard.press('Escape');
    await chooser.waitFor({ state: 'detached' });
  });

  it('fits the results to the bounds the server gives, the map holding none of them', async () => {
    const { bbox } = (await (await fetch(`${base}/api/projects/counts?node=2.4`)).json()) as { bbox: [number, number, number, number] };
    await page.evaluate(() => window.__atlasMap!.jumpTo({ center: [121.5, 37.5], zoom: 10 }));
    const fit = page.getByRole('button', { name: '适配结果' });
    expect(await fit.isEnabled()).toBe(true);
    await fit.click();
    const holds = () =>
      page.evaluate(([w, s, e, n]) => {
        const b = window.__atlasMap!.getBounds();
        return !window.__atlasMap!.isMoving() && b.getWest() <= w + 1e-6 && b.getSouth() <= s + 1e-6 && b.getEast() >= e - 1e-6 && b.getNorth() >= n - 1e-6;
      }, bbox);
    await expect.poll(holds, { timeout: 20_000 }).toBe(true);
    // Framed, not the whole world: the box is a good share of the view.
    const spanRatio = await page.evaluate(([w, , e]) => (e - w) / (window.__atlasMap!.getBounds().getEast() - window.__atlasMap!.getBounds().getWest()), bbox);
    expect(spanRatio).toBeGreaterThan(0.3);
    await waitForMapIdle(page);
  });

  it("keys the status colours with the server's counts of what the map shows", async () => {
    const { byStatus } = await counts('?node=2.4');
    await page.locator('button[data-symbology=status]').click();
    const key = page.getByTestId('status-key');
    await key.locator('li[data-status]').first().waitFor();
    const rows = await key.locator('li[data-status]').evaluateAll((lis) => lis.map((li): [string, number] => [li.getAttribute('data-status') ?? '', Number(li.querySelector('.legend-count')?.textContent)]));
    const shown = Object.fromEntries(rows);
    expect(shown).toEqual(byStatus);
    await screenshot(page, 'large-set-status-key');
    await page.locator('button[data-symbology=category]').click();
    await key.waitFor({ state: 'detached' });
  });

  it('lists a page from the server, and opens a project from it with its detail', async () => {
    await page.getByRole('tab', { name: /列表/ }).click();
    await page.getByTestId('pager').waitFor();
    const rows = page.locator('.project-list tbody tr[data-id]');
    expect(await rows.count()).toBe(100);
    await rows.first().click();
    await page.locator('.detail').waitFor();
    await screenshot(page, 'large-set-list');
  });

  it('sorts the list on the server: the first row is the first of every match, either way', async () => {
    const first = async (query: string) => ((await (await fetch(`${base}/api/projects/page?node=2.4&limit=1&lang=zh&${query}`)).json()) as { items: { id: string }[] }).items[0]!.id;
    const rows = page.locator('.project-list tbody tr[data-id]');
    const header = page.locator('.project-list thead').getByRole('button', { name: /^类别/ });
    await header.click();
    await expect.poll(() => rows.first().getAttribute('data-id')).toBe(await first('sort=category&dir=asc'));
    expect(await page.getByTestId('pager').textContent()).toContain('第 1–');
    await header.click();
    await expect.poll(() => rows.first().getAttribute('data-id')).toBe(await first('sort=category&dir=desc'));
    expect(await header.textContent()).toContain('▼');
  });

  it('draws an edit at once: new tiles for the new data version', async () => {
    const id = new URL(page.url()).searchParams.get('sel');
    expect(id).toMatch(/^synthetic-/);
    const editor = inject('editor');
    await page.getByRole('button', { name: '编辑登录' }).click();
    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码').fill(editor.password);
    await page.locator('.sign-in-form').getByRole('button', { name: '编辑登录' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    const form = page.getByRole('form', { name: '更新状态' });
    await form.locator('select[name=status]').selectOption('suspended');
    await form.locator('textarea[name=note]').fill('大数据集测试');
    await form.locator('input[name=source]').fill('测试');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('detail-status').textContent()).toContain('暂停');
    const { version } = (await (await fetch(`${base}/api/projects/tiles.json`)).json()) as { version: string };
    await expect.poll(() => page.evaluate(() => (window.__atlasMap!.getSource('projects') as unknown as { tiles: string[] }).tiles[0])).toContain(`v=${encodeURIComponent(version)}`);
    await waitForMapIdle(page);
    const status = (pid: string | null) =>
      page.evaluate((pid) => window.__atlasMap!.querySourceFeatures('projects', { sourceLayer: 'projects', filter: ['==', ['get', 'id'], pid ?? ''] })[0]?.properties.status as string | undefined, pid);
    await expect.poll(() => status(id)).toBe('suspended');
  });

  it("filters the map by a search's ids, and above the limit says the map is not narrowed by it", async () => {
    const total = (q: string) => fetch(`${base}/api/projects/ids?q=${encodeURIComponent(q)}&limit=1`).then(async (r) => ((await r.json()) as { total: number }).total);
    const box = page.getByRole('searchbox');
    await box.fill('合成');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    const note = page.getByTestId('search-capped');
    await note.waitFor();
    expect(await note.textContent()).toContain(String(await total('合成')));
    expect(await page.evaluate(() => JSON.stringify(window.__atlasMap!.getFilter('projects-point')))).not.toContain(BY_IDS);
    await screenshot(page, 'large-set-search-capped');
    await box.fill('合成项目12');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await note.waitFor({ state: 'detached' });
    const n = await total('合成项目12');
    expect(n).toBeLessThan(TILE_SET);
    await expect.poll(() => page.evaluate(() => JSON.stringify(window.__atlasMap!.getFilter('projects-point')))).toContain(BY_IDS);
    // Not one project drawn but the matches (and, kept from before, those of task area 2.4).
    await waitForMapIdle(page);
    const matches = new Set(((await (await fetch(`${base}/api/projects/ids?q=${encodeURIComponent('合成项目12')}`)).json()) as { ids: string[] }).ids);
    const drawn = await renderedIds(page, PROJECT_LAYERS);
    expect(drawn.filter((id) => !matches.has(id))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("lets the plan's own dashboard take its mode from the page: no counts asked before the projects", async () => {
    const plan = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const p = await plan.newPage();
    const asked: string[] = [];
    p.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await p.goto(`${inject('baseUrl')}/?c=117,39.5,6`);
    await expect.poll(() => p.evaluate(() => window.__atlasMap?.getSource('projects')?.type ?? null), { timeout: 60_000 }).toBe('geojson');
    await p.getByTestId('result-count').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    expect(asked).toContain('/api/projects');
    expect(asked.filter((a) => a.startsWith('/api/projects/counts'))).toEqual([]);
    await plan.close();
  });
});
