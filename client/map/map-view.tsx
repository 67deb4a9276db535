/**
 * The one component that owns the maplibregl.Map. State comes in as props (style, data, filter,
 * selection, camera), events go out as callbacks (camera moved, feature or place clicked), and
 * commands (fly there, fit this box) are method calls on its handle, as react-map-gl's MapRef.
 * Style data comes from basemap-style.ts and project-layers.ts.
 */
import { useEffect, useImperativeHandle, useRef, type Ref, type RefObject } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type VectorTileSource,
  type StyleSpecification,
  type LngLatBoundsLike,
  type Subscription,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { afterLayout, centreToShow, onNext, whenReady, type Bbox, type Off } from './map-events.ts';
import { fitCamera } from './fit.ts';
import { applyHighlight, applyLargeSet, applyLook, NEAR_SOURCE, partnerFilter, type MapLook } from './overlays.ts';
import { HIGHLIGHT_LAYERS, INTERACTIVE_PROJECT_LAYERS, PROJECT_SOURCE, projectLayers, STACK_SOURCE, withUserFilter } from './project-layers.ts';
import { symbolImages } from './symbols.ts';
import { MAX_ZOOM, MIN_ZOOM } from './frame.ts';
import { handleClick, round } from './map-click.ts';
import type { ChoiceItem } from './pick.ts';
import { carryOverlays, EMPTY, largeOf, withOverlays } from './map-style.ts';
import { bboxOf } from './use-camera-fit.ts';
import { labelControls } from './control-names.ts';
import { MESSAGES, type Lang } from '../i18n/messages.ts';

setWorkerUrl(workerUrl);

export type Camera = { center: [number, number]; zoom: number };
/** Where a camera command goes: a box of lon/lat to fit, or a point (at a zoom) to fly to. */
export type FlyTarget = { bbox?: Bbox; center?: [number, number]; zoom?: number };
/**
 * The map's commands. Each runs on the map's next frame, so a panel that opens with the command
 * (the detail beside the map, a sheet over it) is laid out and measured first.
 */
export type MapHandle = {
  /** The live map (the exports draw it again off screen), or null before it exists. */
  getMap: () => MapLibreMap | null;
  /** Fits the box clear of the panels over the map (padding measured: fit.ts), zoom at most maxZoom. */
  fitTo: (box: Bbox, maxZoom?: number) => void;
  /** A box is fitted (fitTo); a point is flown to, at its zoom or at least 9. */
  flyTo: (target: FlyTarget) => void;
};

type Props = {
  basemap: StyleSpecification;
  lang: Lang;
  theme: 'light' | 'contrast';
  /** Every project: given to the map only when the projects themselves change. */
  projects: FeatureCollection | null;
  /** A large set (client/state/large-set.ts): the URL of the projects' vector tiles, drawn instead of `projects`. */
  tiles?: string | null;
  /** The count badges of the shown points (pick.ts stackBadges): what a filter change resends. */
  stacks: FeatureCollection | null;
  filter: ExpressionSpecification | null;
  selectedId: string | null;
  hoverId: string | null;
  camera: Camera;
  nearCircle: FeatureCollection | null;
  /** Province ids to outline as the chosen clauses' partners. */
  partners: string[];
  maxBounds: LngLatBoundsLike;
  /** 'select' picks the feature under a click; 'place' always reports the clicked place. */
  clickMode: 'select' | 'place';
  /** Camera commands, and the live map for the exports (client/export). */
  ref?: Ref<MapHandle>;
  onCameraChange: (camera: Camera) => void;
  onSelect: (id: string | null) => void;
  /** Several projects under one click: their names (read off the map) and the pixel clicked. */
  onChoose: (items: ChoiceItem[], at: [number, number]) => void;
  onMapClick: (lngLat: [number, number]) => void;
  /** Projects by category or status, and the coverage choropleth (client/coverage). */
  look?: MapLook;
  /** A click on a province of the coverage choropleth, where no project is. */
  onProvinceClick?: (id: string) => void;
};

declare global {
  interface Window {
    /** For browser tests and debugging: the live map. */
    __atlasMap?: MapLibreMap;
  }
}

export function MapView({ ref, ...props }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // Callbacks and current values read inside map events without re-binding them.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // Commands waiting for the next frame: dropped if the map goes away first.
  const waiting = useRef(new Set<Off>());

  // Create the map once; every listener it gets is removed with it.
  useEffect(() => {
    const p = latest.current;
    const map = new MapLibreMap({
      container: container.current!,
      // The overlays come with the first style, so the projects load alongside the basemap, not after it.
      style: withOverlays(p.basemap, p),
      center: p.camera.center,
      zoom: p.camera.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: p.maxBounds,
      attributionControl: false,
      localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // Labels appear at once when a filter changes: no 300 ms fade to wait for.
      fadeDuration: 0,
    });
    mapRef.current = map;
    window.__atlasMap = map;
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    // The point symbols go in with every style, before the project layers ask for them.
    const pixelRatio = window.devicePixelRatio || 1;
    const images = symbolImages(pixelRatio);
    const addImages = () => {
      for (const { name, image } of images) if (!map.hasImage(name)) map.addImage(name, image, { pixelRatio });
    };
    const subs: Subscription[] = [
      map.on('style.load', addImages),
      map.on('styleimagemissing', addImages),
      map.on('moveend', () => {
        const c = map.getCenter();
        latest.current.onCameraChange({ center: [round(c.lng, 4), round(c.lat, 4)], zoom: round(map.getZoom(), 2) });
      }),
      map.on('click', (e) => handleClick(map, e, { ...latest.current, choropleth: Boolean(latest.current.look?.choropleth) })),
      ...INTERACTIVE_PROJECT_LAYERS.flatMap((layer) => [
        map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer')),
        map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = '')),
      ]),
    ];
    const commands = waiting.current;
    return () => {
      commands.forEach((off) => off());
      commands.clear();
      subs.forEach((s) => s.unsubscribe());
      map.remove();
      mapRef.current = null;
      if (window.__atlasMap === map) delete window.__atlasMap;
    };
  }, []);

  useImperativeHandle(ref, () => {
    /** Runs a command on the map's next frame, after the layout it came with (MapHandle). */
    const command = (fn: (map: MapLibreMap) => void) => {
      const map = mapRef.current;
      if (!map) return;
      const off = afterLayout(map, () => {
        waiting.current.delete(off);
        fn(map);
      });
      waiting.current.add(off);
    };
    const fitTo = (box: Bbox, maxZoom = 10) =>
      command((map) => {
        const camera = fitCamera(map, box, maxZoom);
        if (camera) map.flyTo({ ...camera, duration: 800 });
        else map.fitBounds(box, { maxZoom, duration: 800 });
      });
    return {
      getMap: () => mapRef.current,
      fitTo,
      flyTo: ({ bbox: box, center, zoom }) => {
        if (box) fitTo(box);
        else if (center)
          command((map) => {
            const to = zoom ?? Math.max(map.getZoom(), 9);
            // Already there (back home from home): no flight, so no frames drawn for nothing.
            const c = map.getCenter();
            if (Math.abs(c.lng - center[0]) < 1e-4 && Math.abs(c.lat - center[1]) < 1e-4 && Math.abs(map.getZoom() - to) < 0.01) return;
            map.flyTo({ center, zoom: to, duration: 800 });
          });
      },
    };
  }, []);

  // Basemap, language or theme changed (the basemap is made from them): swap the style and carry
  // the overlays over.
  const { basemap, lang, theme } = props;
  // The style the map was last given (the map is created with the first one).
  const appliedStyle = useRef(props.basemap);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || appliedStyle.current === basemap) return;
    appliedStyle.current = basemap;
    map.setStyle(basemap, {
      diff: true,
      transformStyle: (previous, next) => carryOverlays(previous, next, latest.current),
    });
    return onNext(map, 'styledata', () => {
      const q = latest.current;
      applyHighlight(map, q.selectedId, q.hoverId);
      if (q.look) applyLook(map, q.look, q.lang, q.theme);
    });
  }, [basemap]);

  // MapLibre's own controls speak the reader's language (its built-in names are English).
  useEffect(() => {
    if (mapRef.current) labelControls(mapRef.current, lang);
  }, [lang]);

  // Back/Forward (or any outside change of the camera) moves the map; its own moves come back equal.
  const { camera } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    const far = Math.abs(c.lng - camera.center[0]) > 1e-3 || Math.abs(c.lat - camera.center[1]) > 1e-3 || Math.abs(map.getZoom() - camera.zoom) > 0.02;
    if (far && !map.isMoving()) map.jumpTo({ center: camera.center, zoom: camera.zoom });
  }, [camera]);

  // Data, filters and highlights: applied once the overlays exist; a wait is dropped on the next change.
  const { projects, stacks, nearCircle, filter, selectedId, hoverId, partners, look } = props;
  const partnerKey = partners.join();
  useEffect(() => ready(mapRef, (map) => map.getLayer('partners-outline') && map.setFilter('partners-outline', partnerFilter(partnerKey ? partnerKey.split(',') : []))), [partnerKey]);
  // setData answers when the worker has the data; nothing waits for it.
  useEffect(() => ready(mapRef, (map) => void map.getSource<GeoJSONSource>(PROJECT_SOURCE)?.setData?.(projects ?? EMPTY)), [projects]);
  // A large set's tiles: a new data version is a new URL; the first one swaps the GeoJSON source for them.
  const { tiles } = props;
  const appliedTiles = useRef(tiles ?? null);
  useEffect(() => {
    const was = appliedTiles.current;
    if (was === (tiles ?? null)) return;
    appliedTiles.current = tiles ?? null;
    return ready(mapRef, (map) => {
      const source = map.getSource<VectorTileSource>(PROJECT_SOURCE);
      if (was && tiles && source?.type === 'vector') return void source.setTiles([tiles]);
      map.setStyle(withOverlays(appliedStyle.current, latest.current), { diff: true });
      onNext(map, 'styledata', () => applyHighlight(map, latest.current.selectedId, latest.current.hoverId));
    });
  }, [tiles]);
  // A large set draws cheaper at low zoom (project-layers.ts largeSet); the plan's own map never is one.
  const large = largeOf(projects, tiles);
  const appliedLarge = useRef(large);
  useEffect(() => {
    if (appliedLarge.current === large) return;
    appliedLarge.current = large;
    return ready(mapRef, (map) => applyLargeSet(map, latest.current.lang, latest.current.theme, large));
  }, [large]);
  useEffect(() => ready(mapRef, (map) => void map.getSource<GeoJSONSource>(STACK_SOURCE)?.setData(stacks ?? EMPTY)), [stacks]);
  useEffect(() => ready(mapRef, (map) => void map.getSource<GeoJSONSource>(NEAR_SOURCE)?.setData(nearCircle ?? EMPTY)), [nearCircle]);
  useEffect(
    () =>
      ready(mapRef, (map) => {
        for (const layer of projectLayers(lang, theme)) {
          if (HIGHLIGHT_LAYERS.includes(layer.id) || !map.getLayer(layer.id)) continue;
          map.setFilter(layer.id, withUserFilter(layer, filter) ?? null);
        }
      }),
    [filter, lang, theme],
  );
  useEffect(() => ready(mapRef, (map) => applyHighlight(map, selectedId, hoverId)), [selectedId, hoverId]);
  useEffect(() => ready(mapRef, (map) => look && applyLook(map, look, latest.current.lang, latest.current.theme)), [look]);

  // A newly selected project stays in view when the detail panel narrows the map: checked on the
  // frame after the panel is laid out. The selection a link opens with keeps the link's camera.
  const shownSelection = useRef(selectedId);
  useEffect(() => {
    const map = mapRef.current;
    if (selectedId === shownSelection.current) return;
    shownSelection.current = selectedId;
    const feature = projects?.features.find((f) => f.properties?.id === selectedId);
    if (!map || !feature) return;
    return afterLayout(map, () => {
      // A fit to the project (or the reader) is moving the camera already.
      if (map.isMoving()) return;
      const box = bboxOf([feature]);
      const v = map.getBounds();
      const centre = box && centreToShow(box, [v.getWest(), v.getSouth(), v.getEast(), v.getNorth()]);
      if (centre) map.easeTo({ center: centre, duration: 600 });
    });
  }, [selectedId, projects]);

  return <div ref={container} className="map" role="region" aria-label={MESSAGES[lang].map} data-testid="map" />;
}

/** whenReady on the live map, if there is one; returns what drops the wait (an effect's cleanup). */
const ready = (mapRef: RefObject<MapLibreMap | null>, fn: (map: MapLibreMap) => void): Off | undefined => (mapRef.current ? whenReady(mapRef.current, fn) : undefined);
