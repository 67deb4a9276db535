/**
 * The project layers as typed data. One GeoJSON source, `projects`; each geometry kind gets its
 * layers, coloured by category (shared/taxonomy.ts) and drawn by precision so a schematic route or a
 * whole-region programme never looks like a surveyed alignment: schematic lines are dashed, region
 * areas are pale with a dashed edge, approximate points are hollow, and representative points (a
 * related place standing for the thing: an operator's seat, a county seat) are hollow inside a ring.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES, CATEGORY_IDS } from '#shared/taxonomy.ts';
import type { Lang } from '../i18n/messages.ts';
import { WIDE_AREA_KM2 } from '#shared/wide.ts';

export const PROJECT_SOURCE = 'projects';

export const categoryColor: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORY_IDS.flatMap((id) => [id, CATEGORIES[id].color]),
  '#666666',
] as unknown as ExpressionSpecification;

/**
 * Line width by kind as well as colour, so railways of different kinds stay apart for readers who
 * cannot tell the purples apart: trunk corridors and high-speed lines heavier, freight lighter.
 */
const lineWidth = (base: number): ExpressionSpecification => [
  '*',
  ['match', ['get', 'category'], ['rail-corridor', 'high-speed-rail'], 1.35, ['freight-rail', 'power-corridor'], 0.8, 1],
  base,
];
const zoomed = (lo: number, hi: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 4, lineWidth(lo), 10, lineWidth(hi)];

const isPoint: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
const isLine: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const isArea: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const precisionIs = (p: string): ExpressionSpecification => ['==', ['get', 'precision'], p];
const not = (f: ExpressionSpecification): ExpressionSpecification => ['!', f];

/** Each project layer with the geometry filter it always keeps; the user's filter is ANDed on. */
type ProjectLayer = LayerSpecification & { source: typeof PROJECT_SOURCE };

export function projectLayers(lang: Lang, theme: 'light' | 'contrast'): ProjectLayer[] {
  // The basemap's land is pale in both themes: dark text on a white halo reads best on it; the
  // projector theme makes project text bigger instead.
  const halo = '#ffffff';
  const text = theme === 'contrast' ? '#000000' : '#1a1a1a';
  const textScale = theme === 'contrast' ? 1.25 : 1;
  const name: ExpressionSpecification =
    lang === 'zh' ? ['get', 'name_zh'] : ['get', 'name_en'];
  return [
    {
      id: 'projects-area-fill',
      type: 'fill',
      source: PROJECT_SOURCE,
      filter: isArea,
      paint: {
        'fill-color': categoryColor,
        // Whole-region programmes and large areas overlap a lot: the bigger, the fainter, so the
        // land and the smaller places stay readable.
        'fill-opacity': [
          'case',
          ['==', ['get', 'precision'], 'region'],
          0.05,
          ['interpolate', ['linear'], ['coalesce', ['get', 'area_km2'], 0], 0, 0.35, 2000, 0.2, 20000, 0.06],
        ],
      },
    },
    {
      id: 'projects-area-outline',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isArea, not(precisionIs('region'))],
      paint: { 'line-color': categoryColor, 'line-width': 1.5 },
    },
    {
      id: 'projects-area-outline-region',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isArea, precisionIs('region')],
      paint: { 'line-color': categoryColor, 'line-width': 1.2, 'line-dasharray': [3, 2], 'line-opacity': 0.8 },
    },
    {
      id: 'projects-line-casing',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: isLine,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': halo, 'line-width': zoomed(4, 7), 'line-opacity': 0.8 },
    },
    {
      id: 'projects-line',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isLine, not(precisionIs('schematic'))],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': categoryColor, 'line-width': zoomed(2.5, 4.5) },
    },
    {
      id: 'projects-line-schematic',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isLine, precisionIs('schematic')],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': categoryColor,
        'line-width': zoomed(2.5, 4.5),
        'line-dasharray': [2, 1.5],
      },
    },
    {
      // A ring around the hollow symbol: this point only stands for the place (precision 'representative').
      id: 'projects-point-representative',
      type: 'circle',
      source: PROJECT_SOURCE,
      filter: ['all', isPoint, precisionIs('representative')],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 12, 10, 16],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': categoryColor,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.9,
      },
    },
    {
      id: 'projects-point',
      type: 'symbol',
      source: PROJECT_SOURCE,
      filter: isPoint,
      layout: {
        'icon-image': ['concat', 'atlas-', ['get', 'category'], ['match', ['get', 'precision'], 'exact', '', '-hollow']],
        'icon-allow-overlap': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 1.1],
      },
    },
    {
      // Points coloured by status (client/coverage/symbology.ts shows it instead of the icons).
      id: 'projects-point-status',
      type: 'circle',
      source: PROJECT_SOURCE,
      filter: isPoint,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 8],
        'circle-color': categoryColor,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'projects-label',
      type: 'symbol',
      source: PROJECT_SOURCE,
      // Whole-region programmes, sea areas and other very large areas are too big to label at a
      // point (their names would repeat on every tile); the legend, list and detail name them.
      filter: [
        'any',
        isPoint,
        ['all', isArea, not(precisionIs('region')), ['!=', ['get', 'category'], 'sea-basin'], ['<', ['coalesce', ['get', 'area_km2'], 0], WIDE_AREA_KM2]],
      ],
      layout: {
        'text-field': name,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11 * textScale, 10, 14 * textScale],
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { 'text-color': text, 'text-halo-color': halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'projects-line-label',
      type: 'symbol',
      source: PROJECT_SOURCE,
      filter: isLine,
      layout: {
        'symbol-placement': 'line',
        'text-field': name,
        'text-size': 12 * textScale,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': text, 'text-halo-color': halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'projects-highlight-line',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['==', ['get', 'id'], ''],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#FFD400', 'line-width': 8, 'line-opacity': 0.7 },
    },
    {
      id: 'projects-highlight-point',
      type: 'circle',
      source: PROJECT_SOURCE,
      filter: ['all', isPoint, ['==', ['get', 'id'], '']],
      paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#FFD400', 'circle-stroke-width': 4 },
    },
  ];
}

/**
 * The partner provinces of the chosen plan clauses, outlined on the basemap's province polygons
 * (the plan names them as partners: 联合北京、河北…). Its filter is set from the view.
 */
export const partnerLayer = (theme: 'light' | 'contrast'): LayerSpecification => ({
  id: 'partners-outline',
  type: 'line',
  source: 'basemap-provinces',
  filter: ['in', ['get', 'id'], ['literal', []]],
  paint: { 'line-color': theme === 'contrast' ? '#7cc4ff' : '#0b5cad', 'line-width': 3.5, 'line-opacity': 0.85 },
});

/** Highlights go above everything; the rest goes under the basemap's labels (see map-view). */
export const isHighlight = (id: string) => HIGHLIGHT_LAYERS.includes(id);

/** Layers that carry projects (for clicks and queryRenderedFeatures), without highlights. */
export const INTERACTIVE_PROJECT_LAYERS = [
  'projects-point',
  'projects-point-status',
  'projects-line',
  'projects-line-schematic',
  'projects-area-fill',
  'projects-label',
];
export const HIGHLIGHT_LAYERS = ['projects-highlight-line', 'projects-highlight-point'];

/** The geometry filter a layer keeps, ANDed with the user's filter. */
export function withUserFilter(layer: ProjectLayer, user: ExpressionSpecification | null): FilterSpecification | undefined {
  const own = 'filter' in layer ? (layer.filter as ExpressionSpecification | undefined) : undefined;
  if (!user) return own;
  return own ? ['all', own, user] : user;
}
