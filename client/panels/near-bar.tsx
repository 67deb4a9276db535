/** The answer to "what lies within N km": its count, the radius (editable), and a way out. */
import { useState } from 'react';
import { MAX_RADIUS_KM } from '#shared/limits.ts';
import { useT } from '../i18n/use-lang.ts';

type Props = { count: number; radiusKm: number; onRadius: (km: number) => void; onCancel: () => void };

export function NearBar({ count, radiusKm, onRadius, onCancel }: Props) {
  const { t } = useT();
  // The field may be empty while typing; the radius changes when a valid number is committed.
  const [text, setText] = useState(String(radiusKm));
  const commit = () => {
    const km = Number(text);
    if (Number.isFinite(km) && km > 0) onRadius(Math.min(km, MAX_RADIUS_KM));
    else setText(String(radiusKm));
  };
  return (
    <p className="near-result">
      {t.nearResult(count, radiusKm)}{' '}
      <label>
        {t.radius}{' '}
        <input
          type="number"
          min={1}
          max={MAX_RADIUS_KM}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </label>{' '}
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </p>
  );
}
