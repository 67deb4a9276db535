/**
 * The slideshow: full screen, one slide per saved view (or per task area of the plan), flying to its
 * camera, with its title, note and key figures (from /api/stats/coverage) large enough for a
 * projector. → / PageDown and ← / PageUp (what clickers send), Home / End move; Esc leaves (the
 * presentation's own Esc, in app.tsx). Each slide is a URL: mode=slides&slide=3.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import { useCoverage } from '../coverage/use-coverage-data.ts';
import type { PlanPayload, ProjectFeature } from '../lib/api.ts';
import type { FlyTarget } from '../map/map-view.tsx';
import { serverQuery } from '../state/server-query.ts';
import type { ViewState } from '../state/view-state.ts';
import { areaSlides, clampSlide, slideState, viewSlides, type Slide } from './slides.ts';
import { useSavedViews } from './use-saved-views.ts';

type Props = {
  state: ViewState;
  plan: PlanPayload | null;
  projects: ProjectFeature[];
  who: string | null;
  onState: (next: ViewState) => void;
  onFly: (target: Omit<FlyTarget, 'key'>) => void;
  onExit: () => void;
};

const NEXT = new Set(['ArrowRight', 'PageDown', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

/** The slide's figures: projects, km of corridors and km² of areas, summed over the provinces. */
function useFigures(query: Record<string, string>) {
  const answer = useCoverage(query);
  // A new slide shows no figures until its own arrive (never the previous slide's).
  const c = answer.pending ? null : answer.coverage;
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return { figures: c ? { projects: c.total, km: sum(c.kmByProvince), km2: sum(c.km2ByProvince) } : null, error: answer.error };
}

export function Slideshow({ state, plan, projects, who, onState, onFly, onExit }: Props) {
  const { t, lang } = useT();
  const place = state.slides ?? { deck: 'views' as const, n: 1 };
  const { views, error } = useSavedViews(who);
  const slides = useMemo<Slide[] | null>(() => {
    if (place.deck === 'areas') return plan && projects.length ? areaSlides(plan, projects, lang) : null;
    return views ? viewSlides(views) : null;
  }, [place.deck, plan, projects, views, lang]);
  const count = slides?.length ?? 0;
  const n = clampSlide(place.n, count);
  const slide = slides?.[n - 1] ?? null;

  // Latest values for the key handler and the one-time opening of a linked slide.
  const latest = useRef({ state, slides, onState, onFly, onExit });
  useEffect(() => {
    latest.current = { state, slides, onState, onFly, onExit };
  });
  const go = useCallback((to: number) => {
    const { state: s, slides: all, onState: set, onFly: fly } = latest.current;
    if (!all?.length) return;
    const k = clampSlide(to, all.length);
    const target = all[k - 1]!;
    set(slideState(target, s, s.slides?.deck ?? 'views', k));
    if (target.fly) fly(target.fly);
  }, []);

  // A link (or a deck just loaded) opens on its slide, once per deck.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!slides?.length || opened.current === place.deck) return;
    opened.current = place.deck;
    go(n);
  }, [slides, place.deck, n, go]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
      const at = latest.current.state.slides?.n ?? 1;
      const total = latest.current.slides?.length ?? 0;
      let to: number | null = null;
      if (NEXT.has(e.key)) to = at + 1;
      else if (PREV.has(e.key)) to = at - 1;
      else if (e.key === 'Home') to = 1;
      else if (e.key === 'End') to = total;
      if (to === null) return;
      // Captured before the map's own keyboard handler, so an arrow turns the page, not the map.
      e.preventDefault();
      e.stopPropagation();
      if (clampSlide(to, total) !== clampSlide(at, total)) go(to);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go]);

  // A slideshow opened by a link starts in the window (full screen needs a click): a button offers it.
  const [full, setFull] = useState(() => Boolean(document.fullscreenElement));
  // Leaving full screen (the browser's own Esc) leaves the slideshow; leaving it leaves full screen.
  useEffect(() => {
    const onChange = () => {
      setFull(Boolean(document.fullscreenElement));
      if (!document.fullscreenElement && latest.current.state.mode === 'slides') latest.current.onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const { figures, error: figuresError } = useFigures(serverQuery(state.filters, state.hidden));
  const fmt = (x: number) => Math.round(x).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  // No corridor or no area in the slide reads as a dash, as in the statistics tab.
  const measure = (x: number) => (Math.round(x) ? fmt(x) : '—');
  const problem = error ?? figuresError;

  const nav = (
    <nav className="slide-nav" aria-label={t.slideKeys}>
      <button type="button" onClick={() => go(n - 1)} disabled={n <= 1} aria-label={t.prevSlide}>
        ←
      </button>
      <span className="slide-counter" data-testid="slide-counter" aria-label={t.slideCounter(n, count)} aria-live="polite">
        {count ? `${n} / ${count}` : slides ? '0 / 0' : '…'}
      </span>
      <button type="button" onClick={() => go(n + 1)} disabled={n >= count} aria-label={t.nextSlide}>
        →
      </button>
      {!full && document.fullscreenEnabled && (
        <button type="button" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)} >
          {t.fullScreen}
        </button>
      )}
      <button type="button" onClick={onExit} aria-label={t.leaveSlides} title={t.slideKeys}>
        ✕
      </button>
    </nav>
  );
  const figure = (label: string, id: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd data-figure={id}>{figures ? value : '…'}</dd>
    </div>
  );

  // A title band above the map (in the header's place), so the map below frames the slide unhidden.
  return (
    <section className="slide" aria-roledescription={t.slide} aria-label={slide?.title ?? t.playViews} data-testid="slide">
      <div className="slide-caption">
        <h2 data-testid="slide-title">{slide ? slide.title : slides ? t.noSlides : t.loading}</h2>
        {slide?.note && <p className="slide-note">{slide.note}</p>}
        {problem != null && <p role="alert">{errorText(problem, lang)}</p>}
      </div>
      <div className="slide-side">
        {nav}
        {slide && (
          <dl className="slide-figures" data-testid="slide-figures">
            {figure(t.figProjects, 'projects', figures ? fmt(figures.projects) : '')}
            {figure(t.figKm, 'km', figures ? measure(figures.km) : '')}
            {figure(t.figKm2, 'km2', figures ? measure(figures.km2) : '')}
          </dl>
        )}
      </div>
    </section>
  );
}
