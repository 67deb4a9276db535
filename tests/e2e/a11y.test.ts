/**
 * Label in name (WCAG 2.5.3): a button that shows words is spoken, and voice-controlled, by those
 * words. Every visible button of the dashboard, in Chinese and in English, with a project open and
 * in every side tab: if it has an aria-label (or aria-labelledby), that name contains the text it
 * shows. Buttons that show only a symbol (×, ←, ▶) have no words to keep and are not checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, openApp, screenshot, waitForMapIdle, type Session } from './browser.ts';

type Found = { text: string; name: string | null };

/** Every visible button: the text it shows (not text hidden for screen readers) and its explicit name. */
function visibleButtons(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const textOf = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Text clipped into a 1 px box (.sr-only) is for screen readers, not seen.
        const range = document.createRange();
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.width > 1 && r.height > 1 && n.parentElement && shown(n.parentElement)) text += n.textContent;
      }
      return text;
    };
    return [...document.querySelectorAll('button, [role=button], [role=tab], [role=menuitem], summary, a.button')].filter(shown).map((b) => {
      const labelledBy = b.getAttribute('aria-labelledby');
      const name = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : b.getAttribute('aria-label');
      return { text: textOf(b), name };
    });
  });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** Words or numbers, not a lone symbol. */
const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);

/** The buttons whose explicit name leaves out the words they show. */
function labelNotInName(found: Found[]): Found[] {
  return found.filter((b) => b.name !== null && hasWords(b.text) && !norm(b.name).includes(norm(b.text)));
}

describe('labelNotInName', () => {
  it('flags a name without the visible words, passes symbols and unnamed buttons', () => {
    const bad = { text: 'English', name: '切换到英文' };
    expect(labelNotInName([bad, { text: 'English (切换到英文)', name: null }, { text: '×', name: '关闭' }, { text: ' Zoom  in', name: 'zoom in the map' }])).toEqual([bad]);
  });
});

describe.skipIf(!hasBrowser())('every button says what it shows', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.errors ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`in ${lang === 'zh' ? 'Chinese' : 'English'}: with a project open and in every side tab`, async () => {
      s = await openApp(`/?lang=${lang}&node=2.1&sel=tianjin-port&c=117.6,39.3,6.2`, { width: 1440, height: 900 });
      const page = s.page;
      await page.getByTestId('detail').locator('h2').waitFor();
      await waitForMapIdle(page);
      const seen: Found[] = [...(await visibleButtons(page))];
      // Each side tab, with what shows that it has drawn its content.
      const tabs = [
        ['list', '.project-list tbody tr'],
        ['stats', '[data-testid=coverage]'],
        ['plan', '.plan-view .plan-actions button'],
        ['views', '[data-testid=views-panel]'],
      ] as const;
      for (const [tab, ready] of tabs) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(ready).first().waitFor();
        seen.push(...(await visibleButtons(page)));
      }
      // The picture dialog and the sign-in form open over the page.
      await page.locator('.export-image').click();
      await page.locator('.image-dialog').waitFor();
      await page.locator('.sign-in > button').click();
      await page.locator('.sign-in-form').waitFor();
      seen.push(...(await visibleButtons(page)));
      await screenshot(page, `a11y-buttons-${lang}`);

      // The walk saw the page's buttons with words, the language switch among them.
      const worded = seen.filter((b) => hasWords(b.text));
      expect(worded.length).toBeGreaterThan(30);
      expect(worded.map((b) => norm(b.text))).toContainEqual(expect.stringContaining(lang === 'zh' ? 'english' : '中文'));
      const offenders = labelNotInName(seen).map((b) => `“${b.text.trim()}” named “${b.name}”`);
      expect([...new Set(offenders)]).toEqual([]);
    });
  }
});
