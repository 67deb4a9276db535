/**
 * What a click on the map picked: small things before big ones (a port at a railway's end, a
 * railway across a region, the smallest of nested areas), and a choice when several points sit on
 * the very same spot (six of the plan's items are at the airport) or when only whole-region
 * programmes cover the place clicked (they are listed, never one opened at random).
 * The count badges of stacked points are shared/stacks.ts.
 */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { CategoryId } from '#shared/taxonomy.ts';
import { isWide } from '#shared/wide.ts';

export type Pick = { kind: 'none' } | { kind: 'one'; id: string } | { kind: 'many'; ids: string[] };

/** What the chooser lists of each project under a click: read off the drawn features themselves. */
export type ChoiceItem = { id: string; name_zh: string; name_en: string; category: CategoryId; precision: string; area_km2: number | null };

/**
 * The chooser's rows for the ids a click picked, in their order, from the features under the click
 * (GeoJSON or a large set's vector tiles alike: neither needs the whole collection in the browser).
 */
export function choiceItems(hits: MapGeoJSONFeature[], ids: string[]): ChoiceItem[] {
  return ids.flatMap((id) => {
    const p = hits.find((f) => String(f.properties.id) === id)?.properties;
    if (!p) return [];
    const area = Number(p.area_km2);
    return [{ id, name_zh: String(p.name_zh ?? id), name_en: String(p.name_en ?? id), category: String(p.category) as CategoryId, precision: String(p.precision), area_km2: p.area_km2 == null || Number.isNaN(area) ? null : area }];
  });
}

type Project = (lngLat: [number, number]) => { x: number; y: number };

const rank = (t: string) => (t.endsWith('Point') ? 0 : t.endsWith('LineString') ? 1 : 2);
const SAME_SPOT_PX = 2;

const wide = (f: MapGeoJSONFeature) =>
  isWide({
    precision: String(f.properties.precision ?? ''),
    category: String(f.properties.category ?? ''),
    area_km2: typeof f.properties.area_km2 === 'number' ? f.properties.area_km2 : null,
  });

export function pick(hits: MapGeoJSONFeature[], click: { x: number; y: number }, project: Project): Pick {
  // Labels stand beside their feature: they pick it only when nothing else is under the cursor.
  const shapes = hits.filter((f) => f.layer.id !== 'projects-label');
  const pool = shapes.length ? shapes : hits;
  if (!pool.length) return { kind: 'none' };
  const best = Math.min(...pool.map((f) => rank(f.geometry.type)));
  const same = pool.filter((f) => rank(f.geometry.type) === best);
  const id = (f: MapGeoJSONFeature) => String(f.properties.id);

  if (best === 0) {
    // Each point's pixel nearest the click; those at the same pixel as the nearest one are stacked.
    const at = same.map((f) => {
      const g = f.geometry;
      const coords = (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : []) as [number, number][];
      const px = coords.map((c) => project(c));
      const nearest = px.sort((a, b) => Math.hypot(a.x - click.x, a.y - click.y) - Math.hypot(b.x - click.x, b.y - click.y))[0];
      return { id: id(f), p: nearest ?? click };
    });
    at.sort((a, b) => Math.hypot(a.p.x - click.x, a.p.y - click.y) - Math.hypot(b.p.x - click.x, b.p.y - click.y));
    const top = at[0]!;
    const stacked = [...new Set(at.filter((a) => Math.hypot(a.p.x - top.p.x, a.p.y - top.p.y) <= SAME_SPOT_PX).map((a) => a.id))];
    return stacked.length > 1 ? { kind: 'many', ids: stacked } : { kind: 'one', id: top.id };
  }
  if (best === 2) {
    // A concrete area (a port area, a park) opens; whole regions under the click are listed.
    const concrete = same.filter((f) => !wide(f));
    if (!concrete.length) return { kind: 'many', ids: [...new Set(same.map(id))] };
    const area = (f: MapGeoJSONFeature) => Number(f.properties.area_km2 ?? Infinity);
    return { kind: 'one', id: id([...concrete].sort((a, b) => area(a) - area(b))[0]!) };
  }
  return { kind: 'one', id: id(same[0]!) };
}
