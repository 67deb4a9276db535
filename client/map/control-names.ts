/** MapLibre's own controls named in the reader's language (its built-in names are English only). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MESSAGES, type Lang } from '../i18n/messages.ts';

export function labelControls(map: MapLibreMap, lang: Lang) {
  const t = MESSAGES[lang];
  const names: [string, string][] = [
    ['.maplibregl-ctrl-zoom-in', t.mapControls.zoomIn],
    ['.maplibregl-ctrl-zoom-out', t.mapControls.zoomOut],
    ['.maplibregl-ctrl-compass', t.mapControls.resetBearing],
    ['.maplibregl-ctrl-attrib-button', t.mapControls.attribution],
    ['.maplibregl-canvas', t.map],
  ];
  for (const [selector, name] of names) {
    for (const el of map.getContainer().querySelectorAll(selector)) {
      if (el.hasAttribute('title')) el.setAttribute('title', name);
      el.setAttribute('aria-label', name);
    }
  }
}
