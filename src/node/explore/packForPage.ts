import { gzipSync } from 'node:zlib';

/**
 * Text packed for the explorer page: gzip (level 9) then base64, unpacked in the page with the
 * browser's DecompressionStream. Deterministic (Node's gzip writes no time stamp).
 */
export function packForPage(text: string): string {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
}
