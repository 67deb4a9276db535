/** How much of the screen the map gets, for the layout tests at phone, laptop and projector sizes. */
import type { Page } from 'playwright-core';

/** Sideways overflow, and the share of the screen where the map is seen (not under a sheet). */
export function mapShare(page: Page) {
  return page.evaluate(() => {
    const m = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
    const top = Math.max(m.top, 0);
    let bottom = Math.min(m.bottom, window.innerHeight);
    for (const sel of ['.side', '.detail']) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      // a sheet across the map's whole width hides the map below its top edge
      if (r.height > 0 && r.left <= m.left + 1 && r.right >= m.right - 1 && r.top < bottom && r.bottom > top) bottom = Math.min(bottom, r.top);
    }
    return {
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      width: m.width / window.innerWidth,
      height: Math.max(0, bottom - top) / window.innerHeight,
    };
  });
}
