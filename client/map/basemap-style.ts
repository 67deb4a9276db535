/**
 * The offline basemap as MapLibre style data: two themes (a light desk style and a high-contrast
 * projector style) in two label languages. Every layer, land to city labels, comes as vector tiles
 * (/basemap/tiles, cut from geodata/basemap/ at build time). There is deliberately no `glyphs` key:
 * MapLibre then draws all labels with the browser's local fonts, so the map needs nothing from
 * outside (glyph files made at build time were measured no faster: see BENCHMARKS.md).
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { TILE_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM, type TileLayer } from '#shared/basemap.ts';
import { PALETTES, type BasemapTheme, type Palette } from './basemap-palettes.ts';
import { perFeature, perFeatureCurve, withAlpha } from './program-variants.ts';

export type { BasemapTheme };
export type BasemapLang = 'zh' | 'en';
export type BasemapOptions = { theme: BasemapTheme; baseUrl: string; lang: BasemapLang };

/** The files of geodata/basemap/ that the style loads, in drawing order of their first layer. */
export const BASEMAP_FILES = [
  'land-wide',
  'land',
  'provinces',
  'port-water',
  'rivers',
  'province-lines',
  'tianjin-districts',
  'province-labels',
  'cities',
] as const;
export type BasemapFile = (typeof BASEMAP_FILES)[number];

/** The vector tile source of the basemap (land, provinces, rivers, boundary lines, label points). */
export const BASEMAP_SOURCE = 'basemap';
/** Where a layer finds one of the tiled basemap layers: `{ source, 'source-layer' }`. */
export const tiled = (layer: TileLayer) => ({ source: BASEMAP_SOURCE, 'source-layer': layer });

/** Credit line for the basemap's data (see geodata/basemap/README.md), in the reader's language. */
export const BASEMAP_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0) · GSHHG (LGPL-3) · 行政区划代码 GB/T 2260';
export const BASEMAP_ATTRIBUTION_EN =
  '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0) · GSHHG (LGPL-3) · GB/T 2260 division codes';

/**
 * The four municipalities are a province and a city at once: the city label names them, so their
 * province label would only repeat it (天津 twice, one above the other).
 */
export const MUNICIPALITIES = ['beijing', 'tianjin', 'shanghai', 'chongqing'];

/** Basemap labels that go under the project layers: the projects' labels are placed before them. */
export const UNDER_PROJECTS = ['base-district-labels'];
/** Where the project layers go in: before the first basemap label that is not under them. */
export const isProjectsCut = (l: LayerSpecification) => l.type === 'symbol' && !UNDER_PROJECTS.includes(l.id);
/** From zoom 9 on, around Tianjin: its 16 district names and the port basins (geodata/basemap/README.md). */
export const DETAIL_MIN_ZOOM = 9;

const FONT = ['Noto Sans CJK SC', 'sans-serif'];
const FONT_BOLD = ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC', 'sans-serif'];

/** Label text: Chinese with the English name below in small type, or English only. */
function labelText(lang: BasemapLang): DataDrivenPropertyValueSpecification<string> {
  if (lang === 'en') return ['get', 'name_en'] as ExpressionSpecification;
  return [
    'format',
    ['get', 'name_zh'],
    {},
    '\n',
    {},
    ['coalesce', ['get', 'name_en'], ''],
    { 'font-scale': 0.68 },
  ] as ExpressionSpecification;
}

/** Label priority: lower draws first. Rank first, then population (GeoNames; may be null). */
const CITY_SORT_KEY: ExpressionSpecification = [
  '-',
  ['*', 100, ['match', ['get', 'rank'], 'capital', 0, 'municipality', 1, 'provincial-capital', 2, 'prefecture', 3, 4]],
  ['/', ['coalesce', ['get', 'population'], 0], 1000000],
];
const MAJOR_RANKS = ['capital', 'municipality', 'provincial-capital'];

type LabelGroup = { id: string; filter: ExpressionSpecification; color: string; size: [number, number] };

/** The province and country labels: neighbours' names faint, the plan's provinces darker and bigger. */
function provinceLabels(p: Palette, text: DataDrivenPropertyValueSpecification<string>, lineHeight: number, lang: BasemapLang, s: (x: number) => number): LayerSpecification[] {
  const country: ExpressionSpecification = ['==', ['get', 'kind'], 'country'];
  const plan: ExpressionSpecification = ['boolean', ['get', 'plan'], false];
  const groups: LabelGroup[] = [
    { id: 'base-country-labels', filter: country, color: p.labelFaint, size: [10, 13] },
    { id: 'base-province-labels', filter: ['all', ['!', country], ['!', plan]], color: p.label, size: [10, 13] },
    { id: 'base-province-labels-plan', filter: ['all', ['!', country], plan], color: p.labelPlan, size: [11, 16] },
  ];
  return groups.map((g) => ({
    id: g.id,
    type: 'symbol',
    ...tiled('province-labels'),
    filter: ['all', ['!', ['in', ['get', 'id'], ['literal', MUNICIPALITIES]]], g.filter],
    layout: {
      'text-field': text,
      'text-font': FONT_BOLD,
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, s(g.size[0]), 7, s(g.size[1])],
      'text-line-height': lineHeight,
      'text-letter-spacing': lang === 'zh' ? 0.15 : 0.05,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: { 'text-color': g.color, 'text-halo-color': p.halo, 'text-halo-width': s(1.4) },
  }));
}

export function basemapStyle(options: BasemapOptions): StyleSpecification {
  const { theme, lang } = options;
  const p = PALETTES[theme];
  const base = options.baseUrl.replace(/\/+$/, '');
  const s = (x: number) => Math.round(x * p.scale * 100) / 100;
  // Colours and widths bound per feature, as the project layers' are: one shader program per layer
  // type (program-variants.ts). A width curve: [zoom, width before scaling] pairs.
  const width = (...stops: [number, number][]) => perFeatureCurve(stops.map(([z, w]) => [z, s(w)]));
  const fill = (colour: string) => ({ 'fill-color': perFeature(colour), 'fill-opacity': perFeature(1) });

  // Land, provinces, rivers and boundaries as vector tiles (cut at build time, so the browser draws
  // at once instead of parsing and cutting a megabyte of GeoJSON), and the label points with them.
  const sources: StyleSpecification['sources'] = {
    [BASEMAP_SOURCE]: {
      type: 'vector',
      tiles: [`${base}/basemap/tiles/{z}/{x}/{y}.pbf`],
      minzoom: TILE_MIN_ZOOM,
      maxzoom: TILE_MAX_ZOOM,
      bounds: TILE_BOUNDS,
      attribution: lang === 'en' ? BASEMAP_ATTRIBUTION_EN : BASEMAP_ATTRIBUTION,
    },
  };

  const text = labelText(lang);
  const lineHeight = lang === 'zh' ? 1.15 : 1.2;

  const layers: LayerSpecification[] = [
    { id: 'base-background', type: 'background', paint: { 'background-color': p.sea } },
    { id: 'base-land-wide', type: 'fill', ...tiled('land-wide'), paint: fill(p.land) },
    { id: 'base-land', type: 'fill', ...tiled('land'), paint: { ...fill(p.land), 'fill-antialias': false } },
    {
      id: 'base-provinces-fill',
      type: 'fill',
      ...tiled('provinces'),
      paint: {
        'fill-color': [
          'case',
          ['==', ['get', 'kind'], 'country'],
          p.neighbour,
          ['boolean', ['get', 'plan'], false],
          p.plan,
          p.province,
        ],
        'fill-opacity': ['case', ['==', ['get', 'kind'], 'country'], p.neighbourOpacity, 1],
      },
    },
    {
      // The port basins, channels and river mouths that the land's gap filling closes (Tianjin port,
      // Caofeidian, Huanghua): drawn back as water from zoom 9, where they can be told apart.
      id: 'base-port-water',
      type: 'fill',
      ...tiled('port-water'),
      minzoom: DETAIL_MIN_ZOOM,
      paint: fill(p.sea),
    },
    // The basemap's lines keep MapLibre's default miter joins and butt caps: at their widths (under
    // 3 px) round ones look the same, and cost 1.6-2.3x the vertices (first-map-layers.ts).
    {
      id: 'base-rivers',
      type: 'line',
      ...tiled('rivers'),
      filter: ['!=', ['get', 'class'], 'canal'],
      paint: {
        // Intermittent rivers fainter: the opacity in the colour, so no line layer binds an opacity per feature.
        'line-color': ['case', ['==', ['get', 'class'], 'intermittent'], withAlpha(p.river, 0.6), p.river],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['match', ['get', 'level'], [0, 1], s(0.8), 2, s(0.5), s(0.3)],
          9,
          ['match', ['get', 'level'], [0, 1], s(2.2), 2, s(1.5), s(0.9)],
        ],
      },
    },
    {
      id: 'base-canals',
      type: 'line',
      ...tiled('rivers'),
      filter: ['==', ['get', 'class'], 'canal'],
      minzoom: 5,
      paint: {
        'line-color': perFeature(p.river),
        'line-width': width([5, 0.5], [9, 1.4]),
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: 'base-province-lines',
      type: 'line',
      ...tiled('province-lines'),
      filter: ['==', ['get', 'level'], 'province'],
      paint: {
        'line-color': perFeature(p.provinceLine),
        // Thin and grey: a boundary is context, the projects carry the map.
        'line-width': width([3, 0.4], [8, 1]),
        'line-dasharray': [5, 2],
      },
    },
    {
      id: 'base-country-lines',
      type: 'line',
      ...tiled('province-lines'),
      filter: ['==', ['get', 'level'], 'country'],
      paint: {
        'line-color': perFeature(p.countryLine),
        'line-width': width([3, 0.8], [8, 1.8]),
      },
    },
    {
      id: 'base-plan-outline',
      type: 'line',
      ...tiled('provinces'),
      filter: ['==', ['get', 'plan'], true],
      paint: {
        'line-color': perFeature(p.planOutline),
        'line-width': width([3, 0.6], [8, 1.2]),
        'line-opacity': 1,
      },
    },
    {
      // Tianjin's districts by name at their seats (no boundaries: see geodata/basemap/README.md),
      // muted and under the projects, so a planner can tell which district a project lies in.
      id: 'base-district-labels',
      type: 'symbol',
      ...tiled('tianjin-districts'),
      minzoom: DETAIL_MIN_ZOOM,
      layout: {
        'text-field': text,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, s(11), 12, s(14)],
        'text-line-height': lineHeight,
        'text-letter-spacing': lang === 'zh' ? 0.2 : 0.05,
        'text-max-width': 8,
        'text-padding': 6,
      },
      paint: { 'text-color': p.labelFaint, 'text-halo-color': p.halo, 'text-halo-width': s(1.4) },
    },
    // Province and country names in three layers of one colour each (a colour per feature would
    // make a second text program), the plan's provinces on top: the top layer is placed first, so
    // they win the collisions, as their sort key did in one layer.
    ...provinceLabels(p, text, lineHeight, lang, s),
    {
      id: 'base-city-points',
      type: 'circle',
      ...tiled('cities'),
      minzoom: 5,
      filter: ['!', ['in', ['get', 'rank'], ['literal', MAJOR_RANKS]]],
      paint: {
        'circle-color': p.cityDot,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, s(1.8), 9, s(3.2)],
        'circle-stroke-color': perFeature(p.halo),
        'circle-stroke-width': s(0.8),
      },
    },
    {
      id: 'base-city-points-major',
      type: 'circle',
      ...tiled('cities'),
      filter: ['in', ['get', 'rank'], ['literal', MAJOR_RANKS]],
      paint: {
        'circle-color': p.cityDotMajor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, s(2.6), 9, s(4.6)],
        'circle-stroke-color': perFeature(p.halo),
        'circle-stroke-width': s(1.2),
      },
    },
    {
      id: 'base-city-labels',
      type: 'symbol',
      ...tiled('cities'),
      minzoom: 5.5,
      filter: ['!', ['in', ['get', 'rank'], ['literal', MAJOR_RANKS]]],
      layout: {
        'text-field': text,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5.5, s(10), 9, s(13)],
        'text-line-height': lineHeight,
        'text-anchor': 'top',
        'text-offset': [0, 0.45],
        'text-max-width': 10,
        'symbol-sort-key': CITY_SORT_KEY,
        'text-optional': false,
      },
      paint: {
        'text-color': p.label,
        'text-halo-color': p.halo,
        'text-halo-width': s(1.2),
      },
    },
    {
      id: 'base-city-labels-major',
      type: 'symbol',
      ...tiled('cities'),
      filter: ['in', ['get', 'rank'], ['literal', MAJOR_RANKS]],
      layout: {
        'text-field': text,
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, s(11), 9, s(16)],
        'text-line-height': lineHeight,
        'text-anchor': 'top',
        'text-offset': [0, 0.5],
        'text-max-width': 10,
        'symbol-sort-key': CITY_SORT_KEY,
      },
      paint: {
        'text-color': p.label,
        'text-halo-color': p.halo,
        'text-halo-width': s(1.5),
      },
    },
  ];

  return {
    version: 8,
    name: `Bohai Atlas basemap (${theme}, ${lang})`,
    metadata: { 'bohai-atlas:theme': theme, 'bohai-atlas:lang': lang },
    sources,
    layers,
  };
}
