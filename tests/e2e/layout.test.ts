/** Readable on a laptop and a 1080p projector; usable from the keyboard. */
import { afterEach, describe, expect, it } from 'vitest';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

describe.skipIf(!hasBrowser())('layout and keyboard', () => {
  let s: Session | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('keeps every panel inside a 1280x720 screen with a project open', async () => {
    s = await openApp('/?sel=tianjin-port&c=117.6,39.0,8', { width: 1280, height: 720 });
    await s.page.getByTestId('detail').locator('h2').waitFor();
    await waitForMapIdle(s.page);
    const overflow = await s.page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
      map: document.querySelector('[data-testid=map]')!.getBoundingClientRect().width,
    }));
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.y).toBeLessThanOrEqual(0);
    expect(overflow.map).toBeGreaterThan(400);
  });

  it('reads on a 1080p projector in the high-contrast theme', async () => {
    s = await openApp('/?theme=contrast&c=116.5,40.2,6', { width: 1920, height: 1080 });
    await waitForMapIdle(s.page);
    await screenshot(s.page, 'projector-contrast-1080p');
    const bg = await s.page.evaluate(() => getComputedStyle(document.querySelector('.app')!).backgroundColor);
    expect(bg).toBe('rgb(0, 0, 0)');
    const fontSize = await s.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')!).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
  });

  it('filters from the keyboard alone', async () => {
    s = await openApp('/?c=117,40,5');
    await waitForMapIdle(s.page);
    const box = s.page.locator('[data-filter=node] input[value="2.5"]');
    await box.focus();
    await s.page.keyboard.press('Space');
    await expect.poll(() => s!.page.url()).toContain('node=2.5');
    // Every control in the side panel has an accessible name.
    const unnamed = await s.page.evaluate(() =>
      [...document.querySelectorAll('.side input, .side select, .side button')].filter((el) => {
        const label = el.closest('label')?.textContent?.trim() || el.getAttribute('aria-label') || el.textContent?.trim();
        return !label;
      }).length,
    );
    expect(unnamed).toBe(0);
  });
});

describe.skipIf(!hasBrowser())('the README screenshot', () => {
  it('shows the transport task area with a project open (copy tests/output/readme-dashboard.png to tests/e2e/dashboard.png)', async () => {
    const s = await openApp('/?node=2.1&sel=tianjin-port&c=116.9,39.75,6.4', { width: 1600, height: 900 });
    try {
      await s.page.getByTestId('detail').locator('h2').waitFor();
      await waitForMapIdle(s.page);
      await screenshot(s.page, 'readme-dashboard');
      expect(s.external).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
