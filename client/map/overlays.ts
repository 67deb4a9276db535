/**
 * The map's own overlays on top of any basemap: the near-query circle, the partner outline, the
 * project layers (under the basemap's labels) and the highlights (above everything).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/messages.ts';
import { HIGHLIGHT_LAYERS, isHighlight, partnerLayer, projectLayers, withBadges, withUserFilter } from './project-layers.ts';
import { isProjectsCut } from './basemap-style.ts';
import type { Classes } from '../coverage/class-breaks.ts';
import { choroplethColor, choroplethLayers, choroplethOutlineWidth, COVERAGE_FILL, COVERAGE_OUTLINE } from '../coverage/choropleth.ts';
import { symbologyLooks, type Symbology } from '../coverage/symbology.ts';

export const NEAR_SOURCE = 'near-circle';

/** `large`: a large set of projects, drawn cheaper at low zoom (project-layers.ts isLargeSet). */
export function overlayLayers(lang: Lang, theme: 'light' | 'contrast', filter: ExpressionSpecification | null, partners: string[], large = false) {
  const near = [
    {
      id: 'near-fill',
      type: 'fill' as const,
      source: NEAR_SOURCE,
      paint: { 'fill-color': '#0077BB', 'fill-opacity': 0.08 },
    },
    {
      id: 'near-outline',
      type: 'line' as const,
      source: NEAR_SOURCE,
      paint: { 'line-color': '#0077BB', 'line-width': 2, 'line-dasharray': [2, 2] },
    },
  ];
  const projects = withBadges(
    projectLayers(lang, theme, { large }).map((l) => (HIGHLIGHT_LAYERS.includes(l.id) ? l : { ...l, filter: withUserFilter(l, filter) })),
    theme,
  );
  const partner = { ...partnerLayer(theme), filter: partnerFilter(partners) } as LayerSpecification;
  // The choropleth goes over the partners' tint: when it is on, its classes are what the fill says.
  return [partner, ...choroplethLayers(theme), ...near, ...projects];
}

/** How the map draws the projects (by category or status) and the coverage choropleth, if any. */
export type MapLook = { symbology: Symbology; choropleth: Classes | null; /** Provinces filtered by, outlined on the choropleth. */ provinces?: readonly string[] };

/** Applies a look to the overlays on the map (after they exist: on load and after a style swap too). */
export function applyLook(map: MapLibreMap, look: MapLook, lang: Lang, theme: 'light' | 'contrast') {
  const show = (id: string, on: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  show(COVERAGE_FILL, look.choropleth !== null);
  show(COVERAGE_OUTLINE, look.choropleth !== null);
  if (look.choropleth && map.getLayer(COVERAGE_FILL)) map.setPaintProperty(COVERAGE_FILL, 'fill-color', choroplethColor(look.choropleth));
  if (look.choropleth && map.getLayer(COVERAGE_OUTLINE)) map.setPaintProperty(COVERAGE_OUTLINE, 'line-width', choroplethOutlineWidth(look.provinces ?? []));
  for (const l of symbologyLooks(projectLayers(lang, theme), look.symbology)) {
    if (!map.getLayer(l.id)) continue;
    if (l.visible !== undefined) show(l.id, l.visible);
    type Paint = Parameters<MapLibreMap['setPaintProperty']>;
    for (const [key, value] of Object.entries(l.paint)) map.setPaintProperty(l.id, key as Paint[1], value as Paint[2]);
  }
}

/**
 * The zoom ranges and layouts of the project layers for a set of this size, on a live map (the
 * set grew past or fell under LARGE_SET). Visibility stays with applyLook.
 */
export function applyLargeSet(map: MapLibreMap, lang: Lang, theme: 'light' | 'contrast', large: boolean) {
  for (const l of projectLayers(lang, theme, { large })) {
    if (!map.getLayer(l.id)) continue;
    map.setLayerZoomRange(l.id, l.minzoom ?? 0, l.maxzoom ?? 24);
    type Key = Parameters<MapLibreMap['setLayoutProperty']>[1];
    for (const [key, value] of Object.entries(l.layout ?? {})) if (key !== 'visibility') map.setLayoutProperty(l.id, key as Key, value);
  }
}

export const partnerFilter = (partners: string[]): FilterSpecification => ['in', ['get', 'id'], ['literal', partners]];

/**
 * Project layers go above the basemap's shapes but below its labels, so city and province names
 * keep their place in the label collision; only the highlights sit on top of everything.
 */
export function stackLayers(base: LayerSpecification[], overlays: LayerSpecification[]): LayerSpecification[] {
  const firstLabel = base.findIndex(isProjectsCut);
  const cut = firstLabel < 0 ? base.length : firstLabel;
  const highlights = overlays.filter((l) => isHighlight(l.id));
  const rest = overlays.filter((l) => !isHighlight(l.id));
  return [...base.slice(0, cut), ...rest, ...base.slice(cut), ...highlights];
}

export function applyHighlight(map: MapLibreMap, selectedId: string | null, hoverId: string | null) {
  const ids = [selectedId, hoverId].filter((x): x is string => Boolean(x));
  const match: FilterSpecification = ['in', ['get', 'id'], ['literal', ids]];
  if (map.getLayer('projects-highlight-line')) map.setFilter('projects-highlight-line', match);
  if (map.getLayer('projects-highlight-point')) {
    map.setFilter('projects-highlight-point', ['all', ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false], match]);
  }
}
