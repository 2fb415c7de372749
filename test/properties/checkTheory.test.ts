/**
 * checkTheory, the user-facing runner: what runs, what is skipped and why, and what a failure
 * report holds. The worked example of docs/testing.md (a policy that violates P2) is here too.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultParameters, strategyProbabilities, type DecisionPolicy, type Option, type OptionRecord,
} from '../../src/index.js';
import { checkTheory, formatTheoryReport, PROPERTY_IDS, THEORY_PROPERTIES } from '../../src/testing/index.js';
import { FC_SEED, TIMEOUT } from './fcSettings.js';

/** docs/testing.md's example: a state that fears escalation and shies away from arms as threat grows. */
export const cautiousArming: DecisionPolicy = {
  name: 'cautious arming',
  probabilities(ctx, params) {
    const { utilities } = strategyProbabilities(ctx, params);
    const v: OptionRecord = { ...utilities, HI: utilities.HI - 6 * ctx.T ** 2, HE: utilities.HE - 6 * ctx.T ** 2 };
    const available = (o: Option): boolean => o === 'NONE' || ctx.available?.[o] !== false;
    const max = Math.max(...(Object.keys(v) as Option[]).filter(available).map((o) => v[o]));
    const out: Partial<OptionRecord> = {};
    for (const o of Object.keys(v) as Option[]) out[o] = available(o) ? Math.exp((v[o] - max) / params.mu) : 0;
    return out;
  },
};

describe('checkTheory', () => {
  it('runs every property for the reference model over 𝒫, and every one holds', () => {
    const report = checkTheory({}, { seed: FC_SEED, numRuns: 100 });
    expect(report.skipped).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.results.map((r) => r.id)).toEqual(PROPERTY_IDS);
    expect(report.fails.map((f) => `${f.id} fails: ${f.message}`)).toEqual([]);
    expect(report.holds).toHaveLength(60);
  }, TIMEOUT);

  it('at the default parameters every property holds; P13, P14 and their strict forms P17, P18 are skipped because their switches are off', () => {
    const report = checkTheory({ parameters: defaultParameters() }, { seed: FC_SEED, numRuns: 100 });
    expect(report.fails.map((f) => `${f.id} fails: ${f.message}`)).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.skipped.map((s) => s.id)).toEqual(['P13', 'P14', 'P17', 'P18']);
    for (const s of report.skipped) expect(s.reason).toMatch(/switch is off/);
    expect(report.holds).toHaveLength(56);
  }, TIMEOUT);

  it('with the switches on at admissible values, P13, P14, P17 and P18 run and hold', () => {
    const report = checkTheory({ parameters: { epsC: 0.5, cP: 0.25 } }, { numRuns: 100, only: ['P13', 'P14', 'P17', 'P18'] });
    expect(report.holds).toEqual(['P13', 'P14', 'P17', 'P18']);
  });

  it('skips, with a reason, what a policy-only model does not supply: F2, F3 (no utilities), M1, M2, M4, M5, E1–E23, P21–P25', () => {
    const report = checkTheory({ policy: cautiousArming }, { numRuns: 20 });
    expect(report.skipped.map((s) => s.id)).toEqual(['F2', 'F3', 'M1', 'M2', 'M4', 'M5', ...Array.from({ length: 23 }, (_, k) => `E${k + 1}`), 'P21', 'P22', 'P23', 'P24', 'P25']);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(20);
  }, TIMEOUT);

  it('finds that the cautious-arming policy violates P2 and reports a shrunk, replayable counterexample', () => {
    const model = { name: 'cautious arming', policy: cautiousArming, parameters: defaultParameters() };
    const report = checkTheory(model, { seed: FC_SEED });
    const p2 = report.fails.find((f) => f.id === 'P2');
    expect(p2, formatTheoryReport(report)).toBeDefined();
    expect(p2?.message).toMatch(/log-odds\(H[IE] : /);
    const cx = p2?.counterexample as { ctx: { T: number }; T: [number, number]; parameters?: unknown };
    expect(cx.parameters).toBeUndefined(); // fixed by the model, so left out
    expect(cx.T[0]).toBeLessThan(cx.T[1]);
    expect(JSON.parse(JSON.stringify(report.fails))).toEqual(report.fails); // plain data
    // Replaying the path reproduces the same counterexample.
    const replay = THEORY_PROPERTIES.find((p) => p.id === 'P2')?.check(model, { seed: p2?.seed, path: p2?.path, numRuns: 1 });
    expect(replay?.status).toBe('fails');
    expect(formatTheoryReport(report)).toContain('FAILS P2');
  }, TIMEOUT);

  it('accepts user utilities and a parameter space, and refuses utilities and a policy together', () => {
    const report = checkTheory({ utilities: (ctx, p) => strategyProbabilities(ctx, p).utilities }, { numRuns: 30, only: ['F2', 'P2', 'P15'] });
    expect(report.holds).toEqual(['F2', 'P2', 'P15']);
    expect(() => checkTheory({ policy: cautiousArming, utilities: (ctx, p) => strategyProbabilities(ctx, p).utilities })).toThrow(TypeError);
  });
});
