import { describe, expect, it } from 'vitest';
import { resolveFileRef } from '../src/file-refs';

/** A file system of symbolic links: path → target (absolute); everything else exists as itself. */
function fakeFs(links: Record<string, string>, missing: string[] = []) {
  return (p: string): string | undefined => {
    if (missing.some((m) => p === m || p.startsWith(`${m}/`))) return undefined;
    for (const [link, target] of Object.entries(links)) if (p === link || p.startsWith(`${link}/`)) return target + p.slice(link.length);
    return p;
  };
}

const base = '/home/u/shop';

describe('resolveFileRef: files a blueprint names stay inside its folder', () => {
  it('resolves plain relative references inside the folder', () => {
    for (const [ref, path] of [
      ['.env', '/home/u/shop/.env'],
      ['./conf/app.conf', '/home/u/shop/conf/app.conf'],
      ['a/../b', '/home/u/shop/b'],
      ['.', '/home/u/shop'],
    ] as const)
      expect(resolveFileRef(ref, { baseDir: base }), ref).toEqual({ ok: true, path });
  });

  it('refuses escapes by their text: .., absolute, ~, Windows forms', () => {
    const problems = Object.fromEntries(
      ['../secrets.env', 'a/../../x', '..\\..\\etc\\passwd', '/etc/passwd', 'C:\\x', '~/.ssh/id_rsa', '~root/x', '', 'a\0b'].map((r) => {
        const res = resolveFileRef(r, { baseDir: base });
        return [r, res.ok ? 'ok' : res.problem];
      }),
    );
    expect(problems).toEqual({
      '../secrets.env': 'climbs-out',
      'a/../../x': 'climbs-out',
      '..\\..\\etc\\passwd': 'climbs-out',
      '/etc/passwd': 'absolute',
      'C:\\x': 'absolute',
      '~/.ssh/id_rsa': 'home',
      '~root/x': 'home',
      '': 'invalid',
      'a\0b': 'invalid',
    });
  });

  it('refuses remote references: URLs, git and OCI addresses', () => {
    for (const ref of [
      'https://example.com/compose.yaml',
      'http://10.0.0.1/x.yml',
      'git://host/repo.git',
      'ssh://git@host/repo',
      'oci://docker.io/acme/stack:1',
      'git@github.com:acme/stack.git',
    ]) {
      const r = resolveFileRef(ref, { baseDir: base });
      expect(r.ok ? 'ok' : r.problem, ref).toBe('remote');
    }
  });

  it('refuses a symbolic link that leads out, also under a folder link for a file not created yet', () => {
    const realpath = fakeFs({ '/home/u/shop/etc': '/etc', '/home/u/shop/up': '/home/u' }, ['/home/u/shop/etc/new']);
    const r = (ref: string) => {
      const x = resolveFileRef(ref, { baseDir: base, realpath });
      return x.ok ? 'ok' : x.problem;
    };
    expect(r('etc/passwd')).toBe('symlink-out');
    expect(r('etc/new/file')).toBe('symlink-out');
    expect(r('up')).toBe('symlink-out');
    expect(r('conf/app.conf')).toBe('ok');
  });

  it('accepts a folder that is itself reached through a link (the real paths are compared)', () => {
    const realpath = fakeFs({ '/home/u/shop': '/data/shop' });
    expect(resolveFileRef('conf/a', { baseDir: base, realpath })).toEqual({ ok: true, path: '/home/u/shop/conf/a' });
  });

  it('names no file contents: the reason is one of a fixed set of sentences', () => {
    const r = resolveFileRef('../x', { baseDir: base });
    expect(r).toEqual({ ok: false, problem: 'climbs-out', why: 'it climbs out of the blueprint’s folder (..)' });
  });
});
