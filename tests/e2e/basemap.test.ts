/**
 * The offline basemap in the browser: land and sea, the plan's seven provinces, city labels drawn in
 * Chinese and in Latin script with local fonts, the reclaimed coast at Tianjin port, and no request
 * to any other host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

const PLAN_PROVINCES = ['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong'];

/** Features of a basemap layer under a lon/lat. */
const layerAt = (page: Page, layer: string, lngLat: [number, number]) =>
  page.evaluate(
    ([layer, ll]) => {
      const map = window.__atlasMap!;
      return map.queryRenderedFeatures(map.project(ll), { layers: [layer] }).map((f) => f.properties);
    },
    [layer, lngLat] as const,
  );

/**
 * Whether hiding a layer changes the pixels around a place: proof that its text was drawn. The
 * layer stays hidden (each test ends with this check; showing it again would draw the map once
 * more for nothing).
 */
async function drawsPixels(s: Session, layer: string, lngLat: [number, number]) {
  const { x, y } = await s.page.evaluate((ll) => window.__atlasMap!.project(ll), lngLat);
  const box = (await s.page.locator('[data-testid=map]').boundingBox())!;
  const clip = { x: box.x + x - 70, y: box.y + y - 4, width: 140, height: 52 };
  const shown = await s.page.screenshot({ clip });
  await s.page.evaluate((l) => window.__atlasMap!.setLayoutProperty(l, 'visibility', 'none'), layer);
  await waitForMapIdle(s.page);
  const hidden = await s.page.screenshot({ clip });
  return !shown.equals(hidden);
}

describe.skipIf(!hasBrowser())('the offline basemap', () => {
  let s: Session | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('draws land, sea and the seven plan provinces, with nothing from another host', async () => {
    s = await openApp('/?c=115.5,40.5,4.6');
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'basemap-region');
    expect(await layerAt(s.page, 'base-land', [116.4, 39.9])).not.toEqual([]); // Beijing: land
    expect(await layerAt(s.page, 'base-land', [120.0, 39.0])).toEqual([]); // the middle of the Bohai: sea
    const provinces = await s.page.evaluate(() =>
      window.__atlasMap!.queryRenderedFeatures({ layers: ['base-provinces-fill'] }).map((f) => f.properties as { id: string; plan: boolean }),
    );
    for (const id of PLAN_PROVINCES) expect(provinces.find((p) => p.id === id)?.plan, id).toBe(true);
    expect(s.external).toEqual([]);
    expect(s.errors).toEqual([]);
    const style = await s.page.evaluate(() => window.__atlasMap!.getStyle());
    expect(style.glyphs).toBeUndefined();
  });

  it('draws city labels in Chinese with the local CJK font', async () => {
    s = await openApp('/?c=116.8,39.6,6.5');
    await waitForMapIdle(s.page);
    const labels = await s.page.evaluate(() =>
      window.__atlasMap!.queryRenderedFeatures({ layers: ['base-city-labels-major', 'base-city-labels'] }).map((f) => f.properties.name_zh as string),
    );
    expect(labels).toContain('北京');
    // Chinese only, so the pixels prove CJK glyphs were drawn.
    await s.page.evaluate(() => window.__atlasMap!.setLayoutProperty('base-city-labels-major', 'text-field', ['get', 'name_zh']));
    await waitForMapIdle(s.page);
    expect(await drawsPixels(s, 'base-city-labels-major', [116.3972, 39.9075])).toBe(true);
  });

  it('draws city labels in Latin script too', async () => {
    s = await openApp('/?lang=en&c=116.8,39.6,6.5');
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'basemap-english');
    const field = await s.page.evaluate(() => window.__atlasMap!.getLayoutProperty('base-city-labels-major', 'text-field'));
    expect(JSON.stringify(field)).toContain('name_en');
    expect(JSON.stringify(field)).not.toContain('name_zh');
    expect(await drawsPixels(s, 'base-city-labels-major', [116.3972, 39.9075])).toBe(true);
  });

  it('puts Tianjin port and Caofeidian on land at zoom 9', async () => {
    s = await openApp('/?c=118.1,39.0,9');
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'basemap-tianjin-port-z9');
    expect(await layerAt(s.page, 'base-land', [117.78, 38.98])).not.toEqual([]); // Xingang, on reclaimed land
    expect(await layerAt(s.page, 'base-land', [118.46, 39.0])).not.toEqual([]); // Caofeidian, reclaimed
    expect(await layerAt(s.page, 'base-land', [118.0, 38.9])).toEqual([]); // Bohai Bay, open water
  });
});
