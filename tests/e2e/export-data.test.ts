/** The top bar's data exports: four formats of what the map shows, in the reader's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('data exports', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('offers CSV, XLSX, KML and GeoJSON of the current filter, named with the filter and the date', async () => {
    s = await openApp('/?province=tianjin&category=seaport');
    await waitForMapIdle(s.page);
    const group = s.page.getByRole('group', { name: '导出当前筛选的项目' });
    const links = group.getByRole('link');
    expect(await links.allTextContents()).toEqual(['CSV', 'XLSX', 'KML', 'GeoJSON']);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const q = new URL(href).searchParams;
      expect(q.get('province')).toBe('tianjin');
      expect(q.get('category')).toBe('seaport');
      expect(q.get('lang')).toBe('zh');
    }
    await screenshot(s.page, 'export-data-menu');
    const [download] = await Promise.all([s.page.waitForEvent('download'), group.getByRole('link', { name: 'XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^渤海图集-天津-港口-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await download.failure()).toBeNull();

    // In English, the files speak English too.
    await s.page.getByRole('button', { name: '切换到英文' }).click();
    const en = s.page.getByRole('group', { name: 'Export the filtered projects' }).getByRole('link', { name: 'KML' });
    expect(new URL(await en.evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get('lang')).toBe('en');
    const [kml] = await Promise.all([s.page.waitForEvent('download'), en.click()]);
    expect(kml.suggestedFilename()).toMatch(/^Bohai Atlas-Tianjin-Seaport-\d{4}-\d{2}-\d{2}\.kml$/);
  });
});
