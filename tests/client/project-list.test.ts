/** The project list draws a page of rows, and a page more each time the reader nears the end. */
import { describe, expect, it } from 'vitest';
import { LIST_PAGE, rowsToDraw } from '../../client/panels/project-list.tsx';

describe('rowsToDraw (the list draws what is on screen)', () => {
  it('draws the whole plan list at once (under a page)', () => {
    expect(rowsToDraw(83, 0, false)).toBe(83);
    expect(rowsToDraw(83, 83, true)).toBe(83);
  });

  it('draws one page of a large set, and a page more near the end, up to the last row', () => {
    expect(rowsToDraw(10_000, 0, false)).toBe(LIST_PAGE);
    expect(rowsToDraw(10_000, LIST_PAGE, true)).toBe(2 * LIST_PAGE);
    expect(rowsToDraw(10_000, 9_900, true)).toBe(10_000);
  });

  it('keeps what is drawn while the end is out of sight', () => {
    expect(rowsToDraw(10_000, 3 * LIST_PAGE, false)).toBe(3 * LIST_PAGE);
  });
});
