/**
 * Projects that cover a whole region or a large area (programme regions, sea areas, basins): too big
 * to label at a point, listed after the concrete places in a "what is near here" answer (everything
 * is 0 km from them), and never summed as land in the coverage figures (their km² would add up to
 * more than a province holds).
 */
export const WIDE_AREA_KM2 = 5000;

export const isWide = (p: { precision: string; category: string; area_km2: number | null }) =>
  p.precision === 'region' || p.category === 'sea-basin' || (p.area_km2 ?? 0) >= WIDE_AREA_KM2;

/** Nearest first, as a "what is near here" list reads: the concrete places in their order, then the wide ones in theirs. */
export const concreteFirst = <T>(rows: readonly T[], wide: (row: T) => boolean): T[] => [...rows.filter((r) => !wide(r)), ...rows.filter(wide)];
