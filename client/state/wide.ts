/**
 * Projects that cover a whole region or a large area: too big to label at a point, and listed after
 * the concrete places in a "what is near here" answer (everything is 0 km from them).
 */
export const WIDE_AREA_KM2 = 5000;

export const isWide = (p: { precision: string; category: string; area_km2: number | null }) =>
  p.precision === 'region' || p.category === 'sea-basin' || (p.area_km2 ?? 0) >= WIDE_AREA_KM2;
