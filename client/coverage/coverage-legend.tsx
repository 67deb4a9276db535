/**
 * The coverage map's legend: the measure, the filter it follows, and each class as the range of
 * figures it holds with the provinces in it (zero is "none"). Each row carries its range and ids as
 * data attributes, so a test can check the classes against /api/stats/coverage.
 */
import { PROVINCES, type ProvinceId } from '#shared/taxonomy.ts';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import type { Classes } from './class-breaks.ts';
import { classColors, NONE_COLOR } from './choropleth.ts';
import { COVERAGE_MEASURES, type CoverageMeasure } from './measures.ts';

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

const number = (n: number, lang: string) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: n < 10 ? 1 : 0 });

export function CoverageLegend({ measure, classes, pending, error, summary, selected, onProvince }: Props) {
  const { t, lang, label } = useT();
  const m = COVERAGE_MEASURES[measure];
  const colors = classColors(classes?.classes.length ?? 0);
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
      <h2>{t.coverageTitle(label(m), label(m.unit))}</h2>
      <p className="coverage-legend-filter">
        {t.coverageFollows}
        {t.colon}
        {summary || t.coverageAll}
      </p>
      {error != null && <p role="alert">{errorText(error, lang)}</p>}
      {!classes && error == null && <p aria-busy="true">{t.coverageLoading}</p>}
      {classes && (
        <ul>
          {[...classes.classes].reverse().map((c, r) => {
            const i = classes.classes.length - 1 - r;
            return (
              <li key={i} data-class={i} data-min={c.min} data-max={c.max} data-ids={c.ids.join(',')} data-color={colors[i]}>
                <span className="swatch swatch-class" style={{ background: colors[i] }} aria-hidden />
                <span className="class-range">{c.min === c.max ? number(c.min, lang) : `${number(c.min, lang)}–${number(c.max, lang)}`}</span>
                <span className="class-names">{names(c.ids)}</span>
              </li>
            );
          })}
          <li data-class="none" data-ids={classes.none.join(',')} data-color={NONE_COLOR}>
            <span className="swatch swatch-class" style={{ background: NONE_COLOR }} aria-hidden />
            <span className="class-range">{t.coverageNone}</span>
          </li>
        </ul>
      )}
      <p className="coverage-legend-hint">{t.coverageClickHint}</p>
    </section>
  );
}
