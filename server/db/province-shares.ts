/**
 * The precomputed province shares of the projects (geodata/projects/province-shares.json, made by
 * geodata/build/province-shares.ts). Each entry carries a key of the geometry and the province
 * outlines it was computed from, so a stale entry is recognised and recomputed instead of used.
 */
import { createHash } from 'node:crypto';
import { provinceShares, type ProvinceFeature, type ProvinceShares } from '#shared/coverage.ts';
import type { Geometry } from '#shared/schema.ts';

export const SHARES_FILE = 'province-shares.json';

export type SharesFile = { about: string; projects: Record<string, ProvinceShares & { key: string }> };

/** What an entry was computed from: the geometry and the province outlines (by their hash). */
export const sharesKey = (geometry: Geometry, provincesHash: string) =>
  createHash('sha256').update(JSON.stringify(geometry)).update(provincesHash).digest('hex').slice(0, 16);

/** A project's province shares: the precomputed entry while its inputs are unchanged, else computed now. */
export function sharesOf(
  f: { properties: { id: string }; geometry: Geometry },
  data: { shares: SharesFile['projects']; provincesHash: string; provinces: readonly ProvinceFeature[] },
): ProvinceShares {
  const stored = data.shares[f.properties.id];
  return stored?.key === sharesKey(f.geometry, data.provincesHash) ? stored : provinceShares(f.geometry, data.provinces);
}
