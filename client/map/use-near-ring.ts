/**
 * The nearby query's ring (near-ring.ts), or null without one. turf's circle is in a chunk of its
 * own, fetched with the first nearby query: the first load carries none of turf.
 */
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';

export function useNearRing(near: [number, number] | null | undefined, radiusKm: number): FeatureCollection | null {
  const key = near ? `${near[0]},${near[1]},${radiusKm}` : null;
  const [ring, setRing] = useState<{ key: string; data: FeatureCollection } | null>(null);
  useEffect(() => {
    if (!key) return;
    const [lon = 0, lat = 0, km = 0] = key.split(',').map(Number);
    let current = true;
    void import('./near-ring.ts').then(({ nearRing }) => {
      if (current) setRing({ key, data: nearRing([lon, lat], km) });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return key && ring?.key === key ? ring.data : null;
}
