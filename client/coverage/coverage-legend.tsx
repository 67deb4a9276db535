/**
 * The coverage map's legend: the measure, the filter it follows, and each class as the range of
 * figures it holds with the provinces in it (zero is "none"). Each row carries its range and ids as
 * data attributes, so a test can check the classes against /api/stats/coverage.
 */
import { PROVINCES, type ProvinceId } from '#shared/taxonomy.ts';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import type { Classes } from './class-breaks.ts';
import { choroplethTitle, classRows } from './legend-classes.ts';
import type { CoverageMeasure } from './measures.ts';

type Props = {
  measure: CoverageMeasure;
  classes: Classes | null;
  pending: boolean;
  error: unknown;
  /** The filters in words ('' = none). */
  summary: string;
  /** The provinces filtered by, and a click on a name (the keyboard's way to a province). */
  selected: readonly string[];
  onProvince: (id: string) => void;
};

export function CoverageLegend({ measure, classes, pending, error, summary, selected, onProvince }: Props) {
  const { t, lang, label } = useT();
  const names = (ids: string[]) =>
    ids.map((id, i) => (
      <span key={id}>
        {i > 0 && t.listSep}
        <button type="button" className="link province-link" data-province={id} aria-pressed={selected.includes(id)} onClick={() => onProvince(id)}>
          {label(PROVINCES[id as ProvinceId] ?? { zh: id, en: id })}
        </button>
      </span>
    ));
  return (
    <section className="coverage-legend" aria-label={t.coverageMap} data-testid="coverage-legend" data-measure={measure} data-pending={pending || !classes ? 'true' : 'false'}>
      <h2>{choroplethTitle(measure, lang, t)}</h2>
      <p className="coverage-legend-filter">
        {t.coverageFollows}
        {t.colon}
        {summary || t.coverageAll}
      </p>
      {error != null && <p role="alert">{errorText(error, lang)}</p>}
      {!classes && error == null && <p aria-busy="true">{t.coverageLoading}</p>}
      {classes && (
        <ul>
          {classRows(classes, lang, t).map((row) => (
            <li key={row.key} data-class={row.key} data-min={row.min ?? undefined} data-max={row.max ?? undefined} data-ids={row.ids.join(',')} data-color={row.color}>
              <span className="swatch swatch-class" style={{ background: row.color }} aria-hidden />
              <span className="class-range">{row.range}</span>
              {row.key !== 'none' && <span className="class-names">{names(row.ids)}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="coverage-legend-hint">{t.coverageClickHint}</p>
    </section>
  );
}
