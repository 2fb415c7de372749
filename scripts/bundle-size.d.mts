// Types of scripts/bundle-size.mjs, for test/package/bundleSize.test.ts.
export interface Size { minified: number; gzipped: number }
export declare const CORE_BUDGET: number;
export declare function sizeOf(bytes: Uint8Array): Size;
export declare function measureCore(entry?: string): Promise<{ initial: Size; lazy: Size }>;
export declare function measureEntry(entry?: string): Promise<Size>;
export declare function measureExplorer(): Record<'worker' | 'page' | 'math' | 'scenario', Size>;
export declare function measurePages(pages: readonly [string, string, readonly string[]][]): Record<string, Size>;
