/**
 * The statistics tab read as a planner would before a meeting: every province row agrees with
 * /api/stats/coverage, the corridor km of a line through three provinces show in all three, the
 * km² of sites never exceed a province's land, and the table says what each column is.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

type Coverage = { kmByProvince: Record<string, number>; km2ByProvince: Record<string, number>; regionsByProvince: Record<string, number>; byProvince: Record<string, number> };

describe.skipIf(!hasBrowser())('statistics tab', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('shows per-province figures that match the API, explained in sentences', async () => {
    s = await openApp('/?panel=stats&node=2.1', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    const table = s.page.getByTestId('coverage');
    await expect.poll(() => table.locator('tr[data-province]').count()).toBeGreaterThan(5);
    const c = (await (await fetch(`${inject('baseUrl')}/api/stats/coverage?node=2.1`)).json()) as Coverage;
    for (const province of ['beijing', 'tianjin', 'hebei']) {
      const cells = await table.locator(`tr[data-province="${province}"] td`).allTextContents();
      expect(cells[0], `${province} projects`).toBe(String(c.byProvince[province] ?? 0));
      expect(cells[1], `${province} km`).toBe(Math.round(c.kmByProvince[province] ?? 0).toLocaleString('zh-CN'));
      expect(c.kmByProvince[province] ?? 0, `${province} has corridor km`).toBeGreaterThan(0);
    }
    // The regions column counts; it never turns programme regions into km².
    expect(Object.keys(c.km2ByProvince).every((p) => (c.km2ByProvince[p] ?? 0) < 200_000)).toBe(true);
    const definitions = await s.page.getByTestId('coverage-definitions').textContent();
    expect(definitions).toContain('省界处切分');
    expect(definitions).toContain('不加总');
    await screenshot(s.page, 'statistics-tab');
  });
});
