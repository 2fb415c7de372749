import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file under a temporary name beside it and renames it when complete, so a reader (or a
 * resumed run) never sees a cut file; a failed write removes the temporary and leaves the old file.
 * @internal
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
