/**
 * The camera's stated rules (README, "Camera"): choosing a task, a province or a search result fits
 * the map to its projects; clearing every filter returns to the whole region; the fit button fits
 * to what the map shows at any time. A link keeps its own camera: only changes made after it
 * opened move the map. Every fit leaves room for the panels over the map (client/map/fit.ts).
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Geometry } from 'geojson';
import type { ProjectFeature } from '../lib/api.ts';
import { hasFilters, HOME_CAMERA, type Filters } from '../state/view-state.ts';
import type { MapHandle } from './map-view.tsx';

type Bbox = [number, number, number, number];

/**
 * The bounds of features' geometries, [west, south, east, north], or null with none: the least and
 * greatest of every position (turf's bbox, held to it by tests/map/fit.test.ts; written out here so
 * the first load carries no turf).
 */
export function bboxOf(features: readonly { geometry: Geometry | null }[]): Bbox | null {
  let box: Bbox | null = null;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      return;
    }
    for (const inner of c) visit(inner);
  };
  const geometry = (g: Geometry | null): void => {
    if (g?.type === 'GeometryCollection') g.geometries.forEach(geometry);
    else if (g) visit(g.coordinates);
  };
  for (const f of features) geometry(f.geometry);
  return box;
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
