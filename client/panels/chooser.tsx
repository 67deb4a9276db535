/**
 * A small menu over the map when one click lands on several projects at the same spot, or on a
 * place that only whole-region programmes cover (they are listed, none opened at random).
 */
import { useEffect, useRef } from 'react';
import { CATEGORIES } from '#shared/taxonomy.ts';
import { isWide } from '#shared/wide.ts';
import { nameOf, useT } from '../i18n/use-lang.ts';
import type { ChoiceItem } from '../map/pick.ts';

type Props = { projects: ChoiceItem[]; at: [number, number]; onPick: (id: string) => void; onClose: () => void };

export function Chooser({ projects, at, onPick, onClose }: Props) {
  const { lang, t, label } = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Esc closes this menu only (captured first, so it does not also leave a presentation).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose]);
  const regions = projects.length > 0 && projects.every((p) => isWide(p));
  return (
    <div
      className="chooser"
      role="menu"
      aria-label={regions ? t.chooserRegionsLabel : t.chooserStackLabel}
      style={{ left: `min(${at[0] + 8}px, calc(100% - 22rem))`, top: at[1] + 8 }}
      data-testid="chooser"
      data-kind={regions ? 'regions' : 'stack'}
    >
      <p>{regions ? t.chooserRegions : t.chooserStack}</p>
      {projects.map((p, i) => (
        <button key={p.id} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onPick(p.id)} data-id={p.id}>
          {nameOf(lang, p)} <small>{label(CATEGORIES[p.category])}</small>
        </button>
      ))}
    </div>
  );
}
