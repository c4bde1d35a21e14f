import { resolveFileRef } from '@blaupause/model';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleLimits,
  type BundleManifest,
  DEFAULT_BUNDLE_LIMITS,
  type FileRole,
  MANIFEST_NAME,
  type ManifestFile,
  type Sha256,
} from './manifest';
import type { FileReference } from './refs';
import { type TarFile, writeTar } from './tar';
import { utf8 } from './utf8';

/** The file system as packing needs it, injected (the CLI passes node:fs). Paths are absolute. */
export interface PackFs {
  /** lstat: what is there, without following a final symbolic link. */
  kind(path: string): 'file' | 'dir' | 'symlink' | 'other' | undefined;
  readFile(path: string): Uint8Array;
  readDir(path: string): string[];
  realpath(path: string): string | undefined;
  sha256: Sha256;
}

export interface PackInput {
  /** The blueprint's (or Compose file's) folder, absolute. */
  baseDir: string;
  /** The entry file's name inside baseDir. */
  entry: string;
  refs: readonly FileReference[];
  limits?: BundleLimits;
}

export type PackResult =
  | { ok: true; tar: Uint8Array; manifest: BundleManifest; notes: string[] }
  | { ok: false; problems: string[]; notes: string[] };

/** Folders never packed from a build context or bind source. */
const SKIPPED_DIRS = new Set(['.git']);

export function packBundle(input: PackInput, fs: PackFs): PackResult {
  const limits = input.limits ?? DEFAULT_BUNDLE_LIMITS;
  const problems: string[] = [];
  const notes: string[] = [];
  const files = new Map<string, { bytes: Uint8Array; role: FileRole }>();
  let total = 0;
  const base = input.baseDir.replace(/\/+$/, '') || '/';

  const add = (rel: string, abs: string, role: FileRole, at: string) => {
    if (files.has(rel)) return;
    if (rel === MANIFEST_NAME) return problems.push(`${at}: "${rel}" is the name of the bundle's own manifest`);
    if (files.size >= limits.maxFiles) return problems.push(`more than ${limits.maxFiles} files to pack (at ${rel})`);
    const bytes = fs.readFile(abs);
    if (bytes.length > limits.maxFileBytes)
      return problems.push(`${rel}: ${bytes.length} bytes, more than ${limits.maxFileBytes} for one file`);
    total += bytes.length;
    if (total > limits.maxTotalBytes) return problems.push(`the bundle would exceed ${limits.maxTotalBytes} bytes (at ${rel})`);
    files.set(rel, { bytes, role });
  };

  const walk = (rel: string, role: FileRole, at: string, top: boolean): void => {
    const abs = `${base}/${rel}`;
    let kind = fs.kind(abs);
    if (kind === 'symlink') {
      // A named file may be a link that stays inside (resolveFileRef checked it): its content is packed.
      // Links met inside a folder are not followed (they could lead out or loop).
      if (!top) return void problems.push(`${at}: ${rel} is a symbolic link inside a packed folder; bundles hold no links`);
      const real = fs.realpath(abs);
      kind = real === undefined ? undefined : fs.kind(real);
      if (kind === 'dir') return void problems.push(`${at}: ${rel} is a symbolic link to a folder; name the folder itself`);
    }
    if (kind === 'file') return void add(rel, abs, role, at);
    if (kind === 'dir') {
      for (const name of [...fs.readDir(abs)].sort()) if (!SKIPPED_DIRS.has(name)) walk(`${rel}/${name}`, role, at, false);
      return;
    }
    problems.push(`${at}: ${rel} is not a regular file or folder`);
  };

  add(input.entry, `${base}/${input.entry}`, 'entry', 'the blueprint');
  for (const r of input.refs) {
    const resolved = resolveFileRef(r.ref, { baseDir: base, realpath: fs.realpath });
    if (!resolved.ok) {
      problems.push(`${r.at}: "${r.ref}" cannot be packed: ${resolved.why}`);
      continue;
    }
    const rel = resolved.path === base ? '' : resolved.path.slice(base.length + 1);
    if (rel === '') {
      problems.push(`${r.at}: "${r.ref}" is the blueprint's whole folder; name a file or a sub-folder`);
      continue;
    }
    if (fs.kind(resolved.path) === undefined) {
      if (r.required) problems.push(`${r.at}: "${r.ref}" does not exist`);
      else notes.push(`${r.at}: "${r.ref}" does not exist; not packed`);
      continue;
    }
    walk(rel, r.role, r.at, true);
  }
  if (problems.length) return { ok: false, problems, notes };

  const listed: ManifestFile[] = [...files].map(([path, f]) => ({ path, size: f.bytes.length, sha256: fs.sha256(f.bytes), role: f.role }));
  const secrets = listed.filter((f) => f.role === 'secret').map((f) => f.path);
  if (secrets.length) notes.push(`the bundle holds secret files (${secrets.join(', ')}): keep it as safe as the secrets`);
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, entry: input.entry, files: listed };
  const tarFiles: TarFile[] = [
    { path: MANIFEST_NAME, bytes: utf8(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...[...files].map(([path, f]) => ({ path, bytes: f.bytes })),
  ];
  return { ok: true, tar: writeTar(tarFiles), manifest, notes };
}
