/**
 * The one rule for files a blueprint or a Compose file names (`env_file`, `configs`/`secrets`
 * `file:`, bind sources, `build.context`, `include`, `extends.file`): they resolve inside the
 * blueprint's folder, or not at all (issue 5, threat model T12). Remote references (URLs, git
 * addresses, OCI artifacts) are refused outright; absolute paths, `~` and `..` that climb out are
 * refused by their text; symbolic links leading out are refused when the caller passes `realpath`
 * (the engine and the CLI pass fs.realpathSync; the importers, which read no file, do not).
 *
 * Pure and isomorphic: POSIX path logic by hand, the file system injected. The answer names the
 * reference as written and never anything read from a file, so an error cannot leak contents.
 */
export interface FileRefOptions {
  /** The blueprint's (or the Compose file's) folder, absolute. */
  baseDir: string;
  /**
   * Resolves symbolic links (fs.realpathSync); undefined for a path that does not exist. Absent:
   * the check is by text only.
   */
  realpath?: ((path: string) => string | undefined) | undefined;
}

export type FileRefProblem = 'remote' | 'absolute' | 'home' | 'climbs-out' | 'symlink-out' | 'invalid';

export type FileRefResult = { ok: true; path: string } | { ok: false; problem: FileRefProblem; why: string };

/** `https://…`, `git://…`, `oci://…`, `ssh://…`, `git@host:repo`: anything fetched from elsewhere. */
export const REMOTE_REF = /^([a-z][a-z0-9+.-]*:\/\/|[a-z][a-z0-9+.-]*::|[\w.-]+@[\w.-]+:)/i;

const WHY: Record<FileRefProblem, string> = {
  remote: 'it is a remote address; remote files are never fetched',
  absolute: 'it is an absolute path; files are named relative to the blueprint’s folder',
  home: 'it names a home directory (~); files are named relative to the blueprint’s folder',
  'climbs-out': 'it climbs out of the blueprint’s folder (..)',
  'symlink-out': 'a symbolic link on the way leads out of the blueprint’s folder',
  invalid: 'it is empty or holds a NUL byte',
};

export function resolveFileRef(ref: string, opts: FileRefOptions): FileRefResult {
  const fail = (problem: FileRefProblem): FileRefResult => ({ ok: false, problem, why: WHY[problem] });
  if (ref.trim() === '' || ref.includes('\0')) return fail('invalid');
  if (REMOTE_REF.test(ref)) return fail('remote');
  if (ref.startsWith('~')) return fail('home');
  if (/^([/\\]|[A-Za-z]:)/.test(ref)) return fail('absolute');
  // A backslash is a separator on Windows, where the file may have been written: "..\x" climbs too.
  if (ref.split(/[\\/]/).includes('..') && escapes(ref)) return fail('climbs-out');
  const base = normalize(opts.baseDir);
  const path = normalize(`${base}/${ref}`);
  if (!within(path, base)) return fail('climbs-out');
  if (opts.realpath) {
    const realBase = opts.realpath(base) ?? base;
    const real = realOfNearest(path, base, opts.realpath);
    if (real !== undefined && !within(real, realBase)) return fail('symlink-out');
  }
  return { ok: true, path };
}

/** Whether `..` segments climb above the start (`a/../b` stays; `a/../../b` leaves). */
function escapes(ref: string): boolean {
  let depth = 0;
  for (const seg of ref.split(/[\\/]/)) {
    if (seg === '..') depth--;
    else if (seg !== '' && seg !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * The real path of `path`, or of its nearest existing ancestor below `base` (a file not created
 * yet under a folder that is a link out is still out).
 */
function realOfNearest(path: string, base: string, realpath: (p: string) => string | undefined): string | undefined {
  let p = path;
  for (;;) {
    const real = realpath(p);
    if (real !== undefined) return real === p ? real : normalize(real);
    if (p === base || p === '/') return undefined;
    p = p.slice(0, p.lastIndexOf('/')) || '/';
  }
}

/** POSIX normalisation of an absolute path: no `.`, no `..`, no double or trailing slash. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

const within = (p: string, dir: string): boolean => dir === '/' || p === dir || p.startsWith(`${dir}/`);
