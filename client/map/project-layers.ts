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
import { PALETTES } from './basemap-palettes.ts';
import { tiled } from './basemap-style.ts';
import { over } from './colour.ts';
import { perFeature, perFeatureCurve } from './program-variants.ts';
import { SYMBOL_EDGE, edgeOf } from './symbols.ts';

export const PROJECT_SOURCE = 'projects';
/** The count badges of stacked points (client/map/pick.ts stackBadges): a small source of their own. */
export const STACK_SOURCE = 'project-stacks';

export const categoryColor: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORY_IDS.flatMap((id) => [id, CATEGORIES[id].color]),
  '#666666',
] as unknown as ExpressionSpecification;

/** The edge of a symbol: the darker casing of a light hue (client/map/symbols.ts), else the colour. */
export const edgeColor: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORY_IDS.flatMap((id) => [id, edgeOf(id)]),
  '#666666',
] as unknown as ExpressionSpecification;
/** Categories whose lines get a dark casing of their hue (their colour is too light for the land). */
const hasEdge: ExpressionSpecification = ['in', ['get', 'category'], ['literal', Object.keys(SYMBOL_EDGE)]];
/** A pale tint of the hue: what shows between the dashes of a cased schematic line. */
export const paleColor: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORY_IDS.flatMap((id) => [id, over(CATEGORIES[id].color, 0.22, '#ffffff')]),
  '#eeeeee',
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
/** Whole-region programmes, sea areas and very large areas (the rule of shared/wide.ts). */
const isWideArea: ExpressionSpecification = [
  'any',
  precisionIs('region'),
  ['==', ['get', 'category'], 'sea-basin'],
  ['>=', ['coalesce', ['get', 'area_km2'], 0], WIDE_AREA_KM2],
];

/**
 * Label priority, lower first: the plan's key places (ports, the airport, border crossings, rail
 * hubs) before parks and facilities; exact sites before approximate and representative points.
 */
const POINT_LABEL_RANK: ExpressionSpecification = [
  '+',
  ['match', ['get', 'category'], ['seaport', 'airport'], 0, ['border-crossing', 'rail-hub'], 10, 'port-area', 20, ['logistics', 'industrial-park'], 30, 40],
  ['match', ['get', 'precision'], 'exact', 0, 'approximate', 1, 2],
];
/** Line labels: the trunk corridors and railways before roads, pipes and water lines. */
const LINE_LABEL_RANK: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ['rail-corridor', 'high-speed-rail', 'intercity-rail'],
  0,
  ['freight-rail', 'expressway', 'rail-service'],
  1,
  2,
];

/** Each project layer with the geometry filter it always keeps; the user's filter is ANDed on. */
type ProjectLayer = LayerSpecification & { source: typeof PROJECT_SOURCE };

/**
 * A large set: above this many projects the map draws cheaper below DETAIL_ZOOM (see largeSet).
 * The plan's own map (under a hundred projects) is never one.
 */
export const LARGE_SET = 2000;
export const DETAIL_ZOOM = 8;
export const isLargeSet = (count: number) => count > LARGE_SET;

/** Layers a large set draws only from DETAIL_ZOOM: casings, edges, tints, region outlines, labels. */
const DETAIL_ONLY = new Set([
  'projects-area-outline-region',
  'projects-line-casing',
  'projects-line-edge',
  'projects-line-edge-fill',
  'projects-point-representative',
  'projects-line-label',
  'projects-label',
]);

/**
 * The layers of a large set. At 10,000 projects a software-rendered frame of the whole region took
 * about 1.5 s, most of it in the lines' white casing and dark edges (each drawn around hundreds of
 * thousands of vertices with round joins), and every filter click laid out and placed thousands of
 * labels again. Below DETAIL_ZOOM a large set draws each line once, with cheap joins and caps, and
 * points, areas and lines without their labels; from DETAIL_ZOOM on, everything as usual.
 */
function largeSet(layer: ProjectLayer): ProjectLayer {
  if (DETAIL_ONLY.has(layer.id)) return { ...layer, minzoom: DETAIL_ZOOM };
  if (layer.type !== 'line' || !layer.layout) return layer;
  const layout = { ...layer.layout };
  if (layout['line-join'] === 'round') layout['line-join'] = ['step', ['zoom'], 'miter', DETAIL_ZOOM, 'round'];
  if (layout['line-cap'] === 'round') layout['line-cap'] = ['step', ['zoom'], 'butt', DETAIL_ZOOM, 'round'];
  return { ...layer, layout };
}

export function projectLayers(lang: Lang, theme: 'light' | 'contrast', { large = false } = {}): ProjectLayer[] {
  const layers = allLayers(lang, theme);
  return large ? layers.map(largeSet) : layers;
}

function allLayers(lang: Lang, theme: 'light' | 'contrast'): ProjectLayer[] {
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
        // Whole-region programmes and very large areas are drawn as what they are, an outline: a
        // fill would stack over 京津冀 into a wash that reads like a choropleth. The invisible fill
        // still answers a click (client/map/pick.ts lists them). Concrete areas get a light fill.
        'fill-opacity': ['case', isWideArea, 0, ['interpolate', ['linear'], ['coalesce', ['get', 'area_km2'], 0], 0, 0.3, 2000, 0.15]],
      },
    },
    {
      id: 'projects-area-outline',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isArea, not(isWideArea)],
      // Widths and colours bound per feature in every line layer: one shader program (program-variants.ts).
      paint: { 'line-color': edgeColor, 'line-width': perFeatureCurve(1.5) },
    },
    {
      id: 'projects-area-outline-region',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isArea, isWideArea],
      // Thin and dashed, fading in as the map zooms in: present, never louder than a concrete site
      // at the overview; whole from zoom 9, where its edge stands at 3:1 (tests/map/contrast.test.ts).
      paint: {
        'line-color': edgeColor,
        'line-width': perFeatureCurve([[4, 0.8], [9, 1.6]]),
        'line-dasharray': [4, 3],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.35, 8, 0.7, 9, 1],
      },
    },
    {
      id: 'projects-line-casing',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: isLine,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': perFeature(halo), 'line-width': zoomed(4, 7), 'line-opacity': 0.8 },
    },
    {
      // Light hues (expressways, power and water lines) get a thin dark casing of their own hue on
      // both sides, as a road map draws roads: the line's edge reads at 3:1 on the land. Drawn 2 px
      // wider than the line, under it (a gap width would make another shader program); a schematic
      // line's dashes lie on the pale tint of projects-line-edge-fill, so they stay dashes.
      id: 'projects-line-edge',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isLine, hasEdge],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': edgeColor, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, ['+', lineWidth(2.5), 2], 10, ['+', lineWidth(4.5), 2]] },
    },
    {
      // Inside the casing of a schematic line, a pale tint of its hue between the dashes: white gaps
      // in a cased line would read as a railway.
      id: 'projects-line-edge-fill',
      type: 'line',
      source: PROJECT_SOURCE,
      filter: ['all', isLine, hasEdge, precisionIs('schematic')],
      paint: { 'line-color': paleColor, 'line-width': zoomed(2.5, 4.5) },
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
        'circle-stroke-color': edgeColor,
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
      // Line labels go before the point labels in the stack, so a key place's name is placed first.
      id: 'projects-line-label',
      type: 'symbol',
      source: PROJECT_SOURCE,
      filter: isLine,
      layout: {
        'symbol-placement': 'line',
        'text-field': name,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11 * textScale, 10, 13 * textScale],
        'text-letter-spacing': lang === 'zh' ? 0.1 : 0.02,
        'text-max-angle': 30,
        'text-padding': 6,
        'symbol-spacing': 500,
        'symbol-sort-key': LINE_LABEL_RANK,
      },
      paint: { 'text-color': text, 'text-halo-color': halo, 'text-halo-width': 1.5 },
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
        ['all', isArea, not(isWideArea)],
      ],
      layout: {
        'text-field': name,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11 * textScale, 10, 14 * textScale],
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 9,
        'text-optional': true,
        'symbol-sort-key': POINT_LABEL_RANK,
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
 * The count badge of a spot several shown points share, from STACK_SOURCE (which holds only the
 * badges of what is shown, so the user's filter is never ANDed on): a dark disc up and to the
 * right of the symbol, its number in white. In the stack they go right after the point layers.
 */
export function badgeLayers(theme: 'light' | 'contrast'): LayerSpecification[] {
  const textScale = theme === 'contrast' ? 1.25 : 1;
  return [
    {
      id: 'projects-stack-badge',
      type: 'circle',
      source: STACK_SOURCE,
      paint: {
        'circle-radius': 8 * textScale,
        'circle-color': '#1b1f24',
        // Per feature, as the representative rings' edge colour: one circle program (program-variants.ts).
        'circle-stroke-color': perFeature('#ffffff'),
        'circle-stroke-width': 1.5,
        'circle-translate': [12 * textScale, -12 * textScale],
      },
    },
    {
      id: 'projects-stack-count',
      type: 'symbol',
      source: STACK_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'stack_n']],
        'text-size': 11 * textScale,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-translate': [12 * textScale, -12 * textScale] },
    },
  ];
}

/** The project layers with the badge layers in their place: after the points, before the labels. */
export function withBadges<L extends LayerSpecification>(layers: L[], theme: 'light' | 'contrast'): (L | LayerSpecification)[] {
  const at = layers.findIndex((l) => l.id === 'projects-line-label');
  const cut = at < 0 ? layers.length : at;
  return [...layers.slice(0, cut), ...badgeLayers(theme), ...layers.slice(cut)];
}

/**
 * The partner provinces of the chosen plan clauses (the plan names them as partners: 联合北京、河北…),
 * as a soft tint on the basemap's province polygons: a highlight with its own legend entry, never a
 * line that could pass for a border or a river. Its filter is set from the view.
 */
export const partnerLayer = (theme: 'light' | 'contrast'): LayerSpecification => ({
  id: 'partners-outline',
  type: 'fill',
  ...tiled('provinces'),
  filter: ['in', ['get', 'id'], ['literal', []]],
  paint: { 'fill-color': PALETTES[theme].partner, 'fill-opacity': PALETTES[theme].partnerOpacity, 'fill-antialias': false },
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
