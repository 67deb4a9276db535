/**
 * Camera fits that leave room for whatever covers the map (the legend, a bottom sheet, the detail
 * sheet on a phone): the padding is measured from the real panels on screen, not guessed.
 */
import { LngLat, type Map as MapLibreMap, type PaddingOptions } from 'maplibre-gl';

/**
 * The elements that may lie over the map (the coverage legend and the status timeline too, when they
 * show); those beside it overlap nothing and are ignored.
 */
export const MAP_COVERS = '.legend, .detail, .side, .fit-results, .coverage-legend, .time-slider, .map-notice';

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };

/**
 * Padding for a camera fit: every cover overlapping the map pushes the side it hugs. A cover
 * taller (relative to the map) than wide is a column on the left or right; otherwise a band at
 * the top or bottom. The result always leaves at least a third of the map free in each direction.
 */
export function coverPadding(map: Box, covers: Box[], margin = 40): PaddingOptions {
  const pad = { top: margin, right: margin, bottom: margin, left: margin };
  for (const r of covers) {
    const ox = Math.min(r.right, map.right) - Math.max(r.left, map.left);
    const oy = Math.min(r.bottom, map.bottom) - Math.max(r.top, map.top);
    if (ox <= 0 || oy <= 0) continue;
    if (oy / map.height >= ox / map.width) {
      if (r.left - map.left <= map.right - r.right) pad.left = Math.max(pad.left, r.right - map.left + margin / 2);
      else pad.right = Math.max(pad.right, map.right - r.left + margin / 2);
    } else if (r.top - map.top <= map.bottom - r.bottom) pad.top = Math.max(pad.top, r.bottom - map.top + margin / 2);
    else pad.bottom = Math.max(pad.bottom, map.bottom - r.top + margin / 2);
  }
  const squeeze = (a: 'left' | 'top', b: 'right' | 'bottom', size: number) => {
    const room = (size * 2) / 3;
    const sum = pad[a] + pad[b];
    if (sum > room) {
      pad[a] = Math.round((pad[a] * room) / sum);
      pad[b] = Math.round((pad[b] * room) / sum);
    }
  };
  squeeze('left', 'right', map.width);
  squeeze('top', 'bottom', map.height);
  return pad;
}

/** The camera that shows a box of lon/lat clear of the covers, or null if the map cannot say. */
export function fitCamera(map: MapLibreMap, bbox: [number, number, number, number], maxZoom = 10): { center: [number, number]; zoom: number } | null {
  const box = map.getContainer().getBoundingClientRect();
  const covers = [...document.querySelectorAll(MAP_COVERS)].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
  const padding = coverPadding(box, covers);
  const cam = map.cameraForBounds([bbox[0], bbox[1], bbox[2], bbox[3]], { padding, maxZoom });
  if (!cam?.center || cam.zoom === undefined) return null;
  const c = LngLat.convert(cam.center);
  return { center: [c.lng, c.lat], zoom: cam.zoom };
}
