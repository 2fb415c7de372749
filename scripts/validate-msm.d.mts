// Types of scripts/validate-msm.mjs, for test/scripts/validate-msm.test.ts.
/** A simulated-moments result as the script reads it (SimulatedMomentsResult, loosely). */
interface ResultLike {
  readonly name?: string;
  readonly points: readonly { readonly value: number; readonly objective: number; readonly moments: readonly number[] }[];
  readonly minObjective: number;
  readonly degreesOfFreedom: number;
  readonly rejected: boolean;
  readonly identified: boolean;
  readonly flat: boolean;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly estimate?: number | null;
  readonly set: readonly number[];
}
export declare function describeSet(r: ResultLike): string;
export declare function msmRegion(
  msm: { results: readonly ResultLike[]; target: { values: ArrayLike<number>; n: ArrayLike<number> }; stopped: readonly { era: string }[]; runs: number },
  defaults: Record<string, unknown>, seconds: number): string;
