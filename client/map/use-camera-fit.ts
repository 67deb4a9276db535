/**
 * The camera's stated rules (README, "Camera"): choosing a task, a province or a search result fits
 * the map to its projects; clearing every filter returns to the whole region; the fit button fits
 * to what the map shows at any time. A link keeps its own camera: only changes made after it
 * opened move the map. Every fit leaves room for the panels over the map (client/map/fit.ts).
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import * as turf from '@turf/turf';
import type { ProjectFeature } from '../lib/api.ts';
import { hasFilters, HOME_CAMERA, type Filters } from '../state/view-state.ts';
import type { MapHandle } from './map-view.tsx';

export function bboxOf(features: ProjectFeature[]): [number, number, number, number] | null {
  if (!features.length) return null;
  const [a, b, c, d] = turf.bbox({ type: 'FeatureCollection', features });
  return [a, b, c, d];
}

/** Returns fitShown (the button) and fitTo (other fits, e.g. a search's results). */
export function useCameraFit(filters: Filters, shown: ProjectFeature[], sliding: boolean, map: RefObject<MapHandle | null>) {
  const fitTo = useCallback(
    (features: ProjectFeature[]) => {
      const box = bboxOf(features);
      if (box) map.current?.fitTo(box);
    },
    [map],
  );

  // A task chosen or changed: fit to its projects (the task of the link that opened the page keeps
  // the link's camera).
  const nodeKey = filters.nodes.join();
  const seenNodes = useRef(nodeKey);
  const any = hasFilters(filters);
  useEffect(() => {
    // The slideshow frames its own slides; what it chose is not a change to fit to afterwards.
    if (nodeKey === seenNodes.current) return;
    seenNodes.current = nodeKey;
    if (any && !sliding) fitTo(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the task itself changes
  }, [nodeKey, sliding]);

  // Every filter cleared, after some were set: back to the whole region.
  const had = useRef(any);
  useEffect(() => {
    if (had.current && !any && !sliding) map.current?.flyTo({ center: HOME_CAMERA.center, zoom: HOME_CAMERA.zoom });
    had.current = any;
  }, [any, sliding, map]);

  const fitShown = useCallback(() => fitTo(shown), [fitTo, shown]);
  return { fitTo, fitShown };
}
