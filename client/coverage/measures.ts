/**
 * The measures the coverage choropleth can show, each a field of /api/stats/coverage
 * (server/services/coverage.ts) keyed by province id, with its bilingual name and unit.
 */
import type { Label } from '#shared/taxonomy.ts';

export const COVERAGE_MEASURES = {
  projects: { field: 'byProvince', zh: '项目数', en: 'Projects', unit: { zh: '个', en: '' }, digits: 0 },
  km: { field: 'kmByProvince', zh: '线路长度', en: 'Corridor length', unit: { zh: '公里', en: 'km' }, digits: 0 },
  km2: { field: 'km2ByProvince', zh: '场地面积', en: 'Area of sites', unit: { zh: '平方公里', en: 'km²' }, digits: 0 },
  measures: { field: 'measuresByPartner', zh: '点名为合作方的规划措施', en: 'Plan measures naming it as partner', unit: { zh: '项', en: '' }, digits: 0 },
} as const satisfies Record<string, Label & { field: string; unit: Label; digits: number }>;

export type CoverageMeasure = keyof typeof COVERAGE_MEASURES;
export const COVERAGE_MEASURE_IDS = Object.keys(COVERAGE_MEASURES) as [CoverageMeasure, ...CoverageMeasure[]];
export const isCoverageMeasure = (s: string | null): s is CoverageMeasure => s !== null && s in COVERAGE_MEASURES;

/** The figures of one measure per province, from a coverage answer (absent fields read as none). */
export function figuresOf(coverage: Partial<Record<string, unknown>>, m: CoverageMeasure): Record<string, number> {
  const v = coverage[COVERAGE_MEASURES[m].field];
  return v && typeof v === 'object' ? (v as Record<string, number>) : {};
}
