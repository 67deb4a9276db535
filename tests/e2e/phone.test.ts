/**
 * A 390x844 phone: the map first and full width, the panels a bottom sheet, the detail a sheet over
 * the map, no sideways scrolling, and presentation mode usable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';
import { mapShare } from './screen.ts';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasBrowser())('on a phone', () => {
  let s: Session | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  // Also the phone's light first view of layout.test.ts's "the first view at each size".
  it('shows the map first, full width, with the panels folded into a bottom sheet', async () => {
    s = await openApp('/', PHONE);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'first-view-phone-light');
    expect(s.external).toEqual([]);
    const first = await mapShare(s.page);
    expect(first.sideways).toBeLessThanOrEqual(0);
    expect(first.width).toBeGreaterThanOrEqual(0.9);
    expect(first.height).toBeGreaterThanOrEqual(0.4);
    // The legend starts folded on a phone.
    expect(await s.page.locator('.legend.folded').count()).toBe(1);
    // A tab opens the sheet; the fold button folds it again.
    await s.page.getByRole('tab', { name: /列表/ }).click();
    await s.page.locator('.project-list').waitFor();
    const open = await s.page.locator('.side').boundingBox();
    expect(open!.height).toBeLessThanOrEqual(PHONE.height * 0.63);
    expect(open!.y + open!.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await screenshot(s.page, 'phone-sheet-open');
    // the tab row stays whole above a long list
    expect((await s.page.getByRole('tab', { name: /列表/ }).boundingBox())!.height).toBeGreaterThanOrEqual(24);
    expect((await mapShare(s.page)).sideways).toBeLessThanOrEqual(0);
    await s.page.getByTestId('fold').click();
    await expect.poll(() => s!.page.locator('.project-list').isVisible()).toBe(false);
    expect((await mapShare(s.page)).height).toBeGreaterThanOrEqual(0.4);
  });

  it('opens a project as a sheet over the map, which keeps the full width', async () => {
    s = await openApp('/?sel=tianjin-port&c=117.7,39.0,8', PHONE);
    await s.page.getByTestId('detail').locator('h2').waitFor();
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'phone-detail');
    const detail = (await s.page.getByTestId('detail').boundingBox())!;
    expect(detail.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(detail.y + detail.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    const share = await mapShare(s.page);
    expect(share.sideways).toBeLessThanOrEqual(0);
    expect(share.width).toBeGreaterThanOrEqual(0.9);
    expect(share.height).toBeGreaterThanOrEqual(0.3);
  });

  it('presents on a phone: the map fills the screen, nothing scrolls sideways', async () => {
    s = await openApp('/?mode=present', PHONE);
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'phone-present');
    const share = await mapShare(s.page);
    expect(share.sideways).toBeLessThanOrEqual(0);
    expect(share.width).toBeGreaterThanOrEqual(0.9);
    expect(share.height).toBeGreaterThanOrEqual(0.6);
  });
});
