/**
 * The XLSX export (exceljs): sheet 1 the project table (export-table.ts), sheet 2 the coverage
 * figures per province exactly as /api/stats/coverage states them (coverageFor), sheet 3 what the
 * file holds (filter, date, sources). Header rows are bold and frozen, with a filter on them.
 */
import ExcelJS from 'exceljs';
import { PROVINCES } from '#shared/taxonomy.ts';
import type { CoverageFigures } from './coverage.ts';
import { ATLAS_TITLE } from './export-names.ts';
import { COLUMNS, labelOf, type ExportSet } from './export-table.ts';

const SHEETS = {
  projects: { zh: '项目', en: 'Projects' },
  coverage: { zh: '省份覆盖', en: 'Coverage by province' },
  about: { zh: '说明', en: 'About' },
} as const;

/** The coverage sheet's columns: the province, then what /api/stats/coverage counts for it. */
export const COVERAGE_COLUMNS = [
  { zh: '省份', en: 'Province', width: 14, value: (_c: CoverageFigures, p: string) => p },
  { zh: '项目数', en: 'Projects', width: 10, value: (c: CoverageFigures, p: string) => c.byProvince[p] ?? 0 },
  { zh: '线路（公里）', en: 'Corridors (km)', width: 14, value: (c: CoverageFigures, p: string) => c.kmByProvince[p] ?? 0 },
  { zh: '场地面积（平方公里）', en: 'Sites (km²)', width: 20, value: (c: CoverageFigures, p: string) => c.km2ByProvince[p] ?? 0 },
  { zh: '规划区域（个）', en: 'Programme regions', width: 16, value: (c: CoverageFigures, p: string) => c.regionsByProvince[p] ?? 0 },
  { zh: '列为合作方的规划措施数', en: 'Plan measures naming it as a partner', width: 24, value: (c: CoverageFigures, p: string) => c.measuresByPartner[p] ?? 0 },
] as const;

function headerRow(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  header.alignment = { vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}

/** Provinces with any figure, in the order of PROVINCES (the plan's region first), then any others. */
function provincesOf(c: CoverageFigures): string[] {
  const named = new Set([c.byProvince, c.kmByProvince, c.km2ByProvince, c.regionsByProvince, c.measuresByPartner].flatMap((m) => Object.keys(m)));
  const known = Object.keys(PROVINCES).filter((p) => named.has(p));
  return [...known, ...[...named].filter((p) => !known.includes(p)).sort()];
}

export async function projectsXlsx(set: ExportSet, coverage: CoverageFigures): Promise<Buffer> {
  const { lang } = set;
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  wb.creator = `${ATLAS_TITLE.zh} ${ATLAS_TITLE.en}`;
  wb.created = new Date();

  const projects = wb.addWorksheet(SHEETS.projects[lang]);
  projects.columns = COLUMNS.map((c) => ({ header: c[lang], width: c.width }));
  for (const r of set.rows) {
    projects.addRow(COLUMNS.map((c) => {
      const v = c.value(r, lang);
      return Array.isArray(v) ? v.join('\n') : v;
    }));
  }
  // Lists (provinces, agencies, clauses) hold one item per line.
  projects.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  headerRow(projects);

  const cov = wb.addWorksheet(SHEETS.coverage[lang]);
  cov.columns = COVERAGE_COLUMNS.map((c) => ({ header: c[lang], width: c.width }));
  for (const p of provincesOf(coverage)) {
    cov.addRow(COVERAGE_COLUMNS.map((c, i) => (i === 0 ? labelOf(PROVINCES, p, lang) : c.value(coverage, p))));
  }
  headerRow(cov);
  cov.addRow([]);
  cov.addRow([zh ? '项目总数' : 'Projects in all', coverage.total]);
  cov.addRow([zh ? '规划措施数' : 'Plan measures', coverage.measures]);
  // The same explanations as the statistics tab (client/i18n/messages.ts: kmExplained, km2Explained, overlapExplained).
  for (const note of zh
    ? ['线路公里数：每条线路在省界处切分，各段计入所在省份。', '场地面积：具体场地在各省内的平方公里数；大范围规划区域、海域只计个数，不计面积。', '一个项目可跨多个省份，各省项目数之和因此大于项目总数。']
    : ['Corridor km: each line is cut at province borders and each part counted in its province.', 'Site km²: concrete sites inside each province; wide programme regions and sea areas are counted, not summed as area.', "A project can touch several provinces, so the provinces' project counts add up to more than the total."]) {
    cov.addRow([note]);
  }

  const about = wb.addWorksheet(SHEETS.about[lang]);
  about.columns = [{ width: 16 }, { width: 90 }];
  const lines: [string, string][] = [
    [zh ? '文件' : 'File', `${ATLAS_TITLE[lang]}${zh ? '：' : ': '}${zh ? '天津市贯彻落实《环渤海地区合作发展纲要》实施方案的项目' : "the projects of Tianjin's implementation plan for the Bohai Rim outline"}`],
    [zh ? '筛选条件' : 'Filter', set.filterPartsLong.join(zh ? '；' : '; ') || (zh ? '全部项目' : 'All projects')],
    [zh ? '导出日期' : 'Exported', set.date],
    [zh ? '项目数' : 'Projects', String(set.rows.length)],
    [zh ? '状态说明' : 'Status', zh ? '由“规划”记录的状态系依规划措辞推定，并非核实的现状。' : 'A status recorded by "plan" is implied by the plan\'s wording, not a verified current state.'],
    [zh ? '数据来源' : 'Sources', zh ? '规划原文；位置见 geodata/README.md（GeoNames CC BY 4.0、UN/LOCODE、OurAirports、Natural Earth）。' : 'The plan text; places per geodata/README.md (GeoNames CC BY 4.0, UN/LOCODE, OurAirports, Natural Earth).'],
  ];
  for (const l of lines) about.addRow(l);
  about.getColumn(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
