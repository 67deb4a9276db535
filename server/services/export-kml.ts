/**
 * The KML 2.2 export: one Placemark per project (names, Chinese first; category, status and clause
 * ids as ExtendedData), one Style per category present, coloured as on the map. Built here rather
 * than with @placemarkio/tokml, which writes no Style or styleUrl. Every text goes through xml().
 */
import type { Geometry } from '#shared/schema.ts';
import { CATEGORIES, STATUSES } from '#shared/taxonomy.ts';
import { ATLAS_TITLE } from './export-names.ts';
import { labelOf, type ExportRow, type ExportSet } from './export-table.ts';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function xml(s: string | number): string {
  return (
    String(s)
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
  );
}

/** '#0072B2' with an alpha 0-255 as KML's aabbggrr. */
export function kmlColor(hex: string, alpha = 255): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `${alpha.toString(16).padStart(2, '0')}${b}${g}${r}`.toLowerCase();
}

export const styleId = (category: string) => `category-${category}`;

function style(category: string): string {
  const color = (CATEGORIES as Record<string, { color: string }>)[category]?.color ?? '#666666';
  return `<Style id="${xml(styleId(category))}">
<IconStyle><color>${kmlColor(color)}</color><scale>1</scale></IconStyle>
<LineStyle><color>${kmlColor(color)}</color><width>3</width></LineStyle>
<PolyStyle><color>${kmlColor(color, 0x66)}</color><outline>1</outline></PolyStyle>
</Style>`;
}

type Position = [number, number];
const coords = (ps: Position[]) => ps.map((p) => `${p[0]},${p[1]}`).join(' ');
const polygon = (rings: Position[][]) =>
  `<Polygon><tessellate>1</tessellate>${rings
    .map((r, i) => `<${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}>`)
    .join('')}</Polygon>`;
const line = (ps: Position[]) => `<LineString><tessellate>1</tessellate><coordinates>${coords(ps)}</coordinates></LineString>`;
const point = (p: Position) => `<Point><coordinates>${coords([p])}</coordinates></Point>`;

export function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return point(g.coordinates);
    case 'LineString':
      return line(g.coordinates);
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map(point).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map(line).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
  }
}

function placemark(r: ExportRow, set: ExportSet): string {
  const { lang } = set;
  const zh = lang === 'zh';
  const p = r.row;
  const data: [string, string, string | number | null][] = [
    ['id', 'ID', p.id],
    ['name_zh', zh ? '名称' : 'Chinese name', p.nameZh],
    ['name_en', zh ? '英文名称' : 'English name', p.nameEn],
    ['category', zh ? '类别' : 'Category', p.category],
    ['category_label', zh ? '类别名称' : 'Category label', labelOf(CATEGORIES, p.category, lang)],
    ['status', zh ? '状态' : 'Status', p.status],
    ['status_label', zh ? '状态名称' : 'Status label', labelOf(STATUSES, p.status, lang)],
    ['clauses', zh ? '规划条款' : 'Plan clauses', r.clauses.map((c) => c.node).join(',')],
    ['length_km', zh ? '长度（km）' : 'Length (km)', p.lengthKm],
    ['area_km2', zh ? '面积（km²）' : 'Area (km²)', p.areaKm2],
  ];
  // Google Earth renders a description as HTML: each line escaped for HTML, then the whole for XML.
  const description = [
    `${labelOf(CATEGORIES, p.category, lang)} · ${labelOf(STATUSES, p.status, lang)}`,
    ...r.clauses.map((c) => `${c.node} ${zh ? c.title_zh : c.title_en}`),
  ]
    .map(xml)
    .join('<br/>');
  return `<Placemark id="${xml(p.id)}">
<name>${xml(`${p.nameZh} ${p.nameEn}`)}</name>
<description>${xml(description)}</description>
<styleUrl>#${xml(styleId(p.category))}</styleUrl>
<ExtendedData>${data
    .filter(([, , v]) => v !== null && v !== '')
    .map(([k, label, v]) => `<Data name="${xml(k)}"><displayName>${xml(label)}</displayName><value>${xml(v!)}</value></Data>`)
    .join('')}</ExtendedData>
${kmlGeometry(r.geometry)}
</Placemark>`;
}

export function projectsKml(set: ExportSet): string {
  const zh = set.lang === 'zh';
  const categories = [...new Set(set.rows.map((r) => r.row.category))].sort(
    (a, b) => Object.keys(CATEGORIES).indexOf(a) - Object.keys(CATEGORIES).indexOf(b),
  );
  const title = [ATLAS_TITLE[set.lang], ...set.filterParts].join(' · ');
  const about = `${set.filterPartsLong.join(zh ? '；' : '; ') || (zh ? '全部项目' : 'All projects')} (${set.date})`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
<name>${xml(title)}</name>
<description>${xml(about)}</description>
${categories.map(style).join('\n')}
${set.rows.map((r) => placemark(r, set)).join('\n')}
</Document>
</kml>
`;
}
