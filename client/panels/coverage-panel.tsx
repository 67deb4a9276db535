/**
 * Coverage of what the map shows, for a meeting: projects, kilometres of corridors (cut at province
 * borders), square kilometres of sites, programme regions touching each province (counted, never
 * summed as land), the plan's measures per partner province, and counts by status and task area. The figures come from /api/stats/coverage (shared/coverage.ts) with the same filters.
 */
import { PROVINCES, PROVINCE_IDS, STATUSES, STATUS_IDS } from '#shared/taxonomy.ts';
import { titleOf, useT } from '../i18n/use-lang.ts';
import { useCoverage } from '../coverage/use-coverage-data.ts';
import type { PlanPayload } from '../lib/api.ts';
import { QueryStatus } from '../state/queries-status.tsx';
import type { ServerQuery } from '../state/server-query.ts';
import { COVERAGE_MEASURE_IDS, COVERAGE_MEASURES, type CoverageMeasure } from '../coverage/measures.ts';

type Props = {
  /** The API query of what the map shows (serverQuery), or null when nothing is shown. */
  query: ServerQuery | null;
  plan: PlanPayload | null;
  /** The coverage map's measure (client/coverage), and a way to choose it from here. */
  measure?: CoverageMeasure | null;
  onMeasure?: (m: CoverageMeasure | null) => void;
};

const fmt = (n: number | undefined) => (n ? Math.round(n).toLocaleString() : '—');

function Bar({ value, max, color }: { value: number; max: number; color: string }) {
  return <span className="bar" style={{ width: `${max ? (100 * value) / max : 0}%`, background: color }} aria-hidden />;
}

export function CoveragePanel({ query, plan, measure, onMeasure }: Props) {
  const { t, lang, label } = useT();
  const { coverage: c, error, empty } = useCoverage(query);
  if (empty) return <p className="empty">{t.noMatch}</p>;
  if (error || !c) return <QueryStatus error={error} />;

  const provinces = PROVINCE_IDS.filter((p) => PROVINCES[p].plan || c.byProvince[p] || c.measuresByPartner[p]);
  const maxStatus = Math.max(...Object.values(c.byStatus), 0);
  const sections = plan?.nodes.filter((n) => n.kind === 'section' && n.parent === '2') ?? [];
  const maxSection = Math.max(...sections.map((s) => c.byTaskArea[s.id] ?? 0), 0);

  return (
    <div className="coverage" data-testid="coverage">
      <p>
        <strong>{t.count(c.total)}</strong>
      </p>
      <table>
        <caption>{t.coverageCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.provinceOrRegion}</th>
            <th scope="col" className="num">{t.projects}</th>
            <th scope="col" className="num" title={t.kmExplained}>{t.kmColumn}</th>
            <th scope="col" className="num" title={t.km2Explained}>{t.km2Column}</th>
            <th scope="col" className="num" title={t.regionsExplained}>{t.regionsColumn}</th>
            <th scope="col" className="num" title={t.measuresExplained}>
              {t.measuresColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {provinces.map((p) => (
            <tr key={p} data-province={p}>
              <th scope="row">{label(PROVINCES[p])}</th>
              <td className="num">{c.byProvince[p] ?? 0}</td>
              <td className="num">{fmt(c.kmByProvince[p])}</td>
              <td className="num">{fmt(c.km2ByProvince[p])}</td>
              <td className="num">{c.regionsByProvince[p] ?? 0}</td>
              <td className="num">{c.measuresByPartner[p] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="hint" data-testid="coverage-definitions">
        <li>{t.kmExplained}</li>
        <li>{t.km2Explained}</li>
        <li>{t.regionsExplained}</li>
        <li>{t.overlapExplained}</li>
      </ul>
      {onMeasure && (
        <div className="coverage-on-map" role="group" aria-label={t.showOnMap}>
          <span>{t.showOnMap}</span>
          {COVERAGE_MEASURE_IDS.map((m) => (
            <button key={m} type="button" aria-pressed={measure === m} data-measure={m} onClick={() => onMeasure(measure === m ? null : m)}>
              {label(COVERAGE_MEASURES[m])}
            </button>
          ))}
        </div>
      )}
      <h3>{t.status}</h3>
      <ul className="bars">
        {STATUS_IDS.filter((s) => c.byStatus[s]).map((s) => (
          <li key={s}>
            <span className="bar-label">{label(STATUSES[s])}</span>
            <Bar value={c.byStatus[s] ?? 0} max={maxStatus} color={STATUSES[s].color} />
            <span className="num">{c.byStatus[s]}</span>
          </li>
        ))}
      </ul>
      <h3>{t.taskAreas}</h3>
      <ul className="bars">
        {sections.map((s) => (
          <li key={s.id}>
            <span className="bar-label">{titleOf(lang, s)}</span>
            <Bar value={c.byTaskArea[s.id] ?? 0} max={maxSection} color="var(--accent)" />
            <span className="num">{c.byTaskArea[s.id] ?? 0}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
