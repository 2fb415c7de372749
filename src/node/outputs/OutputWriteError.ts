/** Plain words for the file-system errors a write of outputs may meet. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'a folder is in the way of a file',
  EEXIST: 'a file is in the way of a folder',
};

/**
 * Writing the outputs of a run or a sweep failed (a full disk, no permission…): what was asked to
 * be kept is not lost (a run leaves the earlier folder as it was; a sweep keeps its checkpoint, so
 * `--resume` continues it). The CLI shows it as one line, exit code 1.
 */
export class OutputWriteError extends Error {
  /** The file-system error code (ENOSPC, EACCES, …). */
  readonly code: string;
  /** The folder (or file) being written. */
  readonly path: string;

  constructor(path: string, code: string, reason: string, advice: string, options?: { cause?: unknown }) {
    super(`${path}: could not write the outputs: ${reason} (${code}); ${advice}`, options);
    this.name = 'OutputWriteError';
    this.code = code;
    this.path = path;
  }
}

/** Whether an error is a file-system error of Node (it has an `E…` code and a system call). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const e = error as { code?: unknown; syscall?: unknown } | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string';
}

/**
 * An {@link OutputWriteError} for a file-system error met while writing into `path`, or the error
 * itself when it is something else.
 */
export function asOutputWriteError(error: unknown, path: string, advice: string): unknown {
  if (!isSystemError(error)) return error;
  return new OutputWriteError(path, error.code, REASONS[error.code] ?? error.message, advice, { cause: error });
}
