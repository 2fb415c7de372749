// Types of scripts/observed-counts.mjs, for test/scripts/observed-counts.test.ts.
export declare const ROOT: string;
export declare const DOC: string;
export interface EraSpan { readonly id: string; readonly from: number; readonly to: number }
export declare function readEras(lastYear: number, root?: string): EraSpan[];
export declare function countsRegion(rows: readonly unknown[], eras: readonly EraSpan[]): string;
export declare function thresholdRegion(stats: unknown, threshold: number, rows: readonly unknown[]): string;
export declare function observedRegions(lib: unknown, root?: string): Map<string, string>;
export declare function findRegions(text: string): Map<string, string>;
export declare function applyRegions(text: string, regions: ReadonlyMap<string, string>): string;
