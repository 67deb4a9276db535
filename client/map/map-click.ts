/**
 * What a click on the map means: in 'place' mode always the place; otherwise the project (or
 * projects) under it, else a province of the coverage choropleth, else the place.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { COVERAGE_FILL } from '../coverage/choropleth.ts';
import { INTERACTIVE_PROJECT_LAYERS } from './project-layers.ts';
import { choiceItems, pick, type ChoiceItem } from './pick.ts';

export type ClickTargets = {
  clickMode: 'select' | 'place';
  /** The coverage choropleth is on (its provinces answer a click where no project is). */
  choropleth: boolean;
  onSelect: (id: string | null) => void;
  onChoose: (items: ChoiceItem[], at: [number, number]) => void;
  onMapClick: (lngLat: [number, number]) => void;
  onProvinceClick?: (id: string) => void;
};

/** Pixels around the click that still hit a feature. */
const PAD = 4;

export const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function handleClick(map: MapLibreMap, e: MapMouseEvent, t: ClickTargets): void {
  const place: [number, number] = [round(e.lngLat.lng, 4), round(e.lngLat.lat, 4)];
  if (t.clickMode === 'place') return t.onMapClick(place);
  const layers = INTERACTIVE_PROJECT_LAYERS.filter((l) => map.getLayer(l));
  const box: [[number, number], [number, number]] = [
    [e.point.x - PAD, e.point.y - PAD],
    [e.point.x + PAD, e.point.y + PAD],
  ];
  const hits = map.queryRenderedFeatures(box, { layers });
  const picked = pick(hits, e.point, (ll) => map.project(ll));
  if (picked.kind === 'many') return t.onChoose(choiceItems(hits, picked.ids), [e.point.x, e.point.y]);
  if (picked.kind === 'one') return t.onSelect(picked.id);
  const province = t.choropleth && map.getLayer(COVERAGE_FILL) ? map.queryRenderedFeatures(e.point, { layers: [COVERAGE_FILL] })[0] : undefined;
  if (province && t.onProvinceClick) t.onProvinceClick(String(province.properties.id));
  else t.onMapClick(place);
}
