/** The exports: XLSX read back with exceljs, KML parsed with togeojson, CSV; languages, file names, filters. */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageSchema, ErrorSchema, ProjectCollectionSchema } from '#shared/api-schema.ts';
import { CATEGORIES, PROVINCES, type CategoryId } from '#shared/taxonomy.ts';
import { xml } from '../../server/services/export-kml.ts';
import { exportDate } from '../../server/services/export-names.ts';
import { geodata, testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(() => t.close());

// app.request in this file: the exports are files (bytes and headers, not typed JSON), asked for with
// query strings as a user's link holds them; JSON answers are checked against the API's schemas.
const projects = async (q: string) => ProjectCollectionSchema.parse(await (await t.app.request(`/api/projects?${q}`)).json());

async function workbook(q: string) {
  const res = await t.app.request(`/api/export/projects.xlsx?${q}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}
// Rich text, links and formulas are objects: shown as JSON, not as [object Object].
const cellText = (v: ExcelJS.CellValue) =>
  v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : String(v);
/** A sheet as records keyed by its header row. */
function records(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const out: Record<string, string>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const values = (ws.getRow(i).values as ExcelJS.CellValue[]).slice(1);
    if (!values.length) continue;
    out.push(Object.fromEntries(header.map((h, j) => [h, cellText(values[j])])));
  }
  return out;
}
const agencyZh = (id: string) => geodata().plan.agencies.find((a) => a.id === id)!.name_zh;
const agencyEn = (id: string) => geodata().plan.agencies.find((a) => a.id === id)!.name_en;

/** The UTF-8 name of a Content-Disposition's filename*. */
const utf8Name = (cd: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(cd ?? '')![1]!);
const asciiName = (cd: string | null) => /filename="([^"]+)"/.exec(cd ?? '')![1]!;
/** Today in China, from just before to just after the request (a test may straddle midnight). */
const today = () => exportDate();

describe('GET /api/export/projects.xlsx', () => {
  it('has the Chinese headers, one row per project, a bold frozen header, and Tianjin port with province and lead agency', async () => {
    const wb = await workbook('');
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    for (const h of ['名称', '英文名称', '类别', '状态', '阶段', '省份', '牵头单位', '配合单位', '规划条款', '状态更新日期', '最新说明', '长度（km）', '面积（km²）']) {
      expect(header).toContain(h);
    }
    expect(header.slice(0, 2)).toEqual(['名称', '英文名称']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThan(10);
    const rows = records(ws);
    expect(rows).toHaveLength((await projects('')).features.length);
    const port = rows.find((r) => r['名称'] === '天津港')!;
    expect(port).toMatchObject({ 英文名称: 'Port of Tianjin', 类别: '港口', 省份: '天津' });
    expect(port['牵头单位']!.split('\n')).toContain(agencyZh('transport-commission'));
    expect(port['配合单位']!.split('\n')).toContain(agencyZh('tianjin-port-group'));
    expect(port['规划条款']).toContain('2.1.1.m1 推动区域内港口统筹规划与发展');
    // Each clause once, though the plan names the port in it by two phrases.
    expect(port['规划条款']!.split('\n').filter((c) => c.startsWith('2.1.3.m1 '))).toHaveLength(1);
    expect(port['最新说明']).toMatch(/依规划措辞推定/);
  });

  it('?lang=en gives English headers, labels and agency names', async () => {
    const ws = (await workbook('lang=en&province=tianjin')).worksheets[0]!;
    expect(ws.name).toBe('Projects');
    const port = records(ws).find((r) => r['Name'] === 'Port of Tianjin')!;
    expect(port).toMatchObject({ 'Chinese name': '天津港', Category: 'Seaport', Provinces: 'Tianjin' });
    expect(port['Lead agencies']!.split('\n')).toContain(agencyEn('transport-commission'));
  });

  it('states per province exactly the figures of /api/stats/coverage for the same filter', async () => {
    for (const q of ['node=2.1', 'category=intercity-rail,high-speed-rail', 'province=hebei&status=ongoing']) {
      const api = CoverageSchema.parse(await (await t.app.request(`/api/stats/coverage?${q}`)).json());
      const ws = (await workbook(q)).worksheets[1]!;
      expect(ws.name).toBe('省份覆盖');
      // A column for every per-province figure the API states, so a new figure cannot be left out.
      const perProvince = Object.keys(api).filter((k) => /[bB]y(Province|Partner)$/.test(k));
      expect(ws.getRow(1).cellCount - 1, JSON.stringify(Object.keys(api))).toBe(perProvince.length);
      const idOf = Object.fromEntries(Object.entries(PROVINCES).map(([id, p]) => [p.zh, id]));
      const rows = records(ws).filter((r) => idOf[r['省份']!]);
      const sheet = Object.fromEntries(rows.map((r) => [idOf[r['省份']!]!, r]));
      const named = new Set([api.byProvince, api.kmByProvince, api.km2ByProvince, api.regionsByProvince, api.measuresByPartner].flatMap((m) => Object.keys(m)));
      expect(Object.keys(sheet).sort()).toEqual([...named].sort());
      for (const p of named) {
        expect(Number(sheet[p]!['项目数']), `${q} ${p}`).toBe(api.byProvince[p] ?? 0);
        expect(Number(sheet[p]!['线路（公里）'])).toBe(api.kmByProvince[p] ?? 0);
        expect(Number(sheet[p]!['场地面积（平方公里）'])).toBe(api.km2ByProvince[p] ?? 0);
        expect(Number(sheet[p]!['规划区域（个）'])).toBe(api.regionsByProvince[p] ?? 0);
        expect(Number(sheet[p]!['列为合作方的规划措施数'])).toBe(api.measuresByPartner[p] ?? 0);
      }
      const total = records(ws).find((r) => r['省份'] === '项目总数')!;
      expect(Number(total['项目数'])).toBe(api.total);
    }
  });
});

describe('GET /api/export/projects.kml', () => {
  const parse = async (q: string) => {
    const res = await t.app.request(`/api/export/projects.kml?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/vnd\.google-earth\.kml\+xml/);
    const doc = new DOMParser().parseFromString(await res.text(), 'text/xml');
    return { doc, fc: kml(doc) };
  };

  it('is KML 2.2 with one Placemark per project of the filter, styled by category', async () => {
    for (const q of ['node=2.1', 'province=tianjin', '']) {
      const { doc, fc } = await parse(q);
      expect(doc.documentElement!.namespaceURI).toBe('http://www.opengis.net/kml/2.2');
      const api = await projects(q);
      expect(fc.features).toHaveLength(api.features.length);
      expect(fc.features.map((f) => f.properties!.id as string).sort()).toEqual(api.features.map((f) => f.properties.id).sort());
      const categories = new Set(api.features.map((f) => f.properties.category));
      const styles = [...Array.from(doc.getElementsByTagName('Style'))].map((s) => s.getAttribute('id'));
      expect(styles.sort()).toEqual([...categories].map((c) => `category-${c}`).sort());
      for (const f of fc.features) {
        const p = f.properties!;
        expect(p.styleUrl).toBe(`#category-${p.category}`);
        // togeojson resolves the style: the colour is the category's colour from the taxonomy.
        expect(String(p.stroke).toLowerCase()).toBe(CATEGORIES[p.category as CategoryId].color.toLowerCase());
      }
    }
  });

  it('carries names (Chinese first), category, status and clause ids, and every geometry kind', async () => {
    const { fc } = await parse('');
    const port = fc.features.find((f) => f.properties!.id === 'tianjin-port')!;
    expect(port.properties).toMatchObject({ name: '天津港 Port of Tianjin', name_zh: '天津港', category: 'seaport', status: 'ongoing' });
    expect(String(port.properties!.clauses).split(',')).toContain('2.1.1.m1');
    // The description is HTML for Google Earth's balloon: one line per clause.
    expect(String(port.properties!.description).split('<br/>').slice(0, 2)).toEqual(['港口 · 持续推进', '2.1.1.m1 推动区域内港口统筹规划与发展']);
    expect(port.geometry).toMatchObject({ type: 'Point' });
    const api = await projects('');
    const kinds = (type: string) => (type.startsWith('Multi') ? 'GeometryCollection' : type);
    for (const f of api.features) {
      const back = fc.features.find((g) => g.properties!.id === f.properties.id)!;
      // togeojson reads a MultiGeometry back as a GeometryCollection.
      expect(back.geometry!.type, f.properties.id).toBe(kinds(f.geometry.type));
    }
    expect(new Set(api.features.map((f) => f.geometry.type)).size).toBeGreaterThanOrEqual(5);
  });

  it('escapes text so any name survives a round trip through an XML parser', () => {
    const nasty = `A & B <c> "d" 'e' \u0001 港`;
    const doc = new DOMParser().parseFromString(`<a b="${xml(nasty)}">${xml(nasty)}</a>`, 'text/xml');
    expect(doc.documentElement!.textContent).toBe(nasty.replace('\u0001', ''));
    expect(doc.documentElement!.getAttribute('b')).toBe(nasty.replace('\u0001', ''));
  });
});

describe('GET /api/export/projects.csv', () => {
  const csv = async (q: string) => {
    const res = await t.app.request(`/api/export/projects.csv?${q}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return { res, lines: new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n') };
  };

  it('has the XLSX columns with Chinese headers by default, province names and agencies', async () => {
    const { lines } = await csv('category=seaport');
    expect(lines[0]).toMatch(/^名称,英文名称,类别,状态,阶段,省份,牵头单位,配合单位,/);
    const xlsxHeader = ((await workbook('')).worksheets[0]!.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    expect(lines[0]!.split(',')).toEqual(xlsxHeader);
    const port = lines.find((l) => l.startsWith('天津港,'))!;
    expect(port).toContain(',港口,');
    expect(port).toContain(',天津,');
    expect(port).toContain(agencyZh('transport-commission'));
    expect(port).not.toMatch(/,tianjin,/);
  });

  it('?lang=en gives English headers and names', async () => {
    const { lines } = await csv('category=seaport&lang=en');
    expect(lines[0]).toMatch(/^Name,Chinese name,Category,Status,Stage,Provinces,Lead agencies,/);
    expect(lines.find((l) => l.startsWith('Port of Tianjin,'))).toContain(',Tianjin,');
  });
});

describe('file names', () => {
  it('carry the filter and the date, as UTF-8 filename* with an ASCII fallback', async () => {
    const before = today();
    const res = await t.app.request('/api/export/projects.xlsx?province=tianjin&category=seaport');
    const after = today();
    const cd = res.headers.get('content-disposition');
    expect(cd).toMatch(/^attachment;/);
    expect([`渤海图集-天津-港口-${before}.xlsx`, `渤海图集-天津-港口-${after}.xlsx`]).toContain(utf8Name(cd));
    expect(asciiName(cd)).toMatch(/^Bohai_Atlas-Tianjin-Seaport-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(asciiName(cd)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('name every format, in the language asked for; no filter, no description', async () => {
    const date = today();
    const name = async (path: string) => utf8Name((await t.app.request(path)).headers.get('content-disposition'));
    expect(await name('/api/export/projects.csv')).toMatch(/^渤海图集-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await name('/api/export/projects.kml?status=construction&milestone=2020')).toMatch(/^渤海图集-在建-2020年-\d{4}-\d{2}-\d{2}\.kml$/);
    expect(await name('/api/export/projects.geojson?node=2.1&lang=en')).toMatch(/^Bohai Atlas-clause 2\.1-\d{4}-\d{2}-\d{2}\.geojson$/);
    expect(await name('/api/export/projects.csv?province=tianjin&lang=en')).toContain(`Tianjin-${date.slice(0, 4)}`);
    expect(await name(`/api/export/projects.csv?q=${encodeURIComponent('港')}&lang=en`)).toMatch(/^Bohai Atlas-search “港”-/);
    // Every filter at once still gives a name a file system takes (255 bytes), the date kept.
    const all = `province=${Object.keys(PROVINCES).join(',')}&category=${Object.keys(CATEGORIES).join(',')}&q=${encodeURIComponent('港'.repeat(100))}`;
    const long = await name(`/api/export/projects.xlsx?${all}`);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});

describe('OpenAPI', () => {
  it('describes every export with the filters and lang', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    for (const ext of ['xlsx', 'kml', 'csv', 'geojson']) {
      const names = doc.paths[`/api/export/projects.${ext}`]!.get.parameters.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['province', 'category', 'node', 'q', 'lang']));
    }
  });
});

describe('bad input', () => {
  it.each(['xlsx', 'kml', 'csv', 'geojson'])('%s: an unknown filter value or parameter is a 400 in the JSON error shape', async (ext) => {
    for (const [q, field] of [
      ['province=atlantis', 'province'],
      ['lang=fr', 'lang'],
      ['colour=red', 'colour'],
      ['node=9.9', 'node'],
    ] as const) {
      const res = await t.app.request(`/api/export/projects.${ext}?${q}`);
      expect(res.status, `${ext} ${q}`).toBe(400);
      expect(ErrorSchema.parse(await res.json()).error).toMatchObject({ code: 'bad_request', field });
    }
  });
});

describe('exports of awkward input', () => {
  it('name the file even when the search text puts an emoji at the cut-off (no 500)', async () => {
    for (const [q, lang] of [[`${'a'.repeat(55)}😀`, 'zh'], [`${'a'.repeat(90)}😀`, 'en']] as const) {
      const res = await t.app.request(`/api/export/projects.csv?q=${encodeURIComponent(q)}&lang=${lang}`);
      expect(res.status, lang).toBe(200);
      expect(utf8Name(res.headers.get('content-disposition'))).toMatch(/\.csv$/);
    }
  });
});
