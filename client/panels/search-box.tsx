/**
 * The search box and what it found: when nothing matched it says so and offers the closest names;
 * when the text names a city of the basemap it offers to fly there (a place, not a filter).
 */
import { useEffect, useMemo, useState } from 'react';
import { isCityName, isHan, matchCities, suggestNames, type City, type Suggestion } from '#shared/search.ts';
import { nameOf, useT } from '../i18n/use-lang.ts';
import type { ProjectFeature } from '../lib/api.ts';

type Props = {
  /** The applied query. */
  q: string;
  onSearch: (q: string) => void;
  /** How many projects the applied query found; null with no query or while it is on its way. */
  found: number | null;
  /** Every project, for the names to suggest. */
  projects: ProjectFeature[];
  /** Flies to a city (and leaves the projects unfiltered). */
  onFly: (city: City) => void;
};

let citiesOnce: Promise<City[]> | null = null;
/** The basemap's cities (the same static file the map draws), loaded once. */
function loadCities(): Promise<City[]> {
  citiesOnce ??= fetch('/basemap/cities.geojson')
    .then((r) => (r.ok ? r.json() : { features: [] }))
    // The checks load with the file, not with the page.
    .then(async (json: unknown) => (await import('../state/cities.ts')).parseCities(json))
    .catch(() => {
      citiesOnce = null;
      return [];
    });
  return citiesOnce;
}

function useCities() {
  const [cities, setCities] = useState<City[]>([]);
  useEffect(() => {
    let live = true;
    void loadCities().then((c) => live && setCities(c));
    return () => {
      live = false;
    };
  }, []);
  return cities;
}

/**
 * The closest names to a query that found nothing. A Latin query is also compared with the names'
 * pinyin, computed here (pinyin-pro loads only then, as its own file).
 */
function useSuggestions(q: string, on: boolean, projects: ProjectFeature[]) {
  const plain = useMemo(() => (on ? suggestNames(q, projects.map((f) => f.properties)) : []), [q, on, projects]);
  const latin = on && !isHan(q);
  const [withPinyin, setWithPinyin] = useState<{ q: string; list: Suggestion[] } | null>(null);
  useEffect(() => {
    if (!latin) return;
    let live = true;
    void import('pinyin-pro').then(({ pinyin }) => {
      const candidates = projects.map((f) => ({
        ...f.properties,
        pinyin: pinyin(f.properties.name_zh, { toneType: 'none', type: 'array', nonZh: 'removed' }).join(''),
      }));
      if (live) setWithPinyin({ q, list: suggestNames(q, candidates) });
    });
    return () => {
      live = false;
    };
  }, [q, latin, projects]);
  return latin && withPinyin?.q === q ? withPinyin.list : plain;
}

/** Keyed by the applied query by its parent, so the box always shows what is applied. */
export function SearchBox({ q, onSearch, found, projects, onFly }: Props) {
  const { t, lang } = useT();
  const [text, setText] = useState(q);
  const [closed, setClosed] = useState(false);
  const cities = useCities();
  const places = useMemo(() => (q ? matchCities(q, cities) : []), [q, cities]);
  const none = found === 0;
  // A city's own name needs no "did you mean": the flight there is the answer.
  const suggestions = useSuggestions(q, none && !places.some((c) => isCityName(q, c)), projects);
  const open = Boolean(q) && !closed && (none || places.length > 0);
  return (
    <div className="search-box">
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(text.trim());
        }}
      >
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t.search} aria-label={t.search} name="q" maxLength={100} />
        <button type="submit">{t.searchButton}</button>
      </form>
      {open && (
        <section className="search-results" aria-label={t.searchResults} aria-live="polite" data-testid="search-results">
          <button type="button" className="search-results-close" aria-label={t.close} title={t.close} onClick={() => setClosed(true)}>
            ×
          </button>
          {none && <p className="search-none">{t.searchNone(q)}</p>}
          {none && suggestions.length > 0 && (
            <p className="search-suggest" data-testid="search-suggestions">
              <span>{t.didYouMean}</span>
              {suggestions.map((s) => (
                <button key={s.name_zh} type="button" className="link" onClick={() => onSearch(nameOf(lang, s))}>
                  {nameOf(lang, s)}
                </button>
              ))}
            </p>
          )}
          {places.length > 0 && (
            <p className="search-places" data-testid="search-places">
              {places.map((c) => (
                <button key={c.id} type="button" onClick={() => onFly(c)} title={t.flyToCityHint}>
                  {t.flyToCity(nameOf(lang, c))}
                </button>
              ))}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
