/** The filtered projects as a sortable table; hovering a row highlights it, clicking flies to it. */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORIES, PROVINCES, STATUSES, type ProvinceId } from '#shared/taxonomy.ts';
import { nameOf, useT } from '../i18n/use-lang.ts';
import type { Messages } from '../i18n/messages.ts';
import { concreteFirst, isWide } from '#shared/wide.ts';
import type { ProjectFeature } from '../lib/api.ts';

/** "北京、天津、河北等 15 个省区" rather than fifteen names in a narrow column. */
function provinceList(names: string[], t: Messages) {
  if (names.length <= 4) return names.join(t.listSep);
  return t.provincesMore(names.slice(0, 3).join(t.listSep), names.length);
}

const wide = (f: ProjectFeature) => isWide(f.properties);

/**
 * Rows drawn at first, and added each time the reader scrolls near the end: a list of 10,000
 * projects draws what is on screen and a little more, not 10,000 rows on every filter click. The
 * plan's own list (under a hundred) is drawn whole.
 */
export const LIST_PAGE = 200;
/** How many rows to draw: a page more once the end comes near, never more than there are. */
export const rowsToDraw = (total: number, drawn: number, nearEnd: boolean) => Math.min(total, nearEnd ? drawn + LIST_PAGE : Math.max(drawn, LIST_PAGE));

export type SortKey = 'name' | 'category' | 'status' | 'size' | 'distance';
/** A sort the rows already come in (a large set's page, sorted by the server): the headers ask for another. */
export type ServerSort = { key: SortKey; dir: 1 | -1; onSort: (key: SortKey, dir: 1 | -1) => void };

type Props = {
  features: ProjectFeature[];
  distances: Record<string, number> | null;
  selectedId: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
  serverSort?: ServerSort;
};

export function ProjectList({ features, distances, selectedId, onHover, onSelect, serverSort }: Props) {
  const { t, lang, label } = useT();
  // Until the user picks a column: nearest first when there are distances, else by name.
  const [chosen, setSort] = useState<{ key: SortKey | null; dir: 1 | -1 }>({ key: null, dir: 1 });
  const sort = serverSort ?? { key: chosen.key ?? (distances ? 'distance' : 'name'), dir: chosen.dir };
  const rows = useMemo(() => {
    if (serverSort) return features;
    const val = (f: ProjectFeature): string | number => {
      const p = f.properties;
      switch (sort.key) {
        case 'name':
          return nameOf(lang, p);
        case 'category':
          return label(CATEGORIES[p.category]);
        case 'status':
          return label(STATUSES[p.status]);
        case 'size':
          return p.length_km ?? p.area_km2 ?? -1;
        case 'distance':
          return distances?.[p.id] ?? Infinity;
      }
    };
    const sorted = [...features].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang === 'zh' ? 'zh' : 'en')) * sort.dir;
    });
    // Nearest first means the concrete places: programmes covering whole regions and sea areas
    // (everything is "0 km" from them) follow under their own heading.
    return distances && sort.key === 'distance' ? concreteFirst(sorted, wide) : sorted;
  }, [features, sort.key, sort.dir, lang, distances, label, serverSort]);
  const firstWide = distances && sort.key === 'distance' ? rows.findIndex(wide) : -1;
  // Rows drawn so far, for these rows (other rows start again at one page).
  const [drawnFor, setDrawn] = useState({ rows, n: rowsToDraw(rows.length, 0, false) });
  const drawn = drawnFor.rows === rows ? drawnFor.n : rowsToDraw(rows.length, 0, false);
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = end.current;
    if (!el || drawn >= rows.length || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && setDrawn({ rows, n: rowsToDraw(rows.length, drawn, true) }), { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, [rows, drawn]);

  const sortButton = (key: SortKey, text: string) => (
    <button type="button" onClick={() => (serverSort?.onSort ?? ((k: SortKey, dir: 1 | -1) => setSort({ key: k, dir })))(key, sort.key === key ? ((-sort.dir) as 1 | -1) : 1)}>
      {text}
      {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
    </button>
  );
  const ariaSort = (...keys: SortKey[]) => (keys.includes(sort.key) ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none');
  const header = (key: SortKey, text: string) => (
    <th scope="col" aria-sort={ariaSort(key)}>
      {sortButton(key, text)}
    </th>
  );

  return (
    <div className="project-list">
      <table>
        <caption className="sr-only">{t.list}</caption>
        <thead>
          <tr>
            {header('name', t.name)}
            <th scope="col" aria-sort={ariaSort('category', 'status')}>
              {sortButton('category', t.category)} / {sortButton('status', t.status)}
            </th>
            {header('size', `${t.length}/${t.area}`)}
            {distances && header('distance', t.km)}
          </tr>
        </thead>
        <tbody onMouseLeave={() => onHover(null)}>
          {rows.slice(0, drawn).map((f, i) => {
            const p = f.properties;
            return (
              <Fragment key={p.id}>
              {i === firstWide && (
                <tr className="group-row">
                  <th colSpan={4} scope="rowgroup">
                    {t.wholeRegionsHere}
                  </th>
                </tr>
              )}
              <tr
                data-id={p.id}
                className={p.id === selectedId ? 'selected' : ''}
                onMouseEnter={() => onHover(p.id)}
                onFocus={() => onHover(p.id)}
                onClick={() => onSelect(p.id)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(p.id))}
                tabIndex={0}
              >
                <td>
                  {nameOf(lang, p)}
                  <small>{provinceList(p.provinces.split(',').filter(Boolean).map((x) => label(PROVINCES[x as ProvinceId] ?? { zh: x, en: x })), t)}</small>
                </td>
                <td className="kind">
                  {label(CATEGORIES[p.category])}
                  <small>
                    <span className="status-dot" style={{ background: STATUSES[p.status]?.color }} aria-hidden />
                    {label(STATUSES[p.status])}
                  </small>
                </td>
                <td className="num">{p.length_km != null ? `${Math.round(p.length_km).toLocaleString()} ${t.km}` : p.area_km2 != null ? `${Math.round(p.area_km2).toLocaleString()} ${t.km2}` : ''}</td>
                {distances && <td className="num">{distances[p.id]}</td>}
              </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {!rows.length && <p className="empty">{t.noMatch}</p>}
      {drawn < rows.length && <p ref={end} className="more" aria-hidden />}
    </div>
  );
}
