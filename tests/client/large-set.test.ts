/** What a large set's map says of its thinned overview (client/state/large-set-data.tsx sampleAt). */
import { describe, expect, it } from 'vitest';
import { sampleAt } from '../../client/state/large-set-data.tsx';

// The TileJSON's `thinned` at 100k synthetic projects (BENCHMARKS.md): 2% to zoom 5, 5% at 6, 20% at 7.
const THINNED = [0, 1, 2, 3, 4, 5].map((zoom) => ({ zoom, fraction: 0.02 })).concat([{ zoom: 6, fraction: 0.05 }, { zoom: 7, fraction: 0.2 }]);

describe('sampleAt', () => {
  it('gives the share of the whole zoom a map zoom draws, and the first zoom drawing all', () => {
    expect(sampleAt(THINNED, 6.2)).toEqual({ percent: 5, fullZoom: 8 });
    expect(sampleAt(THINNED, 7.99)).toEqual({ percent: 20, fullZoom: 8 });
    expect(sampleAt(THINNED, 5)).toEqual({ percent: 2, fullZoom: 8 });
  });

  it('says nothing where every project is drawn, or for a set never thinned', () => {
    expect(sampleAt(THINNED, 8)).toBeNull();
    expect(sampleAt(THINNED, 12.5)).toBeNull();
    expect(sampleAt([], 3)).toBeNull();
    expect(sampleAt([{ zoom: 4, fraction: 1 }], 4.5)).toBeNull();
  });

  it('never rounds a small sample down to 0%', () => {
    expect(sampleAt([{ zoom: 3, fraction: 0.001 }], 3.4)).toEqual({ percent: 1, fullZoom: 4 });
  });
});
