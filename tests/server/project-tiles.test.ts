/** Thinning the low zooms of the project tiles: a stable sample, never more than the budget per tile. */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { sampleRank, THIN_BELOW, thinningFractions, TILE_BUDGET } from '../../server/services/project-tiles.ts';
import { geodata } from '../helpers/test-app.ts';

const point = (id: string, lon: number, lat: number): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id } });

describe('thinningFractions', () => {
  it('thins no zoom of the plan’s own projects', () => {
    expect(thinningFractions(geodata().projects as Feature[])).toEqual(Array(THIN_BELOW).fill(1));
  });

  it('keeps the densest tile of each low zoom within the budget, drawing more as the zoom grows', () => {
    // 20,000 points over about 4° x 4° around Tianjin: one tile at zoom 5, several at 7.
    const features = Array.from({ length: 20_000 }, (_, i) => point(`p${i}`, 115 + ((i * 7919) % 4000) / 1000, 37 + ((i * 104729) % 4000) / 1000));
    const fractions = thinningFractions(features);
    expect(fractions).toHaveLength(THIN_BELOW);
    expect(fractions[0]).toBeCloseTo(TILE_BUDGET / 20_000, 5);
    for (let z = 1; z < THIN_BELOW; z++) expect(fractions[z]!).toBeGreaterThanOrEqual(fractions[z - 1]!);
    expect(fractions[THIN_BELOW - 1]!).toBeGreaterThan(fractions[0]!);
  });
});

describe('sampleRank', () => {
  it('spreads ids evenly and gives an id the same rank every time', () => {
    const ranks = Array.from({ length: 10_000 }, (_, i) => sampleRank(`synthetic-${i}`));
    expect(ranks.filter((r) => r < 0.4).length / ranks.length).toBeCloseTo(0.4, 1);
    expect(ranks.every((r) => r >= 0 && r < 1)).toBe(true);
    expect(sampleRank('tianjin-port')).toBe(sampleRank('tianjin-port'));
  });
});
