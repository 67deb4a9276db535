/** The map's two switches: colour the projects by category or status, and the coverage map's measure. */
import { useT } from '../i18n/use-lang.ts';
import { COVERAGE_MEASURE_IDS, COVERAGE_MEASURES, isCoverageMeasure, type CoverageMeasure } from './measures.ts';

type Props = {
  symbology: 'category' | 'status';
  onSymbology: (s: 'category' | 'status') => void;
  coverage: CoverageMeasure | null;
  onCoverage: (m: CoverageMeasure | null) => void;
};

export function MapTools({ symbology, onSymbology, coverage, onCoverage }: Props) {
  const { t, label } = useT();
  return (
    <div className="map-tools">
      <div className="map-tools-row" role="group" aria-label={t.colourBy}>
        <span>{t.colourBy}</span>
        {(['category', 'status'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={symbology === s} data-symbology={s} onClick={() => onSymbology(s)}>
            {s === 'category' ? t.byCategory : t.byStatus}
          </button>
        ))}
      </div>
      <label className="map-tools-row">
        <span>{t.coverageMap}</span>
        <select value={coverage ?? ''} data-testid="coverage-measure" onChange={(e) => onCoverage(isCoverageMeasure(e.target.value) ? e.target.value : null)}>
          <option value="">{t.coverageOff}</option>
          {COVERAGE_MEASURE_IDS.map((m) => (
            <option key={m} value={m}>
              {label(COVERAGE_MEASURES[m])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
