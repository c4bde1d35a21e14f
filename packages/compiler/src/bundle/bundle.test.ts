import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, MANIFEST_NAME, type ManifestFile } from './manifest';
import { readTar, writeTar } from './tar';
import { unpackBundle } from './unpack';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);

/** A bundle as an attacker may build one: any names, any manifest. */
function bundle(files: { path: string; text: string }[], manifestFiles?: ManifestFile[], entry = 'app.blueprint.yaml'): Uint8Array {
  const listed =
    manifestFiles ?? files.map((f) => ({ path: f.path, size: bytes(f.text).length, sha256: sha(bytes(f.text)), role: 'config' as const }));
  const manifest = { format: BUNDLE_FORMAT, version: 1, entry, files: listed };
  return writeTar([
    { path: MANIFEST_NAME, bytes: bytes(JSON.stringify(manifest)) },
    ...files.map((f) => ({ path: f.path, bytes: bytes(f.text) })),
  ]);
}

/** Rewrites the type flag of entry `index` (0-based header) and fixes the header checksum. */
function setType(tar: Uint8Array, headerOffset: number, type: string): Uint8Array {
  const t = tar.slice();
  t[headerOffset + 156] = type.charCodeAt(0);
  t.fill(0x20, headerOffset + 148, headerOffset + 156);
  const sum = t.subarray(headerOffset, headerOffset + 512).reduce((n, b) => n + b, 0);
  t.set(bytes(`${sum.toString(8).padStart(6, '0')}\0 `), headerOffset + 148);
  return t;
}

const app = { path: 'app.blueprint.yaml', text: 'apiVersion: blaupause.dev/v1\n' };
const problems = (r: ReturnType<typeof unpackBundle>) => (r.ok ? [] : r.problems).join('\n');

describe('tar', () => {
  it('round-trips files, long names included, and is deterministic', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}.txt`;
    const files = [
      { path: 'a.txt', bytes: bytes('hello') },
      { path: long, bytes: new Uint8Array(1300).fill(7) },
    ];
    const tar = writeTar(files);
    expect(writeTar(files)).toEqual(tar);
    const read = readTar(tar, { maxEntries: 10, maxFileBytes: 1 << 20 });
    expect(read.ok && read.entries).toEqual(files.map((f) => ({ type: 'file', ...f })));
  });

  it('refuses a truncated or damaged tar', () => {
    const tar = writeTar([{ path: 'a.txt', bytes: new Uint8Array(2000) }]);
    expect(readTar(tar.subarray(0, 1024), { maxEntries: 10, maxFileBytes: 1 << 20 })).toMatchObject({ ok: false, message: /truncated/ });
    const bad = tar.slice();
    bad[0] = 0x41;
    expect(readTar(bad, { maxEntries: 10, maxFileBytes: 1 << 20 })).toMatchObject({ ok: false, message: /checksum/ });
  });
});

describe('unpackBundle', () => {
  it('accepts a well-formed bundle', () => {
    const r = unpackBundle(bundle([app, { path: 'conf/nginx.conf', text: 'x' }]), sha);
    expect(r.ok && r.files.map((f) => f.path)).toEqual(['app.blueprint.yaml', 'conf/nginx.conf']);
  });

  it.each([
    ['../evil.txt', /"\.\." segment/],
    ['conf/../../evil.txt', /"\.\." segment/],
    ['/etc/passwd', /absolute path/],
    ['C:/x.txt', /absolute path/],
    ['a\\..\\x', /backslash/],
  ])('refuses the path %s', (path, why) => {
    const r = unpackBundle(bundle([app, { path, text: 'x' }]), sha);
    expect(r.ok).toBe(false);
    expect(problems(r)).toMatch(why);
    expect(problems(r)).toContain(path);
  });

  it('refuses symbolic and hard link entries and devices', () => {
    const tar = bundle([app, { path: 'link', text: '' }]);
    // Find the header of "link": scan for the name at a block start.
    let at = 0;
    while (String.fromCharCode(...tar.subarray(at, at + 4)) !== 'link') at += 512;
    for (const [type, word] of [
      ['2', 'symbolic link'],
      ['1', 'hard link'],
      ['3', 'character device'],
      ['x', 'pax extended header'],
    ]) {
      const r = unpackBundle(setType(tar, at, type as string), sha);
      expect(problems(r)).toBe(`link: ${word} entries are not accepted`);
    }
  });

  it('refuses a checksum mismatch, naming the file', () => {
    const listed = [app, { path: 'conf/a.conf', text: 'original' }].map((f) => ({
      path: f.path,
      size: bytes(f.text).length,
      sha256: sha(bytes(f.text)),
      role: 'config' as const,
    }));
    const r = unpackBundle(bundle([app, { path: 'conf/a.conf', text: 'tampered' }], listed), sha);
    expect(problems(r)).toBe('conf/a.conf: checksum mismatch (SHA-256 differs from the manifest; the bundle was altered or damaged)');
  });

  it('refuses files missing from, or not listed in, the manifest', () => {
    const listed = [app].map((f) => ({ path: f.path, size: bytes(f.text).length, sha256: sha(bytes(f.text)), role: 'entry' as const }));
    expect(problems(unpackBundle(bundle([app, { path: 'extra', text: 'x' }], listed), sha))).toBe(
      'extra: in the bundle but not in its manifest',
    );
    const more = [...listed, { path: 'gone', size: 1, sha256: sha(bytes('x')), role: 'config' as const }];
    expect(problems(unpackBundle(bundle([app], more), sha))).toBe('gone: listed in the manifest but missing from the bundle');
  });

  it('refuses oversize files, totals and entry counts', () => {
    const big = { path: 'big.bin', text: 'x'.repeat(5000) };
    const limits = { maxFiles: 10, maxFileBytes: 4096, maxTotalBytes: 1 << 20 };
    expect(problems(unpackBundle(bundle([app, big]), sha, limits))).toMatch(/big\.bin: 5000 bytes, more than the 4096 allowed/);
    expect(problems(unpackBundle(bundle([app, big]), sha, { ...limits, maxFileBytes: 1 << 20, maxTotalBytes: 4000 }))).toMatch(
      /add up to \d+ bytes, more than 4000/,
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}`, text: '' }));
    expect(problems(unpackBundle(bundle([app, ...many]), sha, limits))).toMatch(/more than 11 entries/);
  });

  it('refuses duplicates (also by letter case), a file used as a folder, no manifest, a newer format', () => {
    expect(problems(unpackBundle(bundle([app, { path: 'A.txt', text: '' }, { path: 'a.txt', text: '' }]), sha))).toMatch(/appears twice/);
    expect(problems(unpackBundle(bundle([app, { path: 'x', text: '' }, { path: 'x/y', text: '' }]), sha))).toMatch(
      /"x" is a file and also the folder of "x\/y"/,
    );
    expect(problems(unpackBundle(writeTar([{ path: 'a', bytes: bytes('') }]), sha))).toMatch(/not a Blaupause bundle/);
    const v2 = writeTar([
      { path: MANIFEST_NAME, bytes: bytes(JSON.stringify({ format: BUNDLE_FORMAT, version: 2, entry: 'a', files: [] })) },
    ]);
    expect(problems(unpackBundle(v2, sha))).toMatch(/version 2 is not supported/);
  });
});
