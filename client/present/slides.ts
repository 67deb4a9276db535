/**
 * Slides as data: each saved view is a slide (its state, its camera), and the plan's task areas make
 * a built-in deck (one slide per section 2.x, framed on its projects). Opening a saved view applies
 * its state; the reader keeps their own language and theme.
 */
import type { Lang } from '../i18n/messages.ts';
import type { PlanPayload, ProjectFeature } from '../lib/api.ts';
import type { FlyTarget } from '../map/map-view.tsx';
import { bboxOf } from '../map/use-camera-fit.ts';
import { filterExpression, matcher } from '../state/filter-expression.ts';
import { EMPTY_FILTERS, parseViewState, serializeViewState, type ViewState } from '../state/view-state.ts';
import type { Deck } from './slide-place.ts';
import type { SavedViews } from './use-saved-views.ts';

type SavedView = SavedViews[number];

export type Slide = {
  key: string;
  title: string;
  note: string;
  /** The view the slide shows, laid over the presenter's current state. */
  apply: (current: ViewState) => ViewState;
  /** Where the camera goes. */
  fly: Omit<FlyTarget, 'key'> | null;
};

/** The state a saved view opens to: everything it saved but the reader's language and theme. */
export function openedState(view: Pick<SavedView, 'state'>, current: ViewState): ViewState {
  const saved = parseViewState(`?${view.state}`);
  return { ...saved, lang: current.lang, theme: current.theme, panel: current.panel, mode: saved.mode === 'slides' ? 'browse' : saved.mode, slides: undefined };
}

/** The query string a view is saved as: the whole view, less the panel and any slideshow place. */
export function stateToSave(s: ViewState): string {
  return serializeViewState({ ...s, panel: 'filters', mode: s.mode === 'slides' ? 'browse' : s.mode, slides: undefined });
}

export function viewSlides(views: SavedView[]): Slide[] {
  return views.map((v) => {
    const saved = parseViewState(`?${v.state}`);
    return {
      key: `view-${v.id}`,
      title: v.title,
      note: v.note,
      apply: (current) => ({ ...openedState(v, current), camera: current.camera, selected: saved.selected }),
      fly: { center: saved.camera.center, zoom: saved.camera.zoom },
    };
  });
}

/** One slide per task area (section 2.x of the plan), its tasks' titles as the note, framed on its projects. */
export function areaSlides(plan: PlanPayload, projects: ProjectFeature[], lang: Lang): Slide[] {
  const title = (n: { title_zh: string; title_en: string }) => (lang === 'zh' ? n.title_zh : n.title_en);
  return plan.nodes
    .filter((n) => n.kind === 'section' && n.parent === '2')
    .map((section) => {
      const filters = { ...EMPTY_FILTERS, nodes: [section.id] };
      const matches = matcher(filterExpression(filters, null));
      const mine = projects.filter((f) => matches(f.properties));
      const tasks = plan.nodes.filter((n) => n.kind === 'task' && n.parent === section.id);
      const box = bboxOf(mine);
      return {
        key: `area-${section.id}`,
        title: `${section.id} ${title(section)}`,
        note: tasks.map(title).join(' · '),
        apply: (current: ViewState) => ({ ...current, filters, hidden: [], selected: null }),
        fly: box ? { bbox: box } : null,
      };
    });
}

/** The slide number to show: within 1..count (a link may name one past the end). */
export const clampSlide = (n: number, count: number) => Math.min(Math.max(1, n), Math.max(1, count));

/** The state that shows slide n of a deck. */
export function slideState(slide: Slide, current: ViewState, deck: Deck, n: number): ViewState {
  return { ...slide.apply(current), mode: 'slides', slides: { deck, n } };
}
