/**
 * The coverage views in Chromium against the real server: the choropleth's classes (legend and the
 * map's own paint) agree with /api/stats/coverage for the same filter, a click on a province filters
 * by it, the projects can be coloured by status, and the timeline shows the statuses of a past day.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PROVINCE_IDS, PROVINCES, STATUSES } from '#shared/taxonomy.ts';
import { statusAsOf, type StatusEvent } from '../../client/coverage/status-as-of.ts';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

const base = () => inject('baseUrl');
const get = async <T>(path: string) => (await (await fetch(`${base()}${path}`)).json()) as T;
type Coverage = Record<'byProvince' | 'kmByProvince' | 'km2ByProvince' | 'measuresByPartner' | 'byStatus', Record<string, number>> & { total: number };
type LegendRow = { cls: string; min: number; max: number; ids: string[]; color: string };

/** The legend's classes once it has the answer for the current view. */
async function legendRows(s: Session): Promise<LegendRow[]> {
  const legend = s.page.getByTestId('coverage-legend');
  await expect.poll(() => legend.getAttribute('data-pending')).toBe('false');
  return legend.locator('li[data-class]').evaluateAll((lis) =>
    lis.map((li) => {
      const d = (li as HTMLElement).dataset;
      return { cls: d.class!, min: Number(d.min), max: Number(d.max), ids: d.ids ? d.ids.split(',') : [], color: d.color! };
    }),
  );
}

/** The map's own fill colour of each province (the match expression the layer draws with). */
async function paintedColours(s: Session): Promise<Record<string, string>> {
  return s.page.evaluate((ids) => {
    const map = window.__atlasMap!;
    if (map.getLayoutProperty('coverage-fill', 'visibility') !== 'visible') return {};
    const e = map.getPaintProperty('coverage-fill', 'fill-color') as unknown[];
    const out: Record<string, string> = {};
    for (const id of ids) {
      if (e[0] !== 'match') {
        out[id] = String((e as string[])[1]);
        continue;
      }
      let colour = String(e.at(-1));
      for (let i = 2; i < e.length - 1; i += 2) if ((e[i] as string[]).includes(id)) colour = String(e[i + 1]);
      out[id] = colour;
    }
    return out;
  }, PROVINCE_IDS as readonly string[] as string[]);
}

/** Every province is in the one class whose range holds its figure (zero in "none"), in that class's colour. */
async function expectClassesMatch(s: Session, figures: Record<string, number>) {
  const rows = await legendRows(s);
  const painted = await paintedColours(s);
  const none = rows.find((r) => r.cls === 'none')!;
  const classes = rows.filter((r) => r.cls !== 'none');
  expect(classes.length).toBeGreaterThan(1);
  expect(classes.length).toBeLessThanOrEqual(4);
  for (const id of PROVINCE_IDS) {
    const v = figures[id] ?? 0;
    const holders = rows.filter((r) => r.ids.includes(id));
    expect(holders, id).toHaveLength(1);
    const row = holders[0]!;
    if (v === 0) expect(row).toBe(none);
    else expect(v >= row.min && v <= row.max, `${id} ${v} in ${row.min}–${row.max}`).toBe(true);
    expect(painted[id], id).toBe(row.color);
  }
  // The ranges are the figures': each class's ends are figures of its own provinces.
  for (const r of classes) {
    expect(Math.min(...r.ids.map((id) => figures[id]!))).toBe(r.min);
    expect(Math.max(...r.ids.map((id) => figures[id]!))).toBe(r.max);
  }
  return rows;
}

describe.skipIf(!hasBrowser())('coverage map', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    expect(s?.errors ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('classes the provinces as /api/stats/coverage does for each measure; filters by a province clicked or named in the legend, and takes its measure from the statistics tab', { timeout: 180_000 }, async () => {
    s = await openApp('/?node=2.1&coverage=projects&c=114.5,40.5,4.6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    const legend = s.page.getByTestId('coverage-legend');
    expect(await legend.locator('h2').textContent()).toBe('分省项目数（个）');
    const transport = await get<Coverage>('/api/stats/coverage?node=2.1');
    await expectClassesMatch(s, transport.byProvince);
    await screenshot(s.page, 'coverage-projects-transport');

    // Another measure, same filter.
    await s.page.getByTestId('coverage-measure').selectOption('km');
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('km');
    expect(s.page.url()).toContain('coverage=km');
    await expectClassesMatch(s, transport.kmByProvince);
    expect(await legend.locator('h2').textContent()).toBe('分省线路长度（公里）');
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'coverage-km-transport');

    // Back to the number of projects: the view the province clicks below start from (the same
    // link; one page load and one drawn map fewer than opening it again).
    await s.page.getByTestId('coverage-measure').selectOption('projects');
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('projects');
    expect(s.page.url()).toContain('coverage=projects');
    await expect.poll(() => legend.getAttribute('data-pending')).toBe('false');
    await waitForMapIdle(s.page);
    // A click on a province with no project under the cursor filters by it.
    const target = await s.page.evaluate(() => {
      const map = window.__atlasMap!;
      const projectLayers = map.getStyle().layers.filter((l) => l.id.startsWith('projects-') && map.getLayoutProperty(l.id, 'visibility') !== 'none').map((l) => l.id);
      const candidates: [number, number][] = [[112.2, 37.3], [111.5, 38.6], [113.4, 36.4], [116.0, 36.2], [118.0, 36.3], [122.5, 41.5]];
      for (const ll of candidates) {
        const p = map.project(ll);
        const near = map.queryRenderedFeatures([[p.x - 12, p.y - 12], [p.x + 12, p.y + 12]], { layers: projectLayers });
        const province = map.queryRenderedFeatures(p, { layers: ['coverage-fill'] })[0];
        if (!near.length && province) return { x: p.x, y: p.y, id: String(province.properties.id) };
      }
      return null;
    });
    expect(target).not.toBeNull();
    const box = (await s.page.getByTestId('map').boundingBox())!;
    await s.page.mouse.click(box.x + target!.x, box.y + target!.y);
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('province')).toBe(target!.id);
    const zh = PROVINCES[target!.id as keyof typeof PROVINCES].zh;
    await expect.poll(() => legend.locator('.coverage-legend-filter').textContent()).toContain(zh);
    const one = await get<Coverage>(`/api/stats/coverage?node=2.1&province=${target!.id}`);
    await expectClassesMatch(s, one.byProvince);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'coverage-province-clicked');

    // The legend names the provinces of each class; a name is the keyboard's way to the same filter.
    const other = (await legendRows(s)).filter((r) => r.cls !== 'none').flatMap((r) => r.ids).find((p) => p !== target!.id)!;
    const name = legend.locator(`button[data-province="${other}"]`);
    await name.focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('province')).toBe(other);
    await expect.poll(() => legend.locator(`button[data-province="${other}"]`).getAttribute('aria-pressed')).toBe('true');
    await legend.locator(`button[data-province="${other}"]`).click();
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('province')).toBeNull();

    // The statistics tab chooses the same measure, and turns the map off again.
    await s.page.getByRole('tab', { name: '统计' }).click();
    await s.page.locator('.coverage-on-map button[data-measure=km2]').click();
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('km2');
    expect(s.page.url()).toContain('coverage=km2');
    await s.page.locator('.coverage-on-map button[data-measure=km2]').click();
    await expect.poll(() => s!.page.getByTestId('coverage-legend').count()).toBe(0);
    expect(await s.page.evaluate(() => window.__atlasMap!.getLayoutProperty('coverage-fill', 'visibility'))).toBe('none');
  });

  it('colours the projects by status, and the timeline shows the statuses of a past day with the plan goal', async () => {
    // A change recorded today: on the 2025 goal day the project still has its plan status.
    const id = 'tianjin-lng-shandong-gas-pipeline';
    const editor = inject('editor');
    const login = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(editor) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const before = await get<{ properties: { version: number; status: string } }>(`/api/projects/${id}`);
    const edit = await fetch(`${base()}/api/projects/${id}/status`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ status: before.properties.status === 'operation' ? 'suspended' : 'operation', note: '投产', source: 'e2e', version: before.properties.version }),
    });
    expect(edit.status).toBe(200);
    const now = await get<{ properties: { status: string } }>(`/api/projects/${id}`);

    s = await openApp('/?c=116.5,38.8,6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    await s.page.locator('button[data-symbology=status]').click();
    await expect.poll(() => s!.page.url()).toContain('symbology=status');
    await waitForMapIdle(s.page);
    const key = s.page.getByTestId('status-key');
    const counts = async () =>
      Object.fromEntries(await key.locator('li[data-status]').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.status!, Number(li.querySelector('.legend-count')!.textContent)])));
    const all = await get<Coverage>('/api/stats/coverage');
    expect(await counts()).toEqual(all.byStatus);
    const look = await s.page.evaluate(() => {
      const map = window.__atlasMap!;
      return {
        icons: map.getLayoutProperty('projects-point', 'visibility'),
        dots: map.getLayoutProperty('projects-point-status', 'visibility'),
        line: JSON.stringify(map.getPaintProperty('projects-line', 'line-color')),
      };
    });
    expect(look).toMatchObject({ icons: 'none', dots: 'visible' });
    expect(look.line).toContain('["get","status"]');
    await screenshot(s.page, 'status-today');

    // The plan's 2025 goal on the timeline: statuses as of 2025-12-31, the goal quoted verbatim.
    const slider = s.page.getByTestId('time-slider');
    await slider.locator('button[data-goal="2025"]').click();
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('asof')).toBe('2025-12-31');
    expect(await key.locator('h3').textContent()).toBe('2025-12-31 的状态');
    const plan = await get<{ nodes: { id: string; kind: string; year: number | null; text_zh: string }[] }>('/api/plan');
    const goal2025 = plan.nodes.find((n) => n.kind === 'goal' && n.year === 2025)!;
    expect(await slider.getByTestId('goal-text').locator('span').textContent()).toBe(goal2025.text_zh);
    const events = await get<StatusEvent[]>('/api/history/status');
    const then = statusAsOf(events, '2025-12-31');
    expect(then.get(id)).not.toBe(now.properties.status);
    const expected: Record<string, number> = {};
    for (const st of then.values()) expected[st] = (expected[st] ?? 0) + 1;
    expect(await counts()).toEqual(expected);
    const colourOf = async (pid: string) =>
      s!.page.evaluate((pid) => {
        const e = window.__atlasMap!.getPaintProperty('projects-line', 'line-color') as unknown[];
        for (let i = 2; i < e.length - 1; i += 2) if ((e[i] as string[]).includes(pid)) return String(e[i + 1]);
        return String(e.at(-1));
      }, pid);
    expect(await colourOf(id)).toBe(STATUSES[then.get(id)!].color);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'status-2025-goal');

    // The slider moves by a day with the keyboard; "today" brings back today's statuses.
    await slider.locator('input[type=range]').focus();
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('asof')).toBe('2026-01-01');
    await slider.getByRole('button', { name: '今天' }).click();
    await expect.poll(() => new URL(s!.page.url()).searchParams.get('asof')).toBeNull();
    expect(await key.locator('h3').textContent()).toBe('当前状态');
    expect(await counts()).toEqual((await get<Coverage>('/api/stats/coverage')).byStatus);

    // Back to categories: the icons return.
    await s.page.locator('button[data-symbology=category]').click();
    await expect.poll(() => s!.page.evaluate(() => window.__atlasMap!.getLayoutProperty('projects-point', 'visibility'))).toBe('visible');
    expect(await s.page.getByTestId('time-slider').count()).toBe(0);
  });

  for (const mode of ['', '&mode=present', '&lang=en&theme=contrast']) {
    it(`fits the legends, the coverage key and the timeline on a 1280x720 screen without overlap (${mode || 'browse'})`, async () => {
      s = await openApp(`/?coverage=measures&symbology=status&asof=2020-12-31${mode}&c=116,40,4.8`, { width: 1280, height: 720 });
      await waitForMapIdle(s.page);
      await expect.poll(() => s!.page.getByTestId('coverage-legend').getAttribute('data-pending')).toBe('false');
      const boxes = await Promise.all(['section.legend', '[data-testid=coverage-legend]', '[data-testid=time-slider]'].map(async (q) => (await s!.page.locator(q).boundingBox())!));
      const map = (await s.page.getByTestId('map').boundingBox())!;
      for (const [i, a] of boxes.entries()) {
        expect(a.x >= map.x && a.y >= map.y && a.x + a.width <= map.x + map.width + 1 && a.y + a.height <= map.y + map.height + 1, `box ${i} inside the map`).toBe(true);
        for (const b of boxes.slice(i + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `boxes ${i} and ${boxes.indexOf(b)} overlap`).toBe(true);
        }
      }
      if (mode.includes('lang=en')) expect(await s.page.getByTestId('coverage-legend').locator('h2').textContent()).toBe('By province: Plan measures naming it as partner');
      await screenshot(s.page, `coverage-status-1280${mode.replace(/[&=]/g, '-')}`);
    });
  }
});
