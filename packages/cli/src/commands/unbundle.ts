import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type BundleLimits, DEFAULT_BUNDLE_LIMITS, type UnpackedFile, unpackBundle } from '@blaupause/compiler';
import type { Io } from '../io';
import { sha256 } from './bundle';

export interface UnbundleArgs {
  bundle: string;
  dir: string;
  json: boolean;
  limits?: BundleLimits;
}

/**
 * `blaupause unbundle`: reads the bundle within the size caps, decompresses it with a cap on the
 * output (a gzip bomb stops there), lets the compiler's unpackBundle check every entry, and only
 * then writes, into a folder that is new or empty, each file created fresh ('wx': never through an
 * existing file or link). A failure while writing removes what this run wrote.
 */
export function unbundleCommand(args: UnbundleArgs, io: Io): number {
  const limits = args.limits ?? DEFAULT_BUNDLE_LIMITS;
  const fail = (problems: string[]) => {
    if (args.json) io.stdout.write(`${JSON.stringify({ ok: false, problems }, null, 2)}\n`);
    else io.stderr.write(problems.map((p) => `blaupause: ${args.bundle}: ${p}\n`).join(''));
    return 1;
  };
  const read = readBundle(args.bundle, limits);
  if (!read.ok) return fail([read.problem]);
  const unpacked = unpackBundle(read.tar, sha256, limits);
  if (!unpacked.ok) return fail(unpacked.problems);
  const target = prepareDir(args.dir);
  if (!target.ok) return fail([target.problem]);
  const written = writeAll(args.dir, unpacked.files);
  if (!written.ok) {
    if (target.created) rmSync(args.dir, { recursive: true, force: true });
    return fail([written.problem]);
  }
  const entry = join(args.dir, unpacked.entry);
  if (args.json) io.stdout.write(`${JSON.stringify({ ok: true, entry, files: unpacked.files.map((f) => f.path) }, null, 2)}\n`);
  else io.stdout.write(`Unpacked ${unpacked.files.length} files into ${args.dir}.\nBlueprint: ${entry}\n`);
  return 0;
}

function readBundle(file: string, limits: BundleLimits): { ok: true; tar: Uint8Array } | { ok: false; problem: string } {
  let gz: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, problem: 'not a regular file' };
    if (st.size > limits.maxTotalBytes)
      return { ok: false, problem: `${st.size} bytes, more than a bundle may have (${limits.maxTotalBytes})` };
    gz = readFileSync(file);
  } catch (e) {
    return { ok: false, problem: `cannot be read (${(e as { code?: string }).code ?? 'unknown error'})` };
  }
  // The tar adds a 512-byte header per file (and padding) to the files' bytes.
  const maxOutputLength = limits.maxTotalBytes + (limits.maxFiles + 2) * 1024;
  try {
    return { ok: true, tar: gunzipSync(gz, { maxOutputLength }) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      return { ok: false, problem: `it decompresses to more than ${maxOutputLength} bytes (oversize)` };
    return { ok: false, problem: 'not a gzip-compressed bundle' };
  }
}

function prepareDir(dir: string): { ok: true; created: boolean } | { ok: false; problem: string } {
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory()) return { ok: false, problem: `${dir} exists and is not a folder` };
    if (readdirSync(dir).length) return { ok: false, problem: `${dir} is not empty; unpack into a new or empty folder` };
    return { ok: true, created: false };
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      return { ok: true, created: true };
    } catch (e) {
      return { ok: false, problem: `cannot create ${dir} (${(e as { code?: string }).code ?? 'unknown error'})` };
    }
  }
}

function writeAll(dir: string, files: readonly UnpackedFile[]): { ok: true } | { ok: false; problem: string } {
  for (const f of files) {
    const to = join(dir, f.path);
    try {
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, f.bytes, { flag: 'wx', mode: f.role === 'secret' || f.role === 'env' ? 0o600 : 0o644 });
    } catch (e) {
      return { ok: false, problem: `cannot write ${to} (${(e as { code?: string }).code ?? 'unknown error'})` };
    }
  }
  return { ok: true };
}
