/** Composes the dashboard: header, side panels, the map, the legend and the detail panel. Its view logic is state/use-dashboard.ts. */
import { useCallback, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { LangContext } from './i18n/use-lang.ts';
import { errorText } from './i18n/error-text.ts';
import { MAX_BOUNDS } from './map/frame.ts';
import { MapView, type MapHandle } from './map/map-view.tsx';
import { ImageDialog } from './export/image-dialog.tsx';
import { PrintSheet } from './export/print-sheet.tsx';
import { CoverageLegend } from './coverage/coverage-legend.tsx';
import { MapTools } from './coverage/map-tools.tsx';
import { StatusKey } from './coverage/status-key.tsx';
import { TimeSlider } from './coverage/time-slider.tsx';
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
import { PANELS, tabLabel } from './state/dashboard.ts';
import { useDashboard } from './state/use-dashboard.ts';
import { useIdQuery, useMe, usePlan, useProjects } from './state/use-data.ts';
import { useViewState } from './state/use-view-state.ts';
import { isPhone } from './state/layout.ts';

export function App() {
  const view = useViewState();
  const [state, update] = view;
  const { lang, theme, filters, selected, hidden, panel } = state;
  const me = useMe();
  const who = me?.user?.username ?? null;
  const { plan, error: planError } = usePlan();
  const { projects, error: projectsError } = useProjects();
  const { result: idQuery, error: queryError, pending } = useIdQuery(filters.q, filters.near, filters.radiusKm);
  const mapHandle = useRef<MapHandle>(null);
  const getMap = useCallback(() => mapHandle.current?.getMap() ?? null, []);
  const d = useDashboard({ view, plan, projects, idQuery, pending, map: mapHandle });
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
              found={filters.q && !pending ? (idQuery?.ids.length ?? 0) : null}
              projects={d.all}
              onFly={(city) => d.flyToCity(city.center)}
            />
          }
          presenting={presenting}
          onPresent={(on) => update({ mode: on ? 'present' : 'browse' })}
          nearMode={d.near.on}
          onNearMode={d.near.set}
          exportQuery={d.shownQuery}
          visibleCount={visible.length}
          summary={d.summary}
          theme={theme}
          onTheme={(theme) => update({ theme })}
          onLang={() => update({ lang: lang === 'zh' ? 'en' : 'zh' })}
          me={me}
          onImage={d.image.toggle}
          imageOpen={d.image.open}
        />
        {sliding && (
          <Slideshow
            state={state}
            plan={plan}
            projects={d.all}
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
            {PANELS.map((p) => (
              <button key={p} id={`tab-${p}`} type="button" role="tab" aria-selected={panel === p} aria-controls="side-panel" onClick={() => (update({ panel: p }), d.fold.set(false))}>
                {tabLabel(p, t, visible.length)}
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
                count={visible.length}
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
                total={projects ? visible.length : null}
                onChange={(f) => update({ filters: f })}
              />
            )}
            {panel === 'list' && (
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
          </div>
        </nav>
        <main className="map-wrap">
          <MapView
            look={cv.look}
            onProvinceClick={d.actions.clickProvince}
            basemap={d.basemap}
            lang={lang}
            theme={theme}
            projects={d.stacked as FeatureCollection | null}
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
            onChoose={(ids, at) => d.setChoice({ ids, at })}
            onMapClick={d.actions.mapClick}
          />
          <Legend key={presenting ? 'present' : 'browse'} startOpen={isPhone() ? false : presenting || undefined} hideEmpty={presenting} counts={d.counts} partners={state.coverage ? [] : d.partners} hidden={hidden} onToggle={d.actions.toggleHidden}
            swatches={state.symbology === 'category'}
            top={
              <>
                <MapTools symbology={state.symbology} onSymbology={(symbology) => update({ symbology })} coverage={state.coverage} onCoverage={(coverage) => update({ coverage })} />
                {cv.counts && <StatusKey counts={cv.counts} asOf={state.asOf} planOnly={cv.planOnly} />}
              </>
            }
          />
          {state.coverage && <CoverageLegend measure={state.coverage} classes={cv.classes} pending={cv.answer.pending} error={cv.answer.error} summary={d.summary} selected={filters.provinces} onProvince={d.actions.clickProvince} />}
          {state.symbology === 'status' && <TimeSlider events={cv.events} goals={cv.goals} asOf={state.asOf} onAsOf={(asOf) => update({ asOf })} error={cv.historyError} />}
          {d.near.on && <p className="map-hint">{t.nearHint}</p>}
          {!presenting && (
            <button type="button" className="fit-results" title={t.fitResultsHint} onClick={d.fitShown} disabled={!visible.length}>
              {t.fitResults}
            </button>
          )}
          {d.unknownNote && (
            <p className="map-notice" role="status" data-testid="unknown-filter">
              {t.unknownFilter(d.unknownNote)} <button type="button" onClick={d.dismissUnknown}>{t.dismiss}</button>
            </p>
          )}
          {d.choice && (
            <Chooser
              projects={visible.filter((f) => d.choice?.ids.includes(f.properties.id))}
              at={d.choice.at}
              onPick={(id) => {
                d.setChoice(null);
                d.select(id);
              }}
              onClose={() => d.setChoice(null)}
            />
          )}
        </main>
        {selected && (
          <ProjectDetail
            id={selected}
            plan={plan}
            me={me}
            onClose={() => update({ selected: null })}
            onSelect={(id) => d.select(id, true)}
            onShowClause={d.actions.showClause}
          />
        )}
        {d.image.open && (
          <ImageDialog title={d.image.title} onTitle={d.image.setTitle} legend={d.image.legend} legendTitle={d.image.legendTitle} figures={d.image.figures} getMap={getMap} onClose={d.image.close} />
        )}
        <PrintSheet title={d.image.title} filter={d.summary} figures={d.image.figures} legend={d.image.legend} legendTitle={d.image.legendTitle} getMap={getMap} />
      </div>
    </LangContext.Provider>
  );
}
