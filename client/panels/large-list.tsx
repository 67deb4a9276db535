/**
 * The list of a large set (client/state/large-set.ts): one page at a time from the server, shown by
 * the list panel itself. Its column headers sort on the server, so the first row is the first of
 * every match (not of the page in hand): by name in the reader's language unless told, nearest
 * first with `near`, whole regions after the concrete places, as the list of a small set sorts.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../i18n/use-lang.ts';
import type { ProjectFeature } from '../lib/api.ts';
import { projectPageQuery } from '../state/queries.ts';
import type { ServerQuery } from '../state/server-query.ts';
import { ProjectList, type SortKey } from './project-list.tsx';

export const PAGE_SIZE = 100;

type Props = {
  /** The API query of what the map shows; a new one starts again at the first page. */
  query: ServerQuery;
  selectedId: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
};

export function LargeList({ query, selectedId, onHover, onSelect }: Props) {
  const { t, lang } = useT();
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: query.near ? 'distance' : 'name', dir: 1 });
  const page = { offset: String(offset), limit: String(PAGE_SIZE), lang, sort: sort.key, dir: sort.dir === 1 ? 'asc' : 'desc' } as const;
  const { data } = useQuery({ ...projectPageQuery(query, page), placeholderData: keepPreviousData });
  if (!data) return <p className="empty">{t.loading}</p>;
  // The list panel draws the rows; it reads only their properties.
  const features = data.items.map((properties) => ({ type: 'Feature', id: properties.id, geometry: null, properties }) as unknown as ProjectFeature);
  const distances = query.near ? Object.fromEntries(data.items.map((p) => [p.id, p.distance_km ?? 0])) : null;
  const last = Math.min(data.offset + data.items.length, data.total);
  return (
    <div className="large-list">
      <p className="pager" data-testid="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} aria-label={t.pagePrevious}>
          ‹
        </button>
        <span>{t.pageOf(data.total ? data.offset + 1 : 0, last, data.total)}</span>
        <button type="button" disabled={last >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)} aria-label={t.pageNext}>
          ›
        </button>
      </p>
      <ProjectList
        features={features}
        distances={distances}
        selectedId={selectedId}
        onHover={onHover}
        onSelect={onSelect}
        // Another order starts again at the first page.
        serverSort={{ ...sort, onSort: (key, dir) => (setSort({ key, dir }), setOffset(0)) }}
      />
    </div>
  );
}
