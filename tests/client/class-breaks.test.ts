/** Class breaks of the coverage choropleth: zero apart, natural breaks, no overlapping ranges. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classOf, naturalBreaks } from '../../client/coverage/class-breaks.ts';

describe('naturalBreaks', () => {
  it('splits at the big gaps', () => {
    expect(naturalBreaks([1, 2, 3, 20, 21, 22, 100], 3)).toEqual([0, 3, 6]);
    expect(naturalBreaks([1, 1, 1, 9, 9, 9], 2)).toEqual([0, 3]);
  });

  it('never starts a class between equal values, so fewer distinct values mean fewer classes', () => {
    expect(naturalBreaks([5, 5, 5, 5], 4)).toEqual([0]);
    expect(naturalBreaks([2, 2, 7, 7, 7], 4)).toEqual([0, 2]);
  });

  it('handles no values and one value', () => {
    expect(naturalBreaks([], 3)).toEqual([]);
    expect(naturalBreaks([4], 3)).toEqual([0]);
  });
});

describe('classify', () => {
  it('puts zero and absent values in "none" and the rest in ranged classes', () => {
    const c = classify({ tianjin: 40, hebei: 22, beijing: 20, shandong: 3, liaoning: 2, shanxi: 0 }, ['tianjin', 'hebei', 'beijing', 'shandong', 'liaoning', 'shanxi', 'russia'], 3);
    expect(c.none).toEqual(['shanxi', 'russia']);
    expect(c.classes).toEqual([
      { min: 2, max: 3, ids: ['liaoning', 'shandong'] },
      { min: 20, max: 22, ids: ['beijing', 'hebei'] },
      { min: 40, max: 40, ids: ['tianjin'] },
    ]);
    expect(classOf(c, 'hebei')).toBe(1);
    expect(classOf(c, 'russia')).toBe(-1);
  });

  it('ignores values of ids outside the domain', () => {
    const c = classify({ japan: 9, tianjin: 1 }, ['tianjin']);
    expect(c.classes).toEqual([{ min: 1, max: 1, ids: ['tianjin'] }]);
  });

  it('for any values: every id in exactly one class, classes ordered and apart, at most k, equal values together', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.1, max: 5000, noNaN: true })), { maxLength: 25 }), fc.integer({ min: 1, max: 6 }), (vals, k) => {
        const ids = vals.map((_, i) => `p${i}`);
        const values = Object.fromEntries(ids.map((id, i) => [id, vals[i]!]));
        const c = classify(values, ids, k);
        const placed = [...c.none, ...c.classes.flatMap((x) => x.ids)];
        expect(placed.sort()).toEqual([...ids].sort());
        const distinct = new Set(vals.filter((v) => v > 0)).size;
        expect(c.classes.length).toBe(Math.min(k, distinct));
        for (const id of c.none) expect(values[id]).toBe(0);
        c.classes.forEach((cl, i) => {
          for (const id of cl.ids) expect(values[id]! >= cl.min && values[id]! <= cl.max).toBe(true);
          if (i > 0) expect(cl.min).toBeGreaterThan(c.classes[i - 1]!.max);
        });
      }),
    );
  });
});
