/** Camera fits leave room for the panels over the map: padding measured from their boxes. */
import { describe, expect, it } from 'vitest';
import { coverPadding } from '../../client/map/fit.ts';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height });
const map = box(0, 80, 1000, 600);

describe('coverPadding', () => {
  it('keeps a margin when nothing covers the map, and ignores panels beside it', () => {
    expect(coverPadding(map, [box(-320, 80, 320, 600), box(1000, 80, 360, 600)])).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
  });

  it('pushes the left side past an open legend column', () => {
    const legend = box(10, 90, 250, 450);
    expect(coverPadding(map, [legend]).left).toBe(260 + 20);
  });

  it('pushes the bottom above a phone sheet across the whole width', () => {
    const phone = box(0, 80, 390, 700);
    const sheet = box(0, 480, 390, 300);
    const pad = coverPadding(phone, [sheet]);
    expect(pad.bottom).toBe(780 - 480 + 20);
    expect(pad.left).toBe(40);
  });

  it('always leaves a third of the map free', () => {
    const pad = coverPadding(map, [box(0, 80, 500, 600), box(520, 80, 480, 600)]);
    expect((pad.left ?? 0) + (pad.right ?? 0)).toBeLessThanOrEqual((map.width * 2) / 3 + 1);
  });
});
