// The page's globals that browser tests read inside page.evaluate (window.__atlasMap), as the
// client declares them in client/map/map-view.tsx.
import type {} from '../../client/map/map-view.tsx';
