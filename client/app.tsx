/** Composes the dashboard: header, side panels, the map, the legend and the detail panel. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as turf from '@turf/turf';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { coverage, coverageItemOf, isWithinNode } from '#shared/coverage.ts';
import { searchFrame } from '#shared/search.ts';
import { CATEGORIES, PROVINCES, STATUSES } from '#shared/taxonomy.ts';
import { LangContext } from './i18n/use-lang.ts';
import { errorText } from './i18n/error-text.ts';
import { MESSAGES } from './i18n/messages.ts';
import { api, unwrap, type Me, type ProjectFeature } from './lib/api.ts';
import { basemapStyle } from './map/basemap-style.ts';
import { MAX_BOUNDS } from './map/frame.ts';
import { MapView, type MapHandle } from './map/map-view.tsx';
import { ImageDialog } from './export/image-dialog.tsx';
import { keyFigures, legendItems, statusLegendItems } from './export/legend-items.ts';
import { NOT_RECORDED_COLOR } from './coverage/symbology.ts';
import { PALETTES } from './map/basemap-palettes.ts';
import { PrintSheet } from './export/print-sheet.tsx';
import { CoverageLegend } from './coverage/coverage-legend.tsx';
import { MapTools } from './coverage/map-tools.tsx';
import { StatusKey } from './coverage/status-key.tsx';
import { TimeSlider } from './coverage/time-slider.tsx';
import { provincesAfterClick, useCoverageView } from './coverage/use-coverage-view.ts';
import { markStacks } from './map/pick.ts';
import { bboxOf, useCameraFit } from './map/use-camera-fit.ts';
import { Chooser } from './panels/chooser.tsx';
import { CoveragePanel } from './panels/coverage-panel.tsx';
import { FilterPanel } from './panels/filter-panel.tsx';
import { Legend } from './panels/legend.tsx';
import { PlanView } from './panels/plan-view.tsx';
import { ProjectDetail } from './panels/project-detail.tsx';
import { ProjectList } from './panels/project-list.tsx';
import { NearBar } from './panels/near-bar.tsx';
import { SearchBox } from './panels/search-box.tsx';
import { TopBar } from './panels/top-bar.tsx';
import { Slideshow } from './present/slideshow.tsx';
import { ViewsPanel } from './present/views-panel.tsx';
import { filterExpression, matcher } from './state/filter-expression.ts';
import { serverQuery } from './state/server-query.ts';
import { useIdQuery, usePlan, useProjects } from './state/use-data.ts';
import { useViewState } from './state/use-view-state.ts';
import { isPhone } from './state/layout.ts';
import { EMPTY_FILTERS, unknownFilterValues, type Panel } from './state/view-state.ts';

const countItems = (features: ProjectFeature[]) => coverage(features.map((f) => coverageItemOf(f.properties)));

export function App() {
  const [state, update] = useViewState();
  const { lang, theme, filters, selected, hidden, panel, mode } = state;
  // The slideshow is a presentation too: the same full map, and the same Esc to leave.
  const presenting = mode !== 'browse';
  const sliding = mode === 'slides';
  const t = MESSAGES[lang];
  const [me, setMe] = useState<Me | null>(null);
  const who = me?.user?.username ?? null;
  const { plan, error: planError } = usePlan(who);
  const { projects, error: projectsError, reload } = useProjects(who);
  const { result: idQuery, error: queryError, pending } = useIdQuery(filters.q, filters.near, filters.radiusKm);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [nearMode, setNearMode] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  // An edited picture title belongs to the filters it was written for.
  const [titleEdit, setTitleEdit] = useState<{ for: string; text: string } | null>(null);
  const mapHandle = useRef<MapHandle>(null);
  const getMap = useCallback(() => mapHandle.current?.getMap() ?? null, []);
  const [choiceState, setChoiceState] = useState<{ ids: string[]; at: [number, number]; view: string } | null>(null);
  // On a phone the panels start folded into a bottom sheet, so the map gets the screen.
  const [folded, setFolded] = useState(isPhone);
  const [unknownNote, setUnknownNote] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api.api.auth.me.$get()).then(setMe, () => setMe(null));
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
  const userExpr = useMemo(() => filterExpression(filters, idQuery?.ids ?? null), [filters, idQuery]);
  const filtered = useMemo(() => {
    const matches = matcher(userExpr);
    return all.filter((f) => matches(f.properties));
  }, [all, userExpr]);
  const visible = useMemo(() => filtered.filter((f) => !hidden.includes(f.properties.category)), [filtered, hidden]);
  // The count badge of stacked points counts what the map shows.
  const stacked = useMemo(() => projects && markStacks(projects, new Set(visible.map((f) => f.properties.id))), [projects, visible]);
  const { fitShown } = useCameraFit(filters, visible, sliding, mapHandle);
  // A link naming a plan node that does not exist says so, and the node is dropped (not zero projects).
  const checkedLink = useRef(false);
  // The link as opened: the URL is rewritten from the parsed state (bad values dropped) before the plan arrives.
  const openedWith = useRef(window.location.search);
  useEffect(() => {
    if (!plan || checkedLink.current) return;
    checkedLink.current = true;
    const known = new Set(plan.nodes.map((n) => n.id));
    const unknown = unknownFilterValues(openedWith.current, known);
    if (!unknown.length) return;
    setUnknownNote(unknown.map((u) => `${u.key}=${u.value}`).join(lang === 'zh' ? '、' : ', '));
    update((s) => ({ filters: { ...s.filters, nodes: s.filters.nodes.filter((n) => known.has(n)) } }));
  }, [plan, update, lang]);
  const counts = useMemo(() => countItems(filtered), [filtered]);
  const nodeCounts = useMemo(() => {
    const matches = matcher(filterExpression({ ...filters, nodes: [] }, idQuery?.ids ?? null));
    return countItems(all.filter((f) => matches(f.properties))).byTaskArea;
  }, [all, filters, idQuery]);
  const mapExpr = useMemo<ExpressionSpecification | null>(() => {
    const hide: ExpressionSpecification | null = hidden.length ? ['!', ['in', ['get', 'category'], ['literal', hidden]]] : null;
    if (userExpr && hide) return ['all', userExpr, hide];
    return userExpr ?? hide;
  }, [userExpr, hidden]);
  // A choice belongs to the view it was made in: another filter, mode or language drops it.
  const view = JSON.stringify([mapExpr, nearMode, presenting, lang]);
  const choice = choiceState?.view === view ? choiceState : null;
  const setChoice = (c: { ids: string[]; at: [number, number] } | null) => setChoiceState(c && { ...c, view });
  const nearCircle = useMemo<FeatureCollection | null>(
    () => (filters.near ? turf.featureCollection([turf.circle(filters.near, filters.radiusKm, { units: 'kilometers', steps: 96 })]) : null),
    [filters.near, filters.radiusKm],
  );

  // What the view is filtered to, in words (the presentation header says it).
  const filterSummary = useMemo(() => {
    const l = (x: { zh: string; en: string }) => x[lang];
    const nodes = filters.nodes.map((id) => plan?.nodes.find((n) => n.id === id)).filter((n) => n !== undefined);
    return [
      ...nodes.map((n) => `${n.id} ${lang === 'zh' ? n.title_zh : n.title_en}`),
      ...filters.categories.map((c) => l(CATEGORIES[c])),
      ...filters.provinces.map((p) => l(PROVINCES[p])),
      ...filters.statuses.map((st) => l(STATUSES[st])),
      ...filters.milestones.map(String),
      ...(filters.q ? [`“${filters.q}”`] : []),
    ].join(' · ');
  }, [filters, plan, lang]);

  // The partner provinces the chosen clauses name (a node and everything below it).
  const partners = useMemo(() => {
    if (!plan || !filters.nodes.length) return [];
    const chosen = plan.nodes.filter((n) => filters.nodes.some((id) => isWithinNode(n.id, id)));
    return [...new Set(chosen.flatMap((n) => n.partners))].sort();
  }, [plan, filters.nodes]);

  // A search or a province choice frames its results.
  const frameKey = `${filters.q}|${filters.provinces.join()}|${idQuery?.ids.join() ?? ''}`;
  useEffect(() => {
    if ((!filters.q && !filters.provinces.length) || pending || sliding) return;
    // The server ranks exact names first: when the best match is the name typed, fly to it (and
    // its namesakes), not to everything whose name merely contains it.
    const shown = new Map(filtered.map((f) => [f.properties.id, f]));
    const ranked = (idQuery?.ids ?? []).map((id) => shown.get(id)).filter((f) => f !== undefined);
    const box = bboxOf(filters.q ? searchFrame(filters.q, ranked, (f) => f.properties) : filtered);
    // Moving the camera when results arrive is the point of this effect.
    if (box) mapHandle.current?.fitTo(box);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the query itself changes
  }, [frameKey, all.length, pending]);

  // A city chosen in the search box: the search is cleared (no project filtered out), then the map
  // flies there. Declared after the other camera rules, so it is the last word on this change.
  const [cityTarget, setCityTarget] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (!cityTarget || filters.q) return;
    mapHandle.current?.flyTo({ center: cityTarget, zoom: 9 });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a camera command, once
    setCityTarget(null);
  }, [cityTarget, filters.q]);

  const select = (id: string | null, fly = false) => {
    update({ selected: id });
    if (id && fly) {
      const f = all.find((x) => x.properties.id === id);
      const box = f && bboxOf([f]);
      if (box) mapHandle.current?.fitTo(box);
    }
  };
  const setPanel = (p: Panel) => update({ panel: p });
  /** The API query of exactly what the map shows (filters and legend switches), if anything. */
  const shownQuery = visible.length ? serverQuery(filters, hidden) : null;
  // Coverage map, status colours and the status timeline (client/coverage).
  const cv = useCoverageView(state, visible, shownQuery, projects, plan);
  const error = planError ?? projectsError ?? queryError;
  // The exported picture and the printed page: what the map shows, titled.
  const byStatus = state.symbology === 'status';
  const legend = useMemo(
    () => [
      ...(byStatus ? statusLegendItems(cv.counts ?? {}, lang, { label: t.notRecorded, color: NOT_RECORDED_COLOR }) : legendItems(visible, lang)),
      // The chosen clauses' partner provinces are tinted on the map (not under the coverage map).
      ...(partners.length && !state.coverage
        ? [{ key: 'partners', label: t.partnerProvinces, count: partners.length, color: PALETTES[theme].partner, opacity: PALETTES[theme].partnerOpacity, swatch: 'tint' as const }]
        : []),
    ],
    [byStatus, cv.counts, visible, lang, t, partners, state.coverage, theme],
  );
  const legendTitle = byStatus ? (state.asOf ? t.statusOn(state.asOf) : t.statusNow) : t.legendShort;
  const figures = useMemo(() => keyFigures(visible, lang, byStatus && state.asOf ? cv.counts : null), [visible, lang, byStatus, state.asOf, cv.counts]);
  const defaultTitle = filterSummary || t.defaultMapTitle;
  const exportTitle = titleEdit?.for === defaultTitle ? titleEdit.text : defaultTitle;

  return (
    <LangContext.Provider value={lang}>
      <div className={`app theme-${theme}${selected ? ' with-detail' : ''}${presenting ? ' presenting' : ''}${sliding ? ' slides' : ''}${folded ? ' side-folded' : ''}`}>
        <TopBar
          search={
            <SearchBox
              key={filters.q}
              q={filters.q}
              onSearch={(q) => update((s) => ({ filters: { ...s.filters, q } }))}
              found={filters.q && !pending ? (idQuery?.ids.length ?? 0) : null}
              projects={all}
              onFly={(city) => {
                setCityTarget(city.center);
                update((s) => ({ filters: { ...s.filters, q: '' } }));
              }}
            />
          }
          presenting={presenting}
          onPresent={(on) => update({ mode: on ? 'present' : 'browse' })}
          nearMode={nearMode}
          onNearMode={setNearMode}
          exportQuery={shownQuery ? new URLSearchParams(shownQuery).toString() : null}
          visibleCount={visible.length}
          summary={filterSummary}
          theme={theme}
          onTheme={(theme) => update({ theme })}
          onLang={() => update({ lang: lang === 'zh' ? 'en' : 'zh' })}
          me={me}
          onMe={setMe}
          onImage={() => setImageOpen((o) => !o)}
          imageOpen={imageOpen}
        />
        {sliding && (
          <Slideshow
            state={state}
            plan={plan}
            projects={all}
            who={who}
            onState={update}
            onFly={(target) => mapHandle.current?.flyTo(target)}
            onExit={() => update({ mode: 'browse', slides: undefined })}
          />
        )}
        {error != null && (
          <p className="error-banner" role="alert">
            {errorText(error, lang)}
          </p>
        )}
        <nav className="side" aria-label={t.filters} hidden={presenting}>
          <div className="tabs" role="tablist">
            {(['filters', 'list', 'stats', 'plan', 'views'] as const).map((p) => (
              <button key={p} id={`tab-${p}`} type="button" role="tab" aria-selected={panel === p} aria-controls="side-panel" onClick={() => (setPanel(p), setFolded(false))}>
                {p === 'filters' ? t.filters : p === 'list' ? `${t.listTab} (${visible.length})` : p === 'stats' ? t.stats : p === 'plan' ? t.plan : t.viewsTab}
              </button>
            ))}
            <button type="button" className="fold" title={folded ? t.showPanels : t.hidePanels} aria-expanded={!folded} aria-controls="side-panel" onClick={() => setFolded((f) => !f)} data-testid="fold">
              <span aria-hidden>{folded ? '»' : '«'}</span> <span className="fold-text">{folded ? t.showPanels : t.hidePanels}</span>
            </button>
          </div>
          <div className="tab-body" role="tabpanel" id="side-panel" aria-labelledby={`tab-${panel}`}>
            {filters.near && (
              <NearBar
                key={filters.radiusKm}
                count={visible.length}
                radiusKm={filters.radiusKm}
                onRadius={(radiusKm) => update((s) => ({ filters: { ...s.filters, radiusKm } }))}
                onCancel={() => update((s) => ({ filters: { ...s.filters, near: null } }))}
              />
            )}
            {panel === 'filters' && (
              <FilterPanel
                filters={filters}
                plan={plan}
                nodeCounts={nodeCounts}
                total={projects ? visible.length : null}
                onChange={(f) => update({ filters: f })}
              />
            )}
            {panel === 'list' && (
              <ProjectList features={visible} distances={filters.near ? (idQuery?.distances ?? null) : null} selectedId={selected} onHover={setHoverId} onSelect={(id) => select(id, true)} />
            )}
            {panel === 'stats' && <CoveragePanel query={shownQuery} plan={plan} measure={state.coverage} onMeasure={(coverage) => update({ coverage })} />}
            {panel === 'plan' && (
              <PlanView
                plan={plan}
                activeNodes={filters.nodes}
                onChoose={(node) => update((s) => ({ filters: { ...s.filters, nodes: s.filters.nodes.includes(node) ? [] : [node] } }))}
                onSelectProject={(id) => select(id, true)}
              />
            )}
            {panel === 'views' && (
              <ViewsPanel state={state} me={me} summary={filterSummary} onApply={update} onPlay={(deck, n) => update({ mode: 'slides', slides: { deck, n } })} />
            )}
          </div>
        </nav>
        <main className="map-wrap">
          <MapView
            look={cv.look}
            onProvinceClick={(id) => update((s) => ({ filters: { ...s.filters, provinces: provincesAfterClick(s.filters.provinces, id) } }))}
            basemap={basemap}
            lang={lang}
            theme={theme}
            projects={stacked as FeatureCollection | null}
            filter={mapExpr}
            selectedId={selected}
            hoverId={hoverId}
            camera={state.camera}
            nearCircle={nearCircle}
            partners={partners}
            maxBounds={MAX_BOUNDS}
            clickMode={nearMode ? 'place' : 'select'}
            ref={mapHandle}
            onCameraChange={(camera) => {
              setChoice(null);
              update({ camera });
            }}
            onSelect={(id) => {
              setChoice(null);
              select(id);
            }}
            onChoose={(ids, at) => setChoice({ ids, at })}
            onMapClick={(lngLat) => {
              setChoice(null);
              if (nearMode) update((s) => ({ filters: { ...s.filters, near: lngLat }, panel: 'list' }));
              else if (selected) update({ selected: null });
            }}
          />
          <Legend key={presenting ? 'present' : 'browse'} startOpen={isPhone() ? false : presenting || undefined} hideEmpty={presenting} counts={counts.byCategory} partners={state.coverage ? [] : partners} hidden={hidden} onToggle={(c) => update((s) => ({ hidden: s.hidden.includes(c) ? s.hidden.filter((x) => x !== c) : [...s.hidden, c] }))}
            swatches={state.symbology === 'category'}
            top={
              <>
                <MapTools symbology={state.symbology} onSymbology={(symbology) => update({ symbology })} coverage={state.coverage} onCoverage={(coverage) => update({ coverage })} />
                {cv.counts && <StatusKey counts={cv.counts} asOf={state.asOf} planOnly={cv.planOnly} />}
              </>
            }
          />
          {state.coverage && <CoverageLegend measure={state.coverage} classes={cv.classes} pending={cv.answer.pending} error={cv.answer.error} summary={filterSummary} selected={filters.provinces} onProvince={(id) => update((s) => ({ filters: { ...s.filters, provinces: provincesAfterClick(s.filters.provinces, id) } }))} />}
          {state.symbology === 'status' && <TimeSlider events={cv.events} goals={cv.goals} asOf={state.asOf} onAsOf={(asOf) => update({ asOf })} error={cv.historyError} />}
          {nearMode && <p className="map-hint">{t.nearHint}</p>}
          {!presenting && (
            <button type="button" className="fit-results" title={t.fitResultsHint} onClick={fitShown} disabled={!visible.length}>
              {t.fitResults}
            </button>
          )}
          {unknownNote && (
            <p className="map-notice" role="status" data-testid="unknown-filter">
              {t.unknownFilter(unknownNote)} <button type="button" onClick={() => setUnknownNote(null)}>{t.dismiss}</button>
            </p>
          )}
          {choice && (
            <Chooser
              projects={visible.filter((f) => choice.ids.includes(f.properties.id))}
              at={choice.at}
              onPick={(id) => {
                setChoice(null);
                select(id);
              }}
              onClose={() => setChoice(null)}
            />
          )}
        </main>
        {selected && (
          <ProjectDetail
            id={selected}
            plan={plan}
            me={me}
            onClose={() => update({ selected: null })}
            onSelect={(id) => select(id, true)}
            onShowClause={(node) => update((s) => ({ filters: { ...EMPTY_FILTERS, nodes: [node] }, panel: s.panel }))}
            onChanged={reload}
          />
        )}
        {imageOpen && (
          <ImageDialog title={exportTitle} onTitle={(text) => setTitleEdit({ for: defaultTitle, text })} legend={legend} legendTitle={legendTitle} figures={figures} getMap={getMap} onClose={() => setImageOpen(false)} />
        )}
        <PrintSheet title={exportTitle} filter={filterSummary} figures={figures} legend={legend} legendTitle={legendTitle} getMap={getMap} />
      </div>
    </LangContext.Provider>
  );
}
