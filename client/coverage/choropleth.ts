/**
 * The coverage choropleth as style data: the basemap's province polygons (vector source-layer
 * `provinces`, property `id`, see basemap-style.ts) filled by class with a match expression
 * on the id. It sits under the projects, so they stay on top. Only the provinces and countries the
 * coverage figures can name (PROVINCE_IDS) are filled; the rest of the basemap stays as it is.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { PROVINCE_IDS } from '#shared/taxonomy.ts';
import { tiled } from '../map/basemap-style.ts';
import type { Classes } from './class-breaks.ts';

export const COVERAGE_FILL = 'coverage-fill';
export const COVERAGE_OUTLINE = 'coverage-outline';

/** Fill of the "none" class (no figure under the current filter). */
export const NONE_COLOR = '#fbfbf9';
/**
 * Sequential purples (ColorBrewer Purples, colour-blind safe), light to dark by class count: cool
 * and quiet under the warm basemap, unlike the sea's blue, and the projects' white casings keep
 * them apart from it.
 */
const RAMPS: Record<number, string[]> = {
  1: ['#9e9ac8'],
  2: ['#cbc9e2', '#756bb1'],
  3: ['#dadaeb', '#9e9ac8', '#6a51a3'],
  4: ['#dadaeb', '#bcbddc', '#9e9ac8', '#6a51a3'],
  5: ['#efedf5', '#dadaeb', '#bcbddc', '#9e9ac8', '#6a51a3'],
};
export const MAX_CLASSES = 5;

/** The colour of each class of a classification, lowest first. */
export const classColors = (n: number): string[] => RAMPS[Math.min(Math.max(n, 1), MAX_CLASSES)]!.slice(0, n);

const inDomain: FilterSpecification = ['in', ['get', 'id'], ['literal', PROVINCE_IDS]];

/** The choropleth's fill colour: each class's provinces in its colour, the rest "none". */
export function choroplethColor(c: Classes): ExpressionSpecification {
  const colors = classColors(c.classes.length);
  const pairs = c.classes.flatMap((k, i) => [k.ids, colors[i]!]);
  if (!pairs.length) return ['to-color', NONE_COLOR];
  return ['match', ['get', 'id'], ...pairs, NONE_COLOR] as unknown as ExpressionSpecification;
}

/** Outline width: the provinces the view is filtered by stand out. */
export const choroplethOutlineWidth = (provinces: readonly string[]): ExpressionSpecification | number =>
  provinces.length ? ['match', ['get', 'id'], [...provinces], 3.2, 0.9] : 0.9;

/** The layers, hidden until a measure is chosen (map-view shows them and sets the colours). */
export function choroplethLayers(theme: 'light' | 'contrast'): LayerSpecification[] {
  return [
    {
      id: COVERAGE_FILL,
      type: 'fill',
      ...tiled('provinces'),
      filter: inDomain,
      layout: { visibility: 'none' },
      paint: { 'fill-color': NONE_COLOR, 'fill-opacity': 0.88 },
    },
    {
      id: COVERAGE_OUTLINE,
      type: 'line',
      ...tiled('provinces'),
      filter: inDomain,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': theme === 'contrast' ? '#000000' : '#5c5648', 'line-width': 0.9, 'line-opacity': 0.8 },
    },
  ];
}
