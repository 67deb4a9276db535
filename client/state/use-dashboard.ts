/**
 * The dashboard's view logic in one hook: what the map, the panels and the exports show (pure rules
 * in dashboard.ts), the camera rules that follow a search or a province choice, and the small UI
 * state around them. app.tsx calls it once and only lays the parts out.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type RefObject } from 'react';
import type { CategoryId } from '#shared/taxonomy.ts';
import { NOT_RECORDED_COLOR } from '../coverage/symbology.ts';
import { provincesAfterClick, useCoverageView } from '../coverage/use-coverage-view.ts';
import { keyFigures } from '../export/legend-items.ts';
import { MESSAGES } from '../i18n/messages.ts';
import type { PlanPayload, ProjectCollection } from '../lib/api.ts';
import { basemapStyle } from '../map/basemap-style.ts';
import { PALETTES } from '../map/basemap-palettes.ts';
import type { MapHandle } from '../map/map-view.tsx';
import { stackBadges } from '#shared/stacks.ts';
import type { ChoiceItem } from '../map/pick.ts';
import { bboxOf, useCameraFit } from '../map/use-camera-fit.ts';
import { useNearRing } from '../map/use-near-ring.ts';
import {
  appClass,
  applyFilter,
  countByCategory,
  countByStatus,
  exportLegend,
  exportTitle,
  filterSummary,
  legendTitle,
  mapFilter,
  nodeCounts,
  partnerProvinces,
  searchFrameFeatures,
  shouldFrame,
  unknownNote,
  withoutHidden,
  type TitleEdit,
} from './dashboard.ts';
import { filterExpression } from './filter-expression.ts';
import { isPhone } from './layout.ts';
import type { LargeCounts } from './large-set.ts';
import { projectQuery } from './queries.ts';
import { serverQuery } from './server-query.ts';
import type { useViewState } from './use-view-state.ts';
import { EMPTY_FILTERS, unknownFilterValues, type Filters } from './view-state.ts';

type Inputs = {
  view: ReturnType<typeof useViewState>;
  plan: PlanPayload | null;
  projects: ProjectCollection | null;
  /** The server's answer to a search or radius query (ids best first), or null with none. */
  idQuery: { ids: string[]; distances?: Record<string, number> | null } | null;
  /** A search or radius query is on its way. */
  pending: boolean;
  map: RefObject<MapHandle | null>;
  /** A large set (large-set.ts): drawn from tiles, counted and listed by the server. */
  large?: boolean;
  /** A large set's counts from the server (large-set-data.tsx), null until they come. */
  server?: LargeCounts | null;
};

type Choice = { items: ChoiceItem[]; at: [number, number] };

export function useDashboard({ view: [state, update], plan, projects, idQuery, pending, map, large = false, server = null }: Inputs) {
  const { lang, theme, filters, hidden, mode } = state;
  // The slideshow is a presentation too: the same full map, and the same Esc to leave.
  const presenting = mode !== 'browse';
  const sliding = mode === 'slides';
  const byStatus = state.symbology === 'status';
  const t = MESSAGES[lang];
  const client = useQueryClient();
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [nearMode, setNearMode] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  const [titleEdit, setTitleEdit] = useState<TitleEdit | null>(null);
  const [choiceState, setChoiceState] = useState<(Choice & { view: string }) | null>(null);
  // On a phone the panels start folded into a bottom sheet, so the map gets the screen.
  const [folded, setFolded] = useState(isPhone);
  const [unknown, setUnknown] = useState<string | null>(null);
  // The printed page is not on the first screen: it loads once the browser is idle after it.
  const [printReady, setPrintReady] = useState(false);
  useEffect(() => {
    const ready = () => setPrintReady(true);
    if (typeof window.requestIdleCallback !== 'function') {
      queueMicrotask(ready);
      return;
    }
    const id = window.requestIdleCallback(ready, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  // Esc leaves the presentation.
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && update({ mode: 'browse' });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, update]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.title} · ${t.subtitle}`;
  }, [lang, t]);

  const basemap = useMemo(() => basemapStyle({ theme, lang, baseUrl: window.location.origin }), [theme, lang]);
  const all = useMemo(() => projects?.features ?? [], [projects]);
  const ids = idQuery?.ids ?? null;
  const userExpr = useMemo(() => filterExpression(filters, ids), [filters, ids]);
  const filtered = useMemo(() => applyFilter(all, userExpr), [all, userExpr]);
  const visible = useMemo(() => withoutHidden(filtered, hidden), [filtered, hidden]);
  // The count badges of stacked points count what the map shows: a small source of their own, so a
  // filter change never gives the map the projects again.
  // A large set's come from the server (the browser holds none of its points).
  const stacks = useMemo(() => (large ? (server?.stacks ?? null) : stackBadges(visible)), [large, server?.stacks, visible]);
  const { fitShown } = useCameraFit(filters, visible, sliding, map);

  // A link naming a plan node that does not exist says so, and the node is dropped (not zero projects).
  const checkedLink = useRef(false);
  // The link as opened: the URL is rewritten from the parsed state (bad values dropped) before the plan arrives.
  const openedWith = useRef(window.location.search);
  useEffect(() => {
    if (!plan || checkedLink.current) return;
    checkedLink.current = true;
    const known = new Set(plan.nodes.map((n) => n.id));
    const bad = unknownFilterValues(openedWith.current, known);
    if (!bad.length) return;
    setUnknown(unknownNote(bad, lang));
    update((s) => ({ filters: { ...s.filters, nodes: s.filters.nodes.filter((n) => known.has(n)) } }));
  }, [plan, update, lang]);

  const counts = useMemo(() => countByCategory(filtered), [filtered]);
  // The task counts leave the chosen task out: choosing one (the commonest click) counts nothing again.
  const othersKey = JSON.stringify({ ...filters, nodes: [] });
  const taskCounts = useMemo(() => nodeCounts(all, JSON.parse(othersKey) as Filters, ids), [all, othersKey, ids]);
  const mapExpr = useMemo(() => mapFilter(userExpr, hidden), [userExpr, hidden]);
  // A choice belongs to the view it was made in: another filter, mode or language drops it.
  const choiceView = JSON.stringify([mapExpr, nearMode, presenting, lang]);
  const choice: Choice | null = choiceState?.view === choiceView ? choiceState : null;
  const setChoice = (c: Choice | null) => setChoiceState(c && { ...c, view: choiceView });
  const nearCircle = useNearRing(filters.near, filters.radiusKm);
  const summary = useMemo(() => filterSummary(filters, plan, lang), [filters, plan, lang]);
  const partners = useMemo(() => partnerProvinces(plan, filters.nodes), [plan, filters.nodes]);

  // A search or a province choice frames its results, when the query itself changes or its answer
  // (or the projects) arrive; not on every other change of the view.
  const frameKey = `${filters.q}|${filters.provinces.join()}|${ids?.join() ?? ''}`;
  const frameResults = useEffectEvent(() => {
    if (!shouldFrame(filters, pending, sliding)) return;
    const box = bboxOf([...searchFrameFeatures(filters.q, filtered, ids ?? [])]);
    if (box) map.current?.fitTo(box);
  });
  useEffect(() => frameResults(), [frameKey, all.length, pending]);

  // A city chosen in the search box: the search is cleared (no project filtered out), then the map
  // flies there. Declared after the other camera rules, so it is the last word on this change.
  const cityTarget = useRef<[number, number] | null>(null);
  useEffect(() => {
    if (!cityTarget.current || filters.q) return;
    map.current?.flyTo({ center: cityTarget.current, zoom: 9 });
    cityTarget.current = null;
  }, [filters.q, map]);
  const flyToCity = (center: [number, number]) => {
    cityTarget.current = center;
    update((s) => ({ filters: { ...s.filters, q: '' } }));
  };

  /** Opens a project (or closes it with null); from a list, the map also frames it. */
  const select = (id: string | null, fly = false) => {
    update({ selected: id });
    const f = id && fly ? all.find((x) => x.properties.id === id) : undefined;
    const box = f && bboxOf([f]);
    if (box) map.current?.fitTo(box);
    // A large set holds no geometry in the browser: the project's detail brings it.
    else if (id && fly && large) {
      void client.fetchQuery(projectQuery(id)).then(
        (p) => {
          const b = bboxOf([p]);
          if (b) map.current?.fitTo(b);
        },
        () => undefined,
      );
    }
  };
  const patchFilters = useCallback((patch: Partial<Filters>) => update((s) => ({ filters: { ...s.filters, ...patch } })), [update]);
  const actions = {
    patchFilters,
    toggleHidden: (c: CategoryId) => update((s) => ({ hidden: s.hidden.includes(c) ? s.hidden.filter((x) => x !== c) : [...s.hidden, c] })),
    clickProvince: (id: string) => update((s) => ({ filters: { ...s.filters, provinces: provincesAfterClick(s.filters.provinces, id) } })),
    /** A clause of the plan text: filter by it, or (chosen again) by none. */
    chooseNode: (node: string) => update((s) => ({ filters: { ...s.filters, nodes: s.filters.nodes.includes(node) ? [] : [node] } })),
    /** "Show on the map" from a project's clause: that clause alone, every other filter cleared. */
    showClause: (node: string) => update({ filters: { ...EMPTY_FILTERS, nodes: [node] } }),
    /** A click on the map where no project was picked: the nearby query's centre, or closing the detail. */
    mapClick: (lngLat: [number, number]) => {
      setChoice(null);
      if (nearMode) update((s) => ({ filters: { ...s.filters, near: lngLat }, panel: 'list' }));
      else if (state.selected) update({ selected: null });
    },
  };

  /** The API query of exactly what the map shows (filters and legend switches), if anything. */
  const shownQuery = (server ? server.shown : visible.length) ? serverQuery(filters, hidden) : null;
  // What the map shows, counted: in the browser, or by the server for a large set (none until it answers).
  const serverShown = server?.shownCounts;
  const shownCounts = useMemo(
    () => (large ? (serverShown ?? { total: 0, byCategory: {}, byStatus: {} }) : { total: visible.length, byCategory: countByCategory(visible), byStatus: countByStatus(visible) }),
    [large, serverShown, visible],
  );
  // Coverage map, status colours and the status timeline (client/coverage).
  const cvAll = useCoverageView(state, visible, shownQuery, plan);
  // A large set's status key counts on the server (the browser holds none of its projects).
  const cv = large ? { ...cvAll, counts: server?.status?.byStatus ?? null, planOnly: server?.status?.planOnly ?? 0 } : cvAll;
  // The exported picture and the printed page: what the map shows, titled.
  const legend = useMemo(
    () =>
      exportLegend({
        byStatus,
        statusCounts: cv.counts,
        categoryCounts: shownCounts.byCategory,
        lang,
        t,
        notRecordedColor: NOT_RECORDED_COLOR,
        partners,
        coverageOn: state.coverage !== null,
        partner: { color: PALETTES[theme].partner, opacity: PALETTES[theme].partnerOpacity },
        choropleth: state.coverage && { measure: state.coverage, classes: cv.classes },
      }),
    [byStatus, cv.counts, shownCounts, lang, t, partners, state.coverage, theme, cv.classes],
  );
  const figures = useMemo(() => keyFigures(shownCounts, lang, byStatus && state.asOf ? cv.counts : null), [shownCounts, lang, byStatus, state.asOf, cv.counts]);
  const defaultTitle = summary || t.defaultMapTitle;

  return {
    t,
    presenting,
    sliding,
    className: appClass({ theme, selected: Boolean(state.selected), presenting, sliding, folded }),
    basemap,
    all,
    visible,
    stacks,
    counts: server?.counts ?? counts,
    nodeCounts: server?.nodeCounts ?? taskCounts,
    /** How many projects the map shows, or null until known. */
    shown: server ? server.shown : projects ? visible.length : null,
    large,
    mapExpr,
    nearCircle,
    summary,
    partners,
    shownQuery: server?.shown ? server.query : shownQuery,
    cv,
    fitShown: large ? () => server?.bbox && map.current?.fitTo(server.bbox) : fitShown,
    select,
    flyToCity,
    actions,
    choice,
    setChoice,
    hover: { id: hoverId, set: setHoverId },
    near: { on: nearMode, set: setNearMode },
    fold: { folded, set: setFolded },
    unknownNote: unknown,
    dismissUnknown: () => setUnknown(null),
    printReady,
    image: {
      open: imageOpen,
      toggle: () => setImageOpen((o) => !o),
      close: () => setImageOpen(false),
      title: exportTitle(titleEdit, defaultTitle),
      setTitle: (text: string) => setTitleEdit({ for: defaultTitle, text }),
      legend,
      legendTitle: legendTitle(state, t),
      figures,
    },
  };
}
