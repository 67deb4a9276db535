/** The key of the status colours: each status with how many shown projects have it (now or on the day). */
import { STATUS_IDS, STATUSES } from '#shared/taxonomy.ts';
import { useT } from '../i18n/use-lang.ts';
import { NOT_RECORDED_COLOR } from './symbology.ts';

type Props = {
  counts: Record<string, number>;
  /** The chosen day, or null for today. */
  asOf: string | null;
  /** Shown projects whose status is still only the plan's wording. */
  planOnly: number;
};

export function StatusKey({ counts, asOf, planOnly }: Props) {
  const { t, label } = useT();
  const rows = STATUS_IDS.filter((s) => counts[s]);
  return (
    <div className="status-key" data-testid="status-key" data-as-of={asOf ?? ''}>
      <h3>{asOf ? t.statusOn(asOf) : t.statusNow}</h3>
      <ul>
        {rows.map((s) => (
          <li key={s} data-status={s}>
            <span className="swatch swatch-dot" style={{ background: STATUSES[s].color }} aria-hidden />
            <span>{label(STATUSES[s])}</span>
            <span className="legend-count">{counts[s]}</span>
          </li>
        ))}
        {asOf && counts.none ? (
          <li data-status="none" className="not-recorded">
            <span className="swatch swatch-dot" style={{ background: NOT_RECORDED_COLOR, opacity: 0.35 }} aria-hidden />
            <span>{t.notRecorded}</span>
            <span className="legend-count">{counts.none}</span>
          </li>
        ) : null}
      </ul>
      {planOnly > 0 && <p className="status-key-note">{t.planImplied(planOnly)}</p>}
    </div>
  );
}
