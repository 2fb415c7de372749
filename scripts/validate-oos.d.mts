// Types of scripts/validate-oos.mjs, for test/scripts/validate-oos.test.ts.
import type { OosRow } from '../src/calibration/crossValidate.js';
export declare function tableRegion(rows: readonly OosRow[]): string;
export declare function fittedRegion(report: unknown, lib: unknown): string;
export declare function timingRegion(report: unknown): string;
export declare function figure(rows: readonly OosRow[]): string;
export declare function countsRegion(
  report: {
    readonly eras: readonly { readonly era: string }[];
    readonly counts: readonly { readonly era: string; readonly rows: number; readonly observed: readonly number[]; readonly defaults: readonly number[]; readonly fitted: readonly number[] }[];
  },
  categories: readonly string[],
): string;
