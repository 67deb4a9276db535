/**
 * Search as a planner types it, in real Chromium against the real server: an exact name flies to
 * that place, a query that finds nothing says so and suggests names, a city name offers a flight.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { distanceKm } from '#shared/coverage.ts';
import { api, hasBrowser, idsOf, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

/** The map's centre, and its distance in km from a point. */
const centre = (s: Session) => s.page.evaluate(() => window.__atlasMap!.getCenter().toArray());
const kmFrom = async (s: Session, [lon, lat]: [number, number]) => distanceKm({ type: 'Point', coordinates: await centre(s) }, lon, lat);

async function search(s: Session, q: string) {
  await s.page.getByRole('searchbox').fill(q);
  await s.page.getByRole('button', { name: '搜索', exact: true }).click();
}

describe.skipIf(!hasBrowser())('search', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    expect(s?.errors ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('天津港 flies to the port, not to the corridor whose name holds 天津港口', async () => {
    // The corridor runs from Erenhot: framing both would centre the map in Inner Mongolia.
    expect(idsOf(await api(`/api/projects?q=${encodeURIComponent('天津港')}`))).toEqual(['tianjin-port', 'erenhot-tianjin-port-railway']);
    s = await openApp('/?c=112,42,4');
    await waitForMapIdle(s.page);
    await search(s, '天津港');
    await s.page.waitForFunction(() => window.__atlasMap!.getZoom() > 8 && !window.__atlasMap!.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(s.page);
    expect(await kmFrom(s, [117.7, 38.98333])).toBeLessThan(20);
    // The camera is in the URL too, so the link shows the port.
    const [lon, lat] = new URL(s.page.url()).searchParams.get('c')!.split(',').map(Number) as [number, number];
    expect(distanceKm({ type: 'Point', coordinates: [117.7, 38.98333] }, lon, lat)).toBeLessThan(20);
    await screenshot(s.page, 'search-exact-name');
  });

  it('a query that finds nothing says so and suggests the closest names', async () => {
    expect(idsOf(await api(`/api/projects?q=${encodeURIComponent('天津新港')}`))).toEqual([]);
    s = await openApp('/?c=117.5,39.5,6');
    await waitForMapIdle(s.page);
    await search(s, '天津新港');
    const results = s.page.getByTestId('search-results');
    await expect.poll(() => results.textContent()).toContain('没有找到与“天津新港”匹配的项目');
    const suggestions = s.page.getByTestId('search-suggestions').getByRole('button');
    await expect.poll(() => suggestions.allTextContents()).toContain('天津港');
    expect((await suggestions.allTextContents()).length).toBeLessThanOrEqual(3);
    await screenshot(s.page, 'search-no-result');
    // Taking the suggestion searches it, and the exact name flies to the port.
    await suggestions.filter({ hasText: /^天津港$/ }).click();
    await expect.poll(() => s!.page.getByRole('searchbox').inputValue()).toBe('天津港');
    await expect.poll(() => s!.page.getByTestId('result-count').textContent()).toContain('2');
    await s.page.waitForFunction(() => window.__atlasMap!.getZoom() > 8 && !window.__atlasMap!.isMoving(), null, { timeout: 20_000 });
    expect(await kmFrom(s, [117.7, 38.98333])).toBeLessThan(20);
  });

  it('a typo in pinyin still suggests the name (邮轮母港: youlunmugang)', async () => {
    expect(idsOf(await api('/api/projects?q=youlunmogang'))).toEqual([]);
    s = await openApp('/?c=117.5,39.5,6');
    await waitForMapIdle(s.page);
    await search(s, 'youlunmogang');
    await expect.poll(() => s!.page.getByTestId('search-suggestions').getByRole('button').allTextContents(), { timeout: 20_000 }).toContain('邮轮母港');
  });

  it('a city name offers a flight there, and the projects stay unfiltered', async () => {
    const cities = (await (await fetch(`${inject('baseUrl')}/basemap/cities.geojson`)).json()) as {
      features: { geometry: { coordinates: [number, number] }; properties: { name_zh: string } }[];
    };
    const tangshan = cities.features.find((f) => f.properties.name_zh === '唐山')!.geometry.coordinates;
    const all = (await api('/api/projects')).features.length;
    s = await openApp('/?c=112,42,4');
    await waitForMapIdle(s.page);
    await search(s, '唐山');
    const fly = s.page.getByRole('button', { name: '飞到 唐山' });
    await fly.waitFor();
    // No project bears the name: the box says so, and still offers the city.
    await expect.poll(() => s!.page.getByTestId('search-results').textContent()).toContain('没有找到与“唐山”匹配的项目');
    await screenshot(s.page, 'search-city-offer');
    await fly.click();
    await s.page.waitForFunction(() => window.__atlasMap!.getZoom() > 8 && !window.__atlasMap!.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(s.page);
    expect(await kmFrom(s, tangshan)).toBeLessThan(20);
    expect(new URL(s.page.url()).searchParams.get('q')).toBeNull();
    await expect.poll(() => s!.page.getByTestId('result-count').textContent()).toContain(String(all));
    await screenshot(s.page, 'search-city-flown');
  });

  it('in English: says nothing matched, offers the city', async () => {
    s = await openApp('/?lang=en&c=117.5,39.5,6');
    await waitForMapIdle(s.page);
    await s.page.getByRole('searchbox').fill('Hengshui');
    await s.page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = s.page.getByTestId('search-results');
    await expect.poll(() => results.textContent()).toContain('No project matches “Hengshui”.');
    expect(await s.page.getByRole('button', { name: 'Fly to Hengshui' }).count()).toBe(1);
    // The city's own name: no "did you mean" of look-alike project names.
    expect(await s.page.getByTestId('search-suggestions').count()).toBe(0);
    await screenshot(s.page, 'search-no-result-en');
  });

  it('English words in any order find the port and fly to it', async () => {
    s = await openApp('/?c=112,42,4');
    await waitForMapIdle(s.page);
    await search(s, 'tianjin port');
    await s.page.waitForFunction(() => window.__atlasMap!.getZoom() > 8 && !window.__atlasMap!.isMoving(), null, { timeout: 20_000 });
    expect(await kmFrom(s, [117.7, 38.98333])).toBeLessThan(20);
  });
});
