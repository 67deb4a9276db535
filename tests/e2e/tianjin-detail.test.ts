/** Zoom 10 over Tianjin: the districts are named and the port basins are water, under the projects. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

const rendered = (s: Session, layer: string, key: string) =>
  s.page.evaluate(
    ([l, k]) => window.__atlasMap!.queryRenderedFeatures({ layers: [l!] }).map((f) => String(f.properties[k!] ?? '')),
    [layer, key],
  );

describe.skipIf(!hasBrowser())('Tianjin at zoom 10', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('/?c=117.55,39.05,10', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
  });
  afterAll(() => s?.close());

  it('names the districts and opens the port basins, while the projects keep their labels', async () => {
    await screenshot(s.page, 'map-tianjin-z10');
    // where a project's label needs the room (滨海新区's seat sits among the free trade zone's
    // projects), the district name gives way: the projects are placed first
    const names = await rendered(s, 'base-district-labels', 'name_zh');
    expect(names).toEqual(expect.arrayContaining(['东丽区', '津南区']));
    expect((await rendered(s, 'base-port-water', 'kind')).length).toBeGreaterThan(0);
    expect(await rendered(s, 'projects-label', 'name_zh')).toContain('天津港');
  });

  it('shows neither below zoom 9', async () => {
    await s.page.evaluate(() => window.__atlasMap!.jumpTo({ zoom: 8.5 }));
    await waitForMapIdle(s.page);
    expect(await rendered(s, 'base-district-labels', 'name_zh')).toEqual([]);
    expect(await rendered(s, 'base-port-water', 'kind')).toEqual([]);
  });

  it('loads nothing from another host and logs no errors', () => {
    expect(s.external).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
