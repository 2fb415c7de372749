// Types of scripts/docs-numbers.mjs, for test/scripts/docs-numbers.test.ts.
export declare const ROOT: string;
export declare const DOCS: readonly string[];
export declare function percent(share: number): string;
export declare function seed42Region(golden: unknown): string;
export declare function erasRegion(rows: readonly Record<string, string>[]): string;
export declare function fileRegions(root?: string): Map<string, string>;
export declare function cliRunSample(root?: string): string;
export declare function findRegions(text: string): Map<string, string>;
export declare function applyRegions(text: string, regions: ReadonlyMap<string, string>): string;
export declare const CLI_SAMPLE_ARGS: readonly string[];
export declare function formatCliSample(stdout: string, stderr: string): string;
