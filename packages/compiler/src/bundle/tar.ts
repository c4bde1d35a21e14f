import { fromUtf8, utf8 } from './utf8';

/**
 * A minimal POSIX ustar writer and a strict reader, on byte arrays (pure, no fs, no zlib).
 * The writer is deterministic (mtime 0, uid/gid 0, mode 0644): the same files give the same bytes.
 * The reader accepts regular files and folders only; every other entry type (symbolic and hard
 * links, devices, FIFOs, pax/GNU extension headers) is refused, by name.
 */
export interface TarFile {
  path: string;
  bytes: Uint8Array;
}

export type TarEntry = { type: 'file'; path: string; bytes: Uint8Array } | { type: 'dir'; path: string };

export type TarRead = { ok: true; entries: TarEntry[] } | { ok: false; message: string };

const BLOCK = 512;

export function writeTar(files: readonly TarFile[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    parts.push(header(f.path, f.bytes.length));
    parts.push(f.bytes);
    const pad = (BLOCK - (f.bytes.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function header(path: string, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const { name, prefix } = splitName(path);
  put(h, 0, 100, utf8(name));
  putOctal(h, 100, 8, 0o644);
  putOctal(h, 108, 8, 0);
  putOctal(h, 116, 8, 0);
  putOctal(h, 124, 12, size);
  putOctal(h, 136, 12, 0);
  h.fill(0x20, 148, 156); // checksum field counts as blanks
  h[156] = 0x30; // '0': regular file
  put(h, 257, 6, utf8('ustar\0'));
  put(h, 263, 2, utf8('00'));
  put(h, 345, 155, utf8(prefix));
  const sum = h.reduce((n, b) => n + b, 0);
  put(h, 148, 8, utf8(`${sum.toString(8).padStart(6, '0')}\0 `));
  return h;
}

/** ustar keeps 100 bytes of name and 155 of prefix, split at a "/". */
function splitName(path: string): { name: string; prefix: string } {
  const bytes = utf8(path);
  if (bytes.length <= 100) return { name: path, prefix: '' };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (utf8(prefix).length <= 155 && utf8(name).length <= 100) return { name, prefix };
  }
  throw new Error(`path too long for a bundle: ${path}`);
}

function put(h: Uint8Array, at: number, len: number, bytes: Uint8Array): void {
  h.set(bytes.subarray(0, len), at);
}

function putOctal(h: Uint8Array, at: number, len: number, n: number): void {
  put(h, at, len, utf8(`${n.toString(8).padStart(len - 1, '0')}\0`));
}

export interface TarLimits {
  /** Most entries read. */
  maxEntries: number;
  /** Most bytes in one file. */
  maxFileBytes: number;
}

export function readTar(tar: Uint8Array, limits: TarLimits): TarRead {
  const entries: TarEntry[] = [];
  let at = 0;
  const fail = (message: string): TarRead => ({ ok: false, message });
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return { ok: true, entries };
    if (entries.length >= limits.maxEntries) return fail(`the bundle holds more than ${limits.maxEntries} entries`);
    const sum = h.reduce((n, b, i) => n + (i >= 148 && i < 156 ? 0x20 : b), 0);
    if (octal(h, 148, 8) !== sum) return fail(`entry ${entries.length + 1}: the header checksum is wrong (a damaged or non-tar file)`);
    let path: string;
    try {
      const name = text(h, 0, 100);
      const prefix = text(h, 345, 155);
      path = prefix ? `${prefix}/${name}` : name;
    } catch {
      return fail(`entry ${entries.length + 1}: its name is not UTF-8`);
    }
    const size = octal(h, 124, 12);
    if (size === undefined) return fail(`${path}: the size field is not a number`);
    const type = String.fromCharCode(h[156] ?? 0);
    at += BLOCK;
    if (type === '5') {
      entries.push({ type: 'dir', path });
      continue;
    }
    if (type !== '0' && type !== '\0') return fail(`${path}: ${KIND[type] ?? `entry type "${type}"`} entries are not accepted`);
    if (size > limits.maxFileBytes) return fail(`${path}: ${size} bytes, more than the ${limits.maxFileBytes} allowed for one file`);
    if (at + size > tar.length) return fail(`${path}: the bundle ends inside this file (truncated)`);
    entries.push({ type: 'file', path, bytes: tar.slice(at, at + size) });
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return fail('the bundle ends without its end marker (truncated)');
}

const KIND: Record<string, string> = {
  '1': 'hard link',
  '2': 'symbolic link',
  '3': 'character device',
  '4': 'block device',
  '6': 'FIFO',
  x: 'pax extended header',
  g: 'pax global header',
  L: 'GNU long name',
  K: 'GNU long link',
};

function text(h: Uint8Array, at: number, len: number): string {
  const field = h.subarray(at, at + len);
  const end = field.indexOf(0);
  return fromUtf8(end < 0 ? field : field.subarray(0, end));
}

function octal(h: Uint8Array, at: number, len: number): number | undefined {
  const s = String.fromCharCode(...h.subarray(at, at + len))
    .replace(/\0.*$/s, '')
    .trim();
  return /^[0-7]{1,12}$/.test(s) ? Number.parseInt(s, 8) : undefined;
}
