/** The thin slice: geodata -> database -> /api/projects -> the MapLibre map, offline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, openApp, renderedIds, screenshot, waitForMapIdle, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('the map', () => {
  let s: Session;
  beforeAll(async () => {
    // Over Tianjin's coast at zoom 9: the port and its Chinese label must be drawn.
    s = await openApp('/?c=117.6,39.0,9');
    await waitForMapIdle(s.page);
  });
  afterAll(() => s?.close());

  it('draws Tianjin port and its Chinese label', async () => {
    await screenshot(s.page, 'map-tianjin-port');
    expect(await renderedIds(s.page, ['projects-point'])).toContain('tianjin-port');
    const labels = await s.page.evaluate(() =>
      window.__atlasMap!.queryRenderedFeatures({ layers: ['projects-label'] }).map((f) => f.properties.name_zh as string),
    );
    expect(labels).toContain('天津港');
  });

  it('loads nothing from another host and logs no errors', () => {
    expect(s.external).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
