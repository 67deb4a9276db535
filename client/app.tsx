/** Composes the dashboard: header, side panels, the map, the legend and the detail panel. Its view logic is state/use-dashboard.ts. */
import { Suspense, useCallback, useRef, useState } from 'react';
import { LangContext } from './i18n/use-lang.ts';
import { errorText } from './i18n/error-text.ts';
import { lazyNamed } from './lib/lazy-named.ts';
import { MAX_BOUNDS } from './map/frame.ts';
import { MapView, type MapHandle } from './map/map-view.tsx';
import { MapTools } from './coverage/map-tools.tsx';
import { FilterPanel } from './panels/filter-panel.tsx';
import { Legend } from './panels/legend.tsx';
import { NearBar } from './panels/near-bar.tsx';
import { SearchBox } from './panels/search-box.tsx';
import { TopBar } from './panels/top-bar.tsx';
import { PANELS, tabLabel } from './state/dashboard.ts';
import { useDashboard } from './state/use-dashboard.ts';
import type { LargeData } from './state/large-set.ts';
import { useIdQuery, useMe, usePlan, useProjects } from './state/use-data.ts';
import { useViewState } from './state/use-view-state.ts';
import { isPhone } from './state/layout.ts';

// What is not on the first screen loads when first shown, each in a chunk of its own (issue 12).
const CoverageLegend = lazyNamed(() => import('./coverage/coverage-legend.tsx'), 'CoverageLegend');
const StatusKey = lazyNamed(() => import('./coverage/status-key.tsx'), 'StatusKey');
const TimeSlider = lazyNamed(() => import('./coverage/time-slider.tsx'), 'TimeSlider');
const ImageDialog = lazyNamed(() => import('./export/image-dialog.tsx'), 'ImageDialog');
const PrintSheet = lazyNamed(() => import('./export/print-sheet.tsx'), 'PrintSheet');
const Chooser = lazyNamed(() => import('./panels/chooser.tsx'), 'Chooser');
const CoveragePanel = lazyNamed(() => import('./panels/coverage-panel.tsx'), 'CoveragePanel');
const PlanView = lazyNamed(() => import('./panels/plan-view.tsx'), 'PlanView');
const ProjectList = lazyNamed(() => import('./panels/project-list.tsx'), 'ProjectList');
const LargeList = lazyNamed(() => import('./panels/large-list.tsx'), 'LargeList');
const LargeSetData = lazyNamed(() => import('./state/large-set-data.tsx'), 'LargeSetData');
const ProjectDetail = lazyNamed(() => import('./panels/project-detail.tsx'), 'ProjectDetail');
const Slideshow = lazyNamed(() => import('./present/slideshow.tsx'), 'Slideshow');
const ViewsPanel = lazyNamed(() => import('./present/views-panel.tsx'), 'ViewsPanel');

export function App() {
  const view = useViewState();
  const [state, update] = view;
  const { lang, theme, filters, selected, hidden, panel } = state;
  const me = useMe();
  const who = me?.user?.username ?? null;
  const { plan, error: planError } = usePlan();
  const { projects, tiles, large, thinned, error: projectsError } = useProjects();
  // A large set's counts, bounds and search ids come from the server, in a chunk of their own.
  const [largeData, setLargeData] = useState<LargeData | null>(null);
  const { result: idQuery, error: queryError, pending, capped } = useIdQuery(filters.q, filters.near, filters.radiusKm, large ? (largeData?.ids ?? false) : undefined);
  const mapHandle = useRef<MapHandle>(null);
  const getMap = useCallback(() => mapHandle.current?.getMap() ?? null, []);
  const d = useDashboard({ view, plan, projects, idQuery, pending, map: mapHandle, large, server: large ? (largeData?.counts ?? null) : null });
  const { t, presenting, sliding, visible, cv } = d;
  const error = planError ?? projectsError ?? queryError;

  return (
    <LangContext.Provider value={lang}>
      <div className={d.className}>
        <TopBar
          search={
            <SearchBox
              key={filters.q}
              q={filters.q}
              onSearch={(q) => d.actions.patchFilters({ q })}
              found={filters.q && !pending ? (capped ?? idQuery?.ids.length ?? 0) : null}
              projects={d.all}
              onFly={(city) => d.flyToCity(city.center)}
            />
          }
          presenting={presenting}
          onPresent={(on) => update({ mode: on ? 'present' : 'browse' })}
          nearMode={d.near.on}
          onNearMode={d.near.set}
          exportQuery={d.shownQuery}
          visibleCount={d.shown ?? 0}
          summary={d.summary}
          theme={theme}
          onTheme={(theme) => update({ theme })}
          onLang={() => update({ lang: lang === 'zh' ? 'en' : 'zh' })}
          me={me}
          onImage={d.image.toggle}
          imageOpen={d.image.open}
        />
        {sliding && (
          <Suspense fallback={null}>
            <Slideshow
              state={state}
              plan={plan}
              projects={d.all}
              who={who}
              onState={update}
              onFly={(target) => mapHandle.current?.flyTo(target)}
              onExit={() => update({ mode: 'browse', slides: undefined })}
            />
          </Suspense>
        )}
        {error != null && (
          <p className="error-banner" role="alert">
            {errorText(error, lang)}
          </p>
        )}
        <nav className="side" aria-label={t.filters} hidden={presenting}>
          <div className="tabs" role="tablist">
            {PANELS.map((p) => (
              <button key={p} id={`tab-${p}`} type="button" role="tab" aria-selected={panel === p} aria-controls="side-panel" onClick={() => (update({ panel: p }), d.fold.set(false))}>
                {tabLabel(p, t, d.shown ?? 0)}
              </button>
            ))}
            <button type="button" className="fold" title={d.fold.folded ? t.showPanels : t.hidePanels} aria-expanded={!d.fold.folded} aria-controls="side-panel" onClick={() => d.fold.set((f) => !f)} data-testid="fold">
              <span aria-hidden>{d.fold.folded ? '»' : '«'}</span> <span className="fold-text">{d.fold.folded ? t.showPanels : t.hidePanels}</span>
            </button>
          </div>
          <div className="tab-body" role="tabpanel" id="side-panel" aria-labelledby={`tab-${panel}`}>
            {filters.near && (
              <NearBar
                key={filters.radiusKm}
                count={d.shown ?? 0}
                radiusKm={filters.radiusKm}
                onRadius={(radiusKm) => d.actions.patchFilters({ radiusKm })}
                onCancel={() => d.actions.patchFilters({ near: null })}
              />
            )}
            {panel === 'filters' && (
              <FilterPanel
                filters={filters}
                plan={plan}
                nodeCounts={d.nodeCounts}
                total={d.shown}
                onChange={(f) => update({ filters: f })}
              />
            )}
            <Suspense fallback={null}>
              {panel === 'list' && large && d.shownQuery && (
                <LargeList key={JSON.stringify(d.shownQuery)} query={d.shownQuery} selectedId={selected} onHover={d.hover.set} onSelect={(id) => d.select(id, true)} />
              )}
              {panel === 'list' && !large && (
                <ProjectList features={visible} distances={filters.near ? (idQuery?.distances ?? null) : null} selectedId={selected} onHover={d.hover.set} onSelect={(id) => d.select(id, true)} />
              )}
              {panel === 'stats' && <CoveragePanel query={d.shownQuery} plan={plan} measure={state.coverage} onMeasure={(coverage) => update({ coverage })} />}
              {panel === 'plan' && (
                <PlanView
                  plan={plan}
                  activeNodes={filters.nodes}
                  onChoose={d.actions.chooseNode}
                  onSelectProject={(id) => d.select(id, true)}
                />
              )}
              {panel === 'views' && (
                <ViewsPanel state={state} me={me} summary={d.summary} onApply={update} onPlay={(deck, n) => update({ mode: 'slides', slides: { deck, n } })} />
              )}
            </Suspense>
          </div>
        </nav>
        <main className="map-wrap">
          <MapView
            look={cv.look}
            onProvinceClick={d.actions.clickProvince}
            basemap={d.basemap}
            lang={lang}
            theme={theme}
            projects={projects}
            tiles={tiles}
            stacks={d.stacks}
            filter={d.mapExpr}
            selectedId={selected}
            hoverId={d.hover.id}
            camera={state.camera}
            nearCircle={d.nearCircle}
            partners={d.partners}
            maxBounds={MAX_BOUNDS}
            clickMode={d.near.on ? 'place' : 'select'}
            ref={mapHandle}
            onCameraChange={(camera) => {
              d.setChoice(null);
              update({ camera });
            }}
            onSelect={(id) => {
              d.setChoice(null);
              d.select(id);
            }}
            onChoose={(items, at) => d.setChoice({ items, at })}
            onMapClick={d.actions.mapClick}
          />
          <Legend key={presenting ? 'present' : 'browse'} startOpen={isPhone() ? false : presenting || undefined} hideEmpty={presenting} counts={d.counts} partners={state.coverage ? [] : d.partners} hidden={hidden} onToggle={d.actions.toggleHidden}
            swatches={state.symbology === 'category'}
            top={
              <>
                <MapTools symbology={state.symbology} onSymbology={(symbology) => update({ symbology })} coverage={state.coverage} onCoverage={(coverage) => update({ coverage })} />
                {cv.counts && (
                  <Suspense fallback={null}>
                    <StatusKey counts={cv.counts} asOf={state.asOf} planOnly={cv.planOnly} />
                  </Suspense>
                )}
              </>
            }
          />
          {state.coverage && (
            <Suspense fallback={null}>
              <CoverageLegend measure={state.coverage} classes={cv.classes} pending={cv.answer.pending} error={cv.answer.error} summary={d.summary} selected={filters.provinces} onProvince={d.actions.clickProvince} />
            </Suspense>
          )}
          {state.symbology === 'status' && (
            <Suspense fallback={null}>
              <TimeSlider events={cv.events} goals={cv.goals} asOf={state.asOf} onAsOf={(asOf) => update({ asOf })} error={cv.historyError} />
            </Suspense>
          )}
          {d.near.on && <p className="map-hint">{t.nearHint}</p>}
          {large && (
            <Suspense fallback={null}>
              <LargeSetData state={state} thinned={thinned} sliding={sliding} map={mapHandle} onData={setLargeData} />
            </Suspense>
          )}
          {!presenting && (
            <button type="button" className="fit-results" title={t.fitResultsHint} onClick={d.fitShown} disabled={!d.shown}>
              {t.fitResults}
            </button>
          )}
          {d.unknownNote && (
            <p className="map-notice" role="status" data-testid="unknown-filter">
              {t.unknownFilter(d.unknownNote)} <button type="button" onClick={d.dismissUnknown}>{t.dismiss}</button>
            </p>
          )}
          {d.choice && (
            <Suspense fallback={null}>
              <Chooser
                projects={d.choice.items}
                at={d.choice.at}
                onPick={(id) => {
                  d.setChoice(null);
                  d.select(id);
                }}
                onClose={() => d.setChoice(null)}
              />
            </Suspense>
          )}
        </main>
        {selected && (
          <Suspense fallback={null}>
            <ProjectDetail
              id={selected}
              plan={plan}
              me={me}
              onClose={() => update({ selected: null })}
              onSelect={(id) => d.select(id, true)}
              onShowClause={d.actions.showClause}
            />
          </Suspense>
        )}
        {d.image.open && (
          <Suspense fallback={null}>
            <ImageDialog title={d.image.title} onTitle={d.image.setTitle} legend={d.image.legend} legendTitle={d.image.legendTitle} figures={d.image.figures} getMap={getMap} onClose={d.image.close} />
          </Suspense>
        )}
        {d.printReady && (
          <Suspense fallback={null}>
            <PrintSheet title={d.image.title} filter={d.summary} figures={d.image.figures} legend={d.image.legend} legendTitle={d.image.legendTitle} getMap={getMap} />
          </Suspense>
        )}
      </div>
    </LangContext.Provider>
  );
}
