/** The legend is also the layer switch: one row per category with its symbol and live count. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CATEGORIES, CATEGORY_IDS, CATEGORY_GROUPS, PROVINCES, type CategoryId, type ProvinceId } from '#shared/taxonomy.ts';
import { useT } from '../i18n/use-lang.ts';
import { drawSymbol, edgeOf, SYMBOL_EDGE } from '../map/symbols.ts';

function Swatch({ category }: { category: CategoryId }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const geometry = CATEGORIES[category].geometry;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || geometry !== 'point') return;
    drawSymbol(ctx, category, false, canvas.width);
  }, [category, geometry]);
  // As the map draws them: a light hue's line has a dark casing of its hue, an area its edge colour.
  const edge = SYMBOL_EDGE[category];
  if (geometry === 'line') return <span className="swatch swatch-line" style={{ borderColor: CATEGORIES[category].color, boxShadow: edge ? `0 0 0 1px ${edge}` : undefined }} aria-hidden />;
  if (geometry === 'area') return <span className="swatch swatch-area" style={{ background: `color-mix(in srgb, ${CATEGORIES[category].color} 45%, transparent)`, borderColor: edgeOf(category), opacity: 1 }} aria-hidden />;
  return <canvas ref={ref} width={32} height={32} className="swatch" aria-hidden />;
}

type Props = {
  /** Open or folded at first; by default open only on a tall screen. */
  startOpen?: boolean;
  /** Leave out categories with nothing to show (presentation). */
  hideEmpty?: boolean;
  counts: Record<string, number>;
  /** Partner provinces of the chosen clauses, outlined on the map. */
  partners: string[];
  hidden: CategoryId[];
  onToggle: (c: CategoryId) => void;
  /** Shown above the categories even when folded: the map's switches and the status key. */
  top?: ReactNode;
  /** Category swatches; off when the projects are coloured by status (the rows stay as switches). */
  swatches?: boolean;
};

export function Legend({ startOpen, hideEmpty, counts, partners, hidden, onToggle, top, swatches = true }: Props) {
  const { t, label } = useT();
  const groups = Object.keys(CATEGORY_GROUPS) as (keyof typeof CATEGORY_GROUPS)[];
  // Open by default on a tall screen; a 720-line laptop starts with it folded so the map shows.
  const [open, setOpen] = useState(() => startOpen ?? window.innerHeight > 800);
  return (
    <section className={`legend${open ? '' : ' folded'}`} aria-label={t.legend}>
      <h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="legend-toggle">
          {open ? '▾' : '▸'} {t.legend}
        </button>
      </h2>
      {top}
      {open && groups.map((g) => {
        const rows = CATEGORY_IDS.filter((c) => CATEGORIES[c].group === g && (!hideEmpty || counts[c]));
        return rows.length === 0 ? null : (
        <fieldset key={g}>
          <legend>{label(CATEGORY_GROUPS[g])}</legend>
          {rows.map((c) => (
            <label key={c} className={counts[c] ? '' : 'empty'} data-category={c}>
              <input type="checkbox" checked={!hidden.includes(c)} onChange={() => onToggle(c)} />
              {swatches && <Swatch category={c} />}
              <span className="legend-name">{label(CATEGORIES[c])}</span>
              <span className="legend-count" data-testid={`count-${c}`}>{counts[c] ?? 0}</span>
            </label>
          ))}
        </fieldset>
        );
      })}
      {open && <p className="legend-precision">
        <span className="swatch swatch-line dashed" aria-hidden /> {t.noteSchematic}
        <br />
        <span className="swatch swatch-area pale" aria-hidden /> {t.legendRegion}
        <br />
        <span className="swatch swatch-hollow" aria-hidden /> {t.noteApproximate}
        {partners.length > 0 && (
          <>
            <br />
            <span className="swatch swatch-partner" aria-hidden /> {t.partnerProvinces}{t.colon}
            <span data-testid="partners">{partners.map((p) => label(PROVINCES[p as ProvinceId] ?? { zh: p, en: p })).join(t.listSep)}</span>
          </>
        )}
      </p>}
    </section>
  );
}
