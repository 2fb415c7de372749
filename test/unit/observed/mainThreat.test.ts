import { describe, expect, it } from 'vitest';
import { cowRegion, isProximate, mainThreat, type ThreatCandidate } from '../../../src/observed/mainThreat.js';

const USA: ThreatCandidate = { ccode: 2, stateabb: 'USA', cinc: 0.3 };
const UKG: ThreatCandidate = { ccode: 200, stateabb: 'UKG', cinc: 0.1 };
const FRN: ThreatCandidate = { ccode: 220, stateabb: 'FRN', cinc: 0.1 };
const RUS: ThreatCandidate = { ccode: 365, stateabb: 'RUS', cinc: 0.05 };
const CHN: ThreatCandidate = { ccode: 710, stateabb: 'CHN', cinc: 0.2 };
const none = (): boolean => false;

describe('cowRegion and isProximate', () => {
  it('reads the region from the COW code ranges', () => {
    expect([2, 165, 200, 399, 402, 626, 630, 698, 700, 990].map(cowRegion)).toEqual([
      'americas', 'americas', 'europe', 'europe', 'africa', 'africa', 'middle-east', 'middle-east', 'asia', 'asia',
    ]);
  });

  it('same or adjacent region is proximate; Russia counts in Europe and Asia; the Americas touch no other region', () => {
    expect(isProximate(290, 365)).toBe(true); // Poland – Russia (Europe)
    expect(isProximate(740, 365)).toBe(true); // Japan – Russia (Asia)
    expect(isProximate(640, 365)).toBe(true); // Türkiye (Middle East) – Russia (Europe, adjacent)
    expect(isProximate(640, 710)).toBe(true); // Middle East – Asia
    expect(isProximate(290, 710)).toBe(false); // Europe – Asia (China)
    expect(isProximate(2, 200)).toBe(false); // the Americas – Europe
    expect(isProximate(70, 2)).toBe(true); // Mexico – the US
    expect(isProximate(475, 200)).toBe(true); // Nigeria (Africa) – Europe
  });
});

describe('mainThreat', () => {
  it('takes the most capable proximate major, even when a distant one is far more capable', () => {
    expect(mainThreat(290, [USA, UKG, RUS, CHN], none)?.stateabb).toBe('UKG');
    expect(mainThreat(290, [USA, RUS, CHN], none)?.stateabb).toBe('RUS');
  });

  it('never a defence partner nor the state itself', () => {
    expect(mainThreat(290, [USA, UKG, RUS], (c) => c === 200)?.stateabb).toBe('RUS');
    expect(mainThreat(200, [USA, UKG, FRN], (c) => c === 2)?.stateabb).toBe('FRN');
  });

  it('with no proximate candidate, the most capable anywhere; ties go to the lower COW code', () => {
    expect(mainThreat(2, [USA, UKG, RUS, CHN], none)?.stateabb).toBe('CHN');
    expect(mainThreat(290, [FRN, UKG], none)?.stateabb).toBe('UKG');
    expect(mainThreat(290, [USA, CHN], (c) => c === 710)?.stateabb).toBe('USA');
  });

  it('is undefined when the state is a defence partner of every other major', () => {
    expect(mainThreat(200, [USA, UKG, FRN], () => true)).toBeUndefined();
    expect(mainThreat(200, [UKG], none)).toBeUndefined();
  });
});
