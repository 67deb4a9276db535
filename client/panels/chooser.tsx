/** A small menu over the map when one click lands on several projects at the same spot. */
import { useEffect, useRef } from 'react';
import { CATEGORIES } from '#shared/taxonomy.ts';
import { nameOf, useT } from '../i18n/use-lang.ts';
import type { ProjectFeature } from '../lib/api.ts';

type Props = { projects: ProjectFeature[]; at: [number, number]; onPick: (id: string) => void; onClose: () => void };

export function Chooser({ projects, at, onPick, onClose }: Props) {
  const { lang, label } = useT();
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
  return (
    <div className="chooser" role="menu" aria-label={lang === 'zh' ? '此处有多个项目' : 'Several projects here'} style={{ left: at[0] + 8, top: at[1] + 8 }} data-testid="chooser">
      <p>{lang === 'zh' ? '此处有多个项目：' : 'Several projects here:'}</p>
      {projects.map((p, i) => (
        <button key={p.properties.id} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onPick(p.properties.id)} data-id={p.properties.id}>
          {nameOf(lang, p.properties)} <small>{label(CATEGORIES[p.properties.category])}</small>
        </button>
      ))}
    </div>
  );
}
