/** The title bar: search, presentation, nearby, exports, theme, language, sign-in. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-lang.ts';
import { api, type Me } from '../lib/api.ts';
import type { ServerQuery } from '../state/server-query.ts';
import { SignIn } from './sign-in.tsx';

type Props = {
  /** The search box and its results (panels/search-box.tsx). */
  search: ReactNode;
  presenting: boolean;
  onPresent: (on: boolean) => void;
  nearMode: boolean;
  onNearMode: (on: boolean) => void;
  /** The API query of what the map shows (serverQuery), or null when nothing is shown. */
  exportQuery: ServerQuery | null;
  visibleCount: number;
  /** The active filters in words, for the presentation header. */
  summary: string;
  theme: 'light' | 'contrast';
  onTheme: (t: 'light' | 'contrast') => void;
  onLang: () => void;
  me: Me | null;
  /** Opens the picture and print dialog. */
  onImage: () => void;
  imageOpen: boolean;
};

export function TopBar(p: Props) {
  const { t, lang } = useT();
  // The data files of what the map shows (the query the app sends to /api/projects), in the reader's language.
  const query = p.exportQuery && { query: { ...p.exportQuery, lang } };
  const exportPaths = query && {
    csv: api.api.export['projects.csv'].$path(query),
    xlsx: api.api.export['projects.xlsx'].$path(query),
    kml: api.api.export['projects.kml'].$path(query),
    geojson: api.api.export['projects.geojson'].$path(query),
  };
  const exportLink = (format: 'csv' | 'xlsx' | 'kml' | 'geojson', label: string) =>
    exportPaths === null ? (
      <span className="button" aria-disabled="true" title={t.exportFormats[format]}>
        {label}
      </span>
    ) : (
      <a className="button" href={exportPaths[format]} download title={t.exportFormats[format]}>
        {label}
      </a>
    );
  return (
    <header className="top">
      <div className="brand">
        <h1>{t.title}</h1>
        <p>{t.subtitle}</p>
      </div>
      {p.search}
      {p.presenting && (
        <p className="present-summary" data-testid="present-summary">
          {p.summary && <span className="present-filter">{p.summary} · </span>}
          {t.count(p.visibleCount)}
        </p>
      )}
      <div className="tools">
        <button type="button" aria-pressed={p.presenting} onClick={() => p.onPresent(!p.presenting)} title={t.presentHint}>
          {t.present}
        </button>
        <button type="button" aria-pressed={p.nearMode} onClick={() => p.onNearMode(!p.nearMode)} title={t.nearHint}>
          {t.near}
        </button>
        <span className="export-links" role="group" aria-label={t.exportData}>
          {exportLink('csv', 'CSV')} {exportLink('xlsx', 'XLSX')} {exportLink('kml', 'KML')} {exportLink('geojson', 'GeoJSON')}
        </span>
        <button type="button" className="export-image" onClick={p.onImage} aria-expanded={p.imageOpen} title={t.exportImageHint}>
          {t.exportImage}
        </button>
        <button type="button" onClick={() => p.onTheme(p.theme === 'light' ? 'contrast' : 'light')} aria-pressed={p.theme === 'contrast'}>
          {t.contrast}
        </button>
        {/* The name starts with the visible text (WCAG 2.5.3), then says what it does in the page's language. */}
        <button type="button" onClick={p.onLang} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {t.language}
          <span className="sr-only" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            {t.inParens(t.languageLabel)}
          </span>
        </button>
        <SignIn me={p.me} />
      </div>
    </header>
  );
}
