import { fdlibmAsin, fdlibmCos, fdlibmSin } from './fdlibmTrig.js';

/** Mean Earth radius in km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two points given in degrees (haversine formula). The
 * trigonometry is fdlibm's ({@link fdlibmSin}), not the engine's `Math.sin`, so that a distance —
 * and the proximity, threats and choices that follow from it — has the same bits in Node and in
 * every browser (docs/model.md §5.1; the engines' own functions differ in the last bit).
 */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const sLat = fdlibmSin(dLat / 2);
  const sLon = fdlibmSin(dLon / 2);
  const h = sLat * sLat + fdlibmCos(a.lat * rad) * fdlibmCos(b.lat * rad) * (sLon * sLon);
  return 2 * EARTH_RADIUS_KM * fdlibmAsin(Math.min(1, Math.sqrt(h)));
}
