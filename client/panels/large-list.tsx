/**
 * The list of a large set (client/state/large-set.ts): one page at a time from the server, in the
 * list panel's order (by name in the reader's language), shown by the list panel itself.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../i18n/use-lang.ts';
import type { ProjectFeature } from '../lib/api.ts';
import { projectPageQuery } from '../state/queries.ts';
import type { ServerQuery } from '../state/server-query.ts';
import { ProjectList } from './project-list.tsx';

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
  const { data } = useQuery({ ...projectPageQuery(query, { offset: String(offset), limit: String(PAGE_SIZE), lang }), placeholderData: keepPreviousData });
  if (!data) return <p className="empty">{t.loading}</p>;
  // The list panel draws the rows; it reads only their properties.
  const features = data.items.map((properties) => ({ type: 'Feature', id: properties.id, geometry: null, properties }) as unknown as ProjectFeature);
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
      <ProjectList features={features} distances={null} selectedId={selectedId} onHover={onHover} onSelect={onSelect} />
    </div>
  );
}
