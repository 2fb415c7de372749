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
});
