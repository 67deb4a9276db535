/**
 * Map events in place of timers, each returning the function that removes its listeners, so the
 * effect that asked can clean up after itself (MapView removes every one on unmount).
 */
import type { Map as MapLibreMap, Subscription } from 'maplibre-gl';
import { PROJECT_SOURCE } from './project-layers.ts';

export type Bbox = [number, number, number, number];
export type Off = () => void;

/**
 * Runs fn once the project overlays exist: now, or after the 'load' or style change that brings
 * them. The returned Off drops a call still waiting (the effect re-ran or the map went away).
 */
export function whenReady(map: MapLibreMap, fn: (map: MapLibreMap) => void): Off {
  if (map.getSource(PROJECT_SOURCE)) {
    fn(map);
    return () => undefined;
  }
  const subs: Subscription[] = [];
  const off = () => subs.splice(0).forEach((s) => s.unsubscribe());
  const attempt = () => {
    if (!map.getSource(PROJECT_SOURCE)) return;
    off();
    fn(map);
  };
  subs.push(map.on('load', attempt), map.on('styledata', attempt));
  return off;
}

/** Runs fn once, on the next event of this type. */
export function onNext(map: MapLibreMap, type: 'styledata' | 'render' | 'idle', fn: () => void): Off {
  const sub = map.on(type, () => {
    sub.unsubscribe();
    fn();
  });
  return () => sub.unsubscribe();
}

/**
 * Runs fn on the map's next drawn frame, once the page has laid out what came with the command
 * (a panel opening beside or over the map), with the map's size caught up with its container: its
 * own ResizeObserver is throttled and may not have run yet.
 */
export function afterLayout(map: MapLibreMap, fn: () => void): Off {
  const off = onNext(map, 'render', () => {
    const box = map.getContainer();
    const canvas = map.getCanvas();
    if (box.clientWidth && box.clientHeight && (Math.abs(box.clientWidth - canvas.clientWidth) >= 1 || Math.abs(box.clientHeight - canvas.clientHeight) >= 1)) map.resize();
    fn();
  });
  map.triggerRepaint();
  return off;
}

/**
 * Where to move to keep a feature in view: nothing while one of its corners or its centre is inside
 * the view ([west, south, east, north]), else the centre of its box.
 */
export function centreToShow([minX, minY, maxX, maxY]: Bbox, [w, s, e, n]: Bbox): [number, number] | null {
  const inside = (x: number, y: number) => x >= w && x <= e && y >= s && y <= n;
  const centre: [number, number] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return inside(minX, minY) || inside(maxX, maxY) || inside(...centre) ? null : centre;
}
