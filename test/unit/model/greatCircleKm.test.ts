import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../../src/index.js';

describe('greatCircleKm', () => {
  it('matches known distances between capitals (haversine, mean Earth radius)', () => {
    const london = { lat: 51.5074, lon: -0.1278 };
    const paris = { lat: 48.8566, lon: 2.3522 };
    const moscow = { lat: 55.7558, lon: 37.6173 };
    expect(greatCircleKm(london, paris)).toBeCloseTo(343.6, 0);
    expect(greatCircleKm(london, moscow)).toBeCloseTo(2500, -1);
    expect(greatCircleKm(paris, paris)).toBe(0);
    expect(greatCircleKm(london, paris)).toBe(greatCircleKm(paris, london));
    // antipodes: half the circumference
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  it('gives the same bits on every engine: the trigonometry is fdlibm\'s (model §5.1), pinned here', () => {
    const bits = (v: number): string => {
      const d = new DataView(new ArrayBuffer(8));
      d.setFloat64(0, v);
      return d.getBigUint64(0).toString(16).padStart(16, '0');
    };
    const london = { lat: 51.5074, lon: -0.1278 };
    const paris = { lat: 48.8566, lon: 2.3522 };
    const moscow = { lat: 55.7558, lon: 37.6173 };
    const wellington = { lat: -41.2866, lon: 174.7756 };
    const madrid = { lat: 40.4168, lon: -3.7038 };
    // The values Node 20 computed with Math.sin/cos/asin (fdlibm) before the change: the bundled goldens rest on them.
    expect(bits(greatCircleKm(london, paris))).toBe('407578e7911e87a1'); // 343.55653488088325 km
    expect(bits(greatCircleKm(london, moscow))).toBe('40a38914360e21d7'); // 2500.5394749084767 km
    expect(bits(greatCircleKm(wellington, madrid))).toBe('40d363b154d2ccaf'); // 19854.770802211653 km
  });
});
