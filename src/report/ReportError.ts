/**
 * Thrown when a report cannot be built from a folder: it is missing, holds no run or sweep, or a
 * file in it is missing or damaged. The message names the file and what is wrong with it.
 */
export class ReportError extends Error {
  /** The file or folder concerned. */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'ReportError';
    this.file = file;
  }
}
