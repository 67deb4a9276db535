/**
 * The style MapView gives the map: the basemap with the project overlays stacked in, their sources
 * holding what is known yet (projects, count badges, the nearby ring), and the same carried over
 * when the basemap is swapped (language, theme).
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { NEAR_SOURCE, overlayLayers, stackLayers } from './overlays.ts';
import { isLargeSet, PROJECT_SOURCE, STACK_SOURCE } from './project-layers.ts';
import { fromTiles, projectSource } from './project-tiles.ts';
import type { Lang } from '../i18n/messages.ts';

/** What the overlays are made from: MapView's props of the same names. */
export type OverlayInputs = {
  lang: Lang;
  theme: 'light' | 'contrast';
  projects: FeatureCollection | null;
  tiles?: string | null;
  stacks: FeatureCollection | null;
  nearCircle: FeatureCollection | null;
  filter: ExpressionSpecification | null;
  partners: string[];
};

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A large set draws cheaper at low zoom (project-layers.ts); the tiles always mean one. */
export const largeOf = (projects: FeatureCollection | null, tiles?: string | null) => Boolean(tiles) || isLargeSet(projects?.features.length ?? 0);

const overlaysOf = (q: OverlayInputs, basemap: StyleSpecification) =>
  fromTiles(q.tiles, stackLayers(basemap.layers, overlayLayers(q.lang, q.theme, q.filter, q.partners, largeOf(q.projects, q.tiles))));

/** The basemap with the overlays stacked in, their sources holding what is known yet. */
export function withOverlays(basemap: StyleSpecification, q: OverlayInputs): StyleSpecification {
  return {
    ...basemap,
    sources: {
      ...basemap.sources,
      [PROJECT_SOURCE]: projectSource(q.tiles, q.projects ?? EMPTY),
      [STACK_SOURCE]: { type: 'geojson', data: q.stacks ?? EMPTY },
      [NEAR_SOURCE]: { type: 'geojson', data: q.nearCircle ?? EMPTY },
    },
    layers: overlaysOf(q, basemap),
  };
}

/**
 * setStyle's transformStyle for a new basemap: the overlays come along, their sources keep the
 * data the map already holds (no second upload of the projects).
 */
export function carryOverlays(previous: StyleSpecification | undefined, next: StyleSpecification, q: OverlayInputs): StyleSpecification {
  return {
    ...next,
    sources: {
      ...next.sources,
      [PROJECT_SOURCE]: projectSource(q.tiles, q.projects ?? EMPTY, previous?.sources[PROJECT_SOURCE]),
      [STACK_SOURCE]: previous?.sources[STACK_SOURCE] ?? { type: 'geojson', data: q.stacks ?? EMPTY },
      [NEAR_SOURCE]: previous?.sources[NEAR_SOURCE] ?? { type: 'geojson', data: q.nearCircle ?? EMPTY },
    },
    layers: overlaysOf(q, next),
  };
}
