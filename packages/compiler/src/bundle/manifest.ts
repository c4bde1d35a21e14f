import { fromUtf8 } from './utf8';

/**
 * The bundle's manifest, `blaupause-bundle.json`, the first entry of every bundle: the format and
 * its version, the entry file (the blueprint or Compose file), and every other file with its size
 * and SHA-256. An unpacker accepts exactly the files listed, each with the listed checksum.
 */
export const MANIFEST_NAME = 'blaupause-bundle.json';
export const BUNDLE_FORMAT = 'blaupause-bundle';
export const BUNDLE_VERSION = 1;

export type FileRole = 'entry' | 'env' | 'config' | 'secret' | 'bind' | 'build-context';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  role: FileRole;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** The blueprint (or Compose) file, relative to the bundle's root. */
  entry: string;
  files: ManifestFile[];
}

export interface BundleLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxFiles: 10_000, maxFileBytes: 64 << 20, maxTotalBytes: 256 << 20 };

/** Injected: node:crypto in the CLI, WebCrypto-backed elsewhere. Lower-case hex. */
export type Sha256 = (bytes: Uint8Array) => string;

/**
 * A relative path as a bundle may hold it: "/"-separated segments, none empty, "." or "..";
 * no absolute path, drive letter, backslash, NUL or control character. Returns why not, or undefined.
 */
export function unsafePath(path: string): string | undefined {
  if (path === '') return 'an empty name';
  if (/[\0-\x1f\x7f]/.test(path)) return 'a control character in the name';
  if (path.includes('\\')) return 'a backslash in the name';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'an absolute path';
  const segs = path.split('/');
  if (segs.includes('..')) return 'a ".." segment (it would climb out of the target folder)';
  if (segs.some((s) => s === '' || s === '.')) return 'an empty or "." segment';
  return undefined;
}

export function parseManifest(bytes: Uint8Array): { ok: true; manifest: BundleManifest } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch {
    return { ok: false, message: `${MANIFEST_NAME} is not JSON` };
  }
  const m = value as Partial<BundleManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== BUNDLE_FORMAT)
    return { ok: false, message: `${MANIFEST_NAME} is not a Blaupause bundle manifest` };
  if (m.version !== BUNDLE_VERSION)
    return {
      ok: false,
      message: `bundle format version ${String(m.version)} is not supported (this Blaupause reads version ${BUNDLE_VERSION})`,
    };
  if (typeof m.entry !== 'string' || !Array.isArray(m.files)) return { ok: false, message: `${MANIFEST_NAME} lacks "entry" or "files"` };
  for (const f of m.files as unknown[]) {
    const e = f as Partial<ManifestFile> | null;
    if (!e || typeof e.path !== 'string' || typeof e.size !== 'number' || typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))
      return { ok: false, message: `${MANIFEST_NAME}: a file entry lacks path, size or a SHA-256` };
  }
  return { ok: true, manifest: m as BundleManifest };
}
