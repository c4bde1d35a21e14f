import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_LIMITS } from '@blaupause/model';
import { fileProblem, type Reported } from './report';

/**
 * Reading and writing the files the user names, and nothing else. Every way a user can get a
 * file wrong (missing, a directory, too large, binary) becomes a diagnostic, never an exception.
 */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxBytes;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Reported };

export function readUserFile(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const fail = (d: Reported): ReadResult => ({ ok: false, diagnostic: d });
  // stat first: it neither blocks on a FIFO nor reads a byte of a huge file.
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(fileProblem(file, 'FILE_UNREADABLE', 'This is a directory, not a file.', 'Name a file.'));
    if (!st.isFile()) return fail(fileProblem(file, 'FILE_UNREADABLE', 'This is not a regular file (a device, FIFO or socket?).'));
    size = st.size;
  } catch (e) {
    return fail(unreadable(file, e));
  }
  if (size > maxBytes) return fail(tooLarge(file, size, maxBytes));
  let bytes: Uint8Array;
  try {
    bytes = readBounded(file, maxBytes);
  } catch (e) {
    return fail(unreadable(file, e));
  }
  if (bytes.length > maxBytes) return fail(tooLarge(file, bytes.length, maxBytes));
  return decode(file, bytes);
}

/** Reads at most maxBytes + 1 bytes: a file that grew after stat is still caught by the cap. */
function readBounded(file: string, maxBytes: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = Math.min(fstatSync(fd).size, maxBytes) + 1;
    const buf = new Uint8Array(size);
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, null);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function decode(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return { ok: false, diagnostic: encoding(file, 'The file is UTF-16 text, not UTF-8.') };
  try {
    // fatal: invalid UTF-8 is refused rather than silently turned into U+FFFD; the BOM is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, diagnostic: encoding(file, 'The file is not UTF-8 text (a binary file?).') };
  }
}

const encoding = (file: string, message: string) =>
  fileProblem(file, 'INVALID_ENCODING', message, 'Name a YAML or JSON file saved as UTF-8.');

const tooLarge = (file: string, size: number, max: number) =>
  fileProblem(
    file,
    'FILE_TOO_LARGE',
    `The file is ${size} bytes; at most ${max} bytes (${+(max / 2 ** 20).toFixed(2)} MiB) are read.`,
    'Split the file.',
  );

function unreadable(file: string, e: unknown): Reported {
  const code = (e as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? 'No such file.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Permission denied.'
        : code === 'EISDIR'
          ? 'This is a directory, not a file.'
          : code === 'ENOTDIR'
            ? 'A part of the path is not a directory.'
            : `The file cannot be read (${code ?? 'unknown error'}).`;
  return fileProblem(file, 'FILE_UNREADABLE', message);
}

/**
 * Writes an output file the user named, given as pieces of text written one after another (the
 * compiler's output is never joined into one string: see OutputFile.content); a failure is a
 * message, not a stack trace.
 */
export function writeUserFile(file: string, pieces: readonly string[]): { ok: true } | { ok: false; message: string } {
  try {
    const fd = openSync(file, 'w');
    try {
      for (const piece of pieces) {
        const bytes = Buffer.from(piece, 'utf8');
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      }
    } finally {
      closeSync(fd);
    }
    return { ok: true };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (code ?? 'unknown error');
    return { ok: false, message: `cannot write ${file}: ${why}` };
  }
}

/** Whether two names lead to the same file (symbolic links followed): writing the output over the input would destroy it. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p); // does not exist yet: compare where it would be
    }
  };
  return real(a) === real(b);
}
