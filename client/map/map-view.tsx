/**
 * The one component that owns the maplibregl.Map. Everything else talks to it through props
 * (style, data, filter, selection, camera target) and callbacks (camera moved, feature or place
 * clicked). Style data comes from basemap-style.ts and project-layers.ts.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type StyleSpecification,
  type LngLatBoundsLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { addOverlayLayers, applyHighlight, applyLook, NEAR_SOURCE, overlayLayers, partnerFilter, stackLayers, type MapLook } from './overlays.ts';
import { COVERAGE_FILL } from '../coverage/choropleth.ts';
import { HIGHLIGHT_LAYERS, INTERACTIVE_PROJECT_LAYERS, PROJECT_SOURCE, projectLayers, withUserFilter } from './project-layers.ts';
import { symbolImages } from './symbols.ts';
import { MAX_ZOOM, MIN_ZOOM } from './frame.ts';
import { pick } from './pick.ts';
import type { Lang } from '../i18n/messages.ts';

setWorkerUrl(workerUrl);

export type Camera = { center: [number, number]; zoom: number };
export type MapHandle = { map: () => MapLibreMap | null };
export type FlyTarget = { key: number; bbox?: [number, number, number, number]; center?: [number, number]; zoom?: number };

type Props = {
  basemap: StyleSpecification;
  lang: Lang;
  theme: 'light' | 'contrast';
  projects: FeatureCollection | null;
  filter: ExpressionSpecification | null;
  selectedId: string | null;
  hoverId: string | null;
  camera: Camera;
  flyTarget: FlyTarget | null;
  nearCircle: FeatureCollection | null;
  /** Province ids to outline as the chosen clauses' partners. */
  partners: string[];
  maxBounds: LngLatBoundsLike;
  /** 'select' picks the feature under a click; 'place' always reports the clicked place. */
  clickMode: 'select' | 'place';
  /** Commands for exports: the live map, to be drawn again off screen (client/export). */
  ref?: Ref<MapHandle>;
  onCameraChange: (camera: Camera) => void;
  onSelect: (id: string | null) => void;
  /** Several projects under one click: their ids and the pixel clicked. */
  onChoose: (ids: string[], at: [number, number]) => void;
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

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function MapView({ ref, ...props }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // Callbacks and current values read inside map events without re-binding them.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  // Create the map once.
  useEffect(() => {
    const p = latest.current;
    const map = new MapLibreMap({
      container: container.current!,
      style: p.basemap,
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
    map.on('style.load', addImages);
    map.on('styleimagemissing', addImages);
    map.on('load', () => {
      const q = latest.current;
      if (map.getSource(PROJECT_SOURCE)) return; // a style switch already carried the overlays over
      map.addSource(PROJECT_SOURCE, { type: 'geojson', data: q.projects ?? EMPTY, promoteId: 'id' });
      map.addSource(NEAR_SOURCE, { type: 'geojson', data: q.nearCircle ?? EMPTY });
      addOverlayLayers(map, q.lang, q.theme, q.filter, q.partners);
      applyHighlight(map, q.selectedId, q.hoverId);
      if (q.look) applyLook(map, q.look, q.lang, q.theme);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onCameraChange({ center: [round(c.lng, 4), round(c.lat, 4)], zoom: round(map.getZoom(), 2) });
    });
    map.on('click', (e) => {
      if (latest.current.clickMode === 'place') {
        latest.current.onMapClick([round(e.lngLat.lng, 4), round(e.lngLat.lat, 4)]);
        return;
      }
      const pad = 4;
      const layers = INTERACTIVE_PROJECT_LAYERS.filter((l) => map.getLayer(l));
      const hits = map.queryRenderedFeatures(
        [
          [e.point.x - pad, e.point.y - pad],
          [e.point.x + pad, e.point.y + pad],
        ],
        { layers },
      );
      const picked = pick(hits, e.point, (ll) => map.project(ll));
      if (picked.kind === 'many') latest.current.onChoose(picked.ids, [e.point.x, e.point.y]);
      else if (picked.kind === 'one') latest.current.onSelect(picked.id);
      else {
        const province = latest.current.look?.choropleth && map.getLayer(COVERAGE_FILL) ? map.queryRenderedFeatures(e.point, { layers: [COVERAGE_FILL] })[0] : undefined;
        if (province && latest.current.onProvinceClick) latest.current.onProvinceClick(String(province.properties.id));
        else latest.current.onMapClick([round(e.lngLat.lng, 4), round(e.lngLat.lat, 4)]);
      }
    });
    for (const layer of INTERACTIVE_PROJECT_LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    return () => {
      map.remove();
      mapRef.current = null;
      if (window.__atlasMap === map) delete window.__atlasMap;
    };
  }, []);

  // Basemap, language or theme changed: swap the style and carry the overlays over.
  const { basemap, lang, theme } = props;
  // The style the map was last given (the map is created with the first one).
  const appliedStyle = useRef(props.basemap);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || appliedStyle.current === basemap) return;
    appliedStyle.current = basemap;
    map.setStyle(basemap, {
      diff: true,
      transformStyle: (previous, next) => {
        const q = latest.current;
        const overlays = overlayLayers(q.lang, q.theme, q.filter, q.partners);
        return {
          ...next,
          sources: {
            ...next.sources,
            [PROJECT_SOURCE]: previous?.sources[PROJECT_SOURCE] ?? { type: 'geojson', data: q.projects ?? EMPTY, promoteId: 'id' },
            [NEAR_SOURCE]: previous?.sources[NEAR_SOURCE] ?? { type: 'geojson', data: q.nearCircle ?? EMPTY },
          },
          layers: stackLayers(next.layers, overlays),
        };
      },
    });
    map.once('styledata', () => {
      const q = latest.current;
      applyHighlight(map, q.selectedId, q.hoverId);
      if (q.look) applyLook(map, q.look, q.lang, q.theme);
    });
  }, [basemap, lang, theme]);

  // Back/Forward (or any outside change of the camera) moves the map; its own moves come back equal.
  const { camera } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    const far = Math.abs(c.lng - camera.center[0]) > 1e-3 || Math.abs(c.lat - camera.center[1]) > 1e-3 || Math.abs(map.getZoom() - camera.zoom) > 0.02;
    if (far && !map.isMoving()) map.jumpTo({ center: camera.center, zoom: camera.zoom });
  }, [camera]);

  const { projects, nearCircle, filter, selectedId, hoverId, flyTarget, partners } = props;
  useImperativeHandle(ref, () => ({ map: () => mapRef.current }), []);
  const partnerKey = partners.join();
  useEffect(() => {
    whenReady(mapRef.current, (map) => map.getLayer('partners-outline') && map.setFilter('partners-outline', partnerFilter(partnerKey ? partnerKey.split(',') : [])));
  }, [partnerKey]);
  useEffect(() => {
    whenReady(mapRef.current, (map) => (map.getSource(PROJECT_SOURCE) as GeoJSONSource | undefined)?.setData(projects ?? EMPTY));
  }, [projects]);
  useEffect(() => {
    whenReady(mapRef.current, (map) => (map.getSource(NEAR_SOURCE) as GeoJSONSource | undefined)?.setData(nearCircle ?? EMPTY));
  }, [nearCircle]);
  useEffect(() => {
    whenReady(mapRef.current, (map) => {
      for (const layer of projectLayers(lang, theme)) {
        if (HIGHLIGHT_LAYERS.includes(layer.id) || !map.getLayer(layer.id)) continue;
        map.setFilter(layer.id, withUserFilter(layer, filter) ?? null);
      }
    });
  }, [filter, lang, theme]);
  useEffect(() => {
    whenReady(mapRef.current, (map) => applyHighlight(map, selectedId, hoverId));
  }, [selectedId, hoverId]);
  const { look } = props;
  useEffect(() => {
    whenReady(mapRef.current, (map) => look && applyLook(map, look, latest.current.lang, latest.current.theme));
  }, [look]);
  // A newly selected project stays in view when the detail panel narrows the map. The selection a
  // link opens with keeps the link's camera.
  const shownSelection = useRef(selectedId);
  useEffect(() => {
    const map = mapRef.current;
    if (selectedId === shownSelection.current) return;
    shownSelection.current = selectedId;
    const feature = projects?.features.find((f) => f.properties?.id === selectedId);
    if (!map || !feature) return;
    const timer = setTimeout(() => {
      const [minX, minY, maxX, maxY] = bbox(feature);
      const view = map.getBounds();
      const inView = view.contains([minX, minY]) || view.contains([maxX, maxY]) || view.contains([(minX + maxX) / 2, (minY + maxY) / 2]);
      if (!inView) map.easeTo({ center: [(minX + maxX) / 2, (minY + maxY) / 2], duration: 600 });
    }, 50);
    return () => clearTimeout(timer);
  }, [selectedId, projects]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !flyTarget) return;
    if (flyTarget.bbox) {
      const [a, b, c, d] = flyTarget.bbox;
      map.fitBounds([a, b, c, d], { padding: 80, maxZoom: 10, duration: 800 });
    } else if (flyTarget.center) {
      map.flyTo({ center: flyTarget.center, zoom: flyTarget.zoom ?? Math.max(map.getZoom(), 9), duration: 800 });
    }
  }, [flyTarget]);

  return <div ref={container} className="map" role="region" aria-label="map / 地图" data-testid="map" />;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs fn once the project overlays exist: now, or after the style that brings them has loaded. */
function whenReady(map: MapLibreMap | null, fn: (map: MapLibreMap) => void) {
  if (!map) return;
  const attempt = () => {
    if (map.getSource(PROJECT_SOURCE)) fn(map);
    else map.once('styledata', attempt);
  };
  attempt();
}
