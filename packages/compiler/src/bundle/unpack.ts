import { type BundleLimits, DEFAULT_BUNDLE_LIMITS, type FileRole, MANIFEST_NAME, parseManifest, type Sha256, unsafePath } from './manifest';
import { readTar } from './tar';

export interface UnpackedFile {
  path: string;
  bytes: Uint8Array;
  role: FileRole;
}

export type UnpackResult = { ok: true; entry: string; files: UnpackedFile[] } | { ok: false; problems: string[] };

/**
 * Checks a bundle (the tar, already decompressed within the size cap) before anything is written:
 * every name is a plain relative path (no "..", no absolute path, no backslash), no entry is a
 * link or device, no name is given twice (nor twice up to letter case), no file sits where another
 * entry needs a folder, the manifest lists exactly the files present, each with its size and
 * SHA-256, and the sizes stay under the limits. Either all files come back, or only problems.
 */
export function unpackBundle(tar: Uint8Array, sha256: Sha256, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): UnpackResult {
  const read = readTar(tar, { maxEntries: limits.maxFiles + 1, maxFileBytes: limits.maxFileBytes });
  if (!read.ok) return { ok: false, problems: [read.message] };
  const problems: string[] = [];
  const files = new Map<string, Uint8Array>();
  const folded = new Set<string>();
  let total = 0;
  for (const e of read.entries) {
    const path = e.type === 'dir' ? e.path.replace(/\/$/, '') : e.path;
    const why = unsafePath(path);
    if (why) {
      problems.push(`"${e.path}" is refused: ${why}`);
      continue;
    }
    if (e.type === 'dir') continue;
    if (folded.has(path.toLowerCase())) {
      problems.push(`"${path}" appears twice (or twice up to letter case)`);
      continue;
    }
    folded.add(path.toLowerCase());
    total += e.bytes.length;
    files.set(path, e.bytes);
  }
  if (total > limits.maxTotalBytes) problems.push(`the bundle's files add up to ${total} bytes, more than ${limits.maxTotalBytes}`);
  for (const p of files.keys()) {
    const segs = p.split('/');
    for (let i = 1; i < segs.length; i++) {
      const dir = segs.slice(0, i).join('/');
      if (files.has(dir)) problems.push(`"${dir}" is a file and also the folder of "${p}"`);
    }
  }
  if (problems.length) return { ok: false, problems };

  const manifestBytes = files.get(MANIFEST_NAME);
  if (!manifestBytes) return { ok: false, problems: [`no ${MANIFEST_NAME}: this is not a Blaupause bundle`] };
  const parsed = parseManifest(manifestBytes);
  if (!parsed.ok) return { ok: false, problems: [parsed.message] };
  const { manifest } = parsed;
  const out: UnpackedFile[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    const why = unsafePath(f.path);
    if (why) {
      problems.push(`manifest names "${f.path}": ${why}`);
      continue;
    }
    listed.add(f.path);
    const bytes = files.get(f.path);
    if (!bytes) problems.push(`${f.path}: listed in the manifest but missing from the bundle`);
    else if (bytes.length !== f.size) problems.push(`${f.path}: ${bytes.length} bytes, the manifest says ${f.size}`);
    else if (sha256(bytes) !== f.sha256)
      problems.push(`${f.path}: checksum mismatch (SHA-256 differs from the manifest; the bundle was altered or damaged)`);
    else out.push({ path: f.path, bytes, role: f.role });
  }
  for (const p of files.keys()) if (p !== MANIFEST_NAME && !listed.has(p)) problems.push(`${p}: in the bundle but not in its manifest`);
  if (!listed.has(manifest.entry)) problems.push(`the manifest's entry "${manifest.entry}" is not one of its files`);
  return problems.length ? { ok: false, problems } : { ok: true, entry: manifest.entry, files: out };
}
