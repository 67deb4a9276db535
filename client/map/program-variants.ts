/**
 * Fewer shader programs for the first map. MapLibre compiles one WebGL program per layer type and
 * per way each paint property is bound: a constant (or a zoom-only curve) becomes a uniform, a
 * value that depends on the feature a vertex attribute, and the two make different programs. In
 * software-rendered Chromium (SwiftShader) each program costs tens of milliseconds of compiling
 * before the map can draw. So every layer of a type binds its colours and widths the same way: the
 * project layers colour by category (per feature), and the basemap's constant colours and widths
 * are given per feature too, with the same value for every feature (tests/bench/first-map.ts
 * counts the programs: BENCH_PROGRAMS=1).
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * A value that is the same for every feature, in a form MapLibre binds per feature (it reads
 * the feature, so it is not folded into a constant).
 */
export const perFeature = (value: string | number): ExpressionSpecification => ['case', ['has', '_'], value, value];

/**
 * A zoom curve with the same value for every feature at each zoom, bound per feature as a
 * zoom-and-feature curve (as the project lines' widths by category are): [zoom, value] pairs,
 * or one value at every zoom.
 */
export function perFeatureCurve(stops: [number, number][] | number): ExpressionSpecification {
  const pairs: [number, number][] = typeof stops === 'number' ? [[0, stops], [24, stops]] : stops;
  return ['interpolate', ['linear'], ['zoom'], ...pairs.flatMap(([z, v]) => [z, perFeature(v)])] as unknown as ExpressionSpecification;
}

/** A #rrggbb colour with an alpha, as MapLibre reads it: the opacity goes into the colour. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}
