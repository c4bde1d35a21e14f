import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isIgnored, parseDockerignore } from './dockerignore';

/**
 * A build context as the engine will receive it: the files of the context folder after the
 * `.dockerignore` rules (dockerignore.ts: Docker's matching rules),
 * and a content hash over their paths, modes, link targets and bytes. The same list is hashed
 * and packed, so "unchanged hash" means "the engine would receive the same context".
 */
export interface ContextFiles {
  /** Relative POSIX paths of files and symbolic links, sorted. */
  entries: string[];
  hash: string;
}

/** Lists and hashes the context. The Dockerfile and .dockerignore are always sent (as Docker does). */
export async function readContext(dir: string, dockerfile: string): Promise<ContextFiles> {
  let rules = '';
  try {
    rules = await readFile(join(dir, '.dockerignore'), 'utf8');
  } catch {
    // no .dockerignore: everything is sent
  }
  const parsed = parseDockerignore(rules);
  const keep = (path: string) => !isIgnored(parsed, path);
  const always = new Set([dockerfile, '.dockerignore']);
  const entries: string[] = [];
  const hash = createHash('sha256');
  const walk = async (rel: string): Promise<void> => {
    const names = (await readdir(rel ? join(dir, rel) : dir)).sort();
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      const st = await lstat(join(dir, path));
      const included = keep(path) || always.has(path);
      if (st.isDirectory()) {
        // A folder excluded as a whole can still hold re-included files ("!dir/keep"): walk it anyway.
        // Folders themselves are not entries (the engine creates a file's parents; empty ones are not sent).
        await walk(path);
        continue;
      }
      if (!included) continue;
      entries.push(path);
      if (st.isSymbolicLink()) hash.update(`l\0${path}\0${await readlink(join(dir, path))}\n`);
      else if (st.isFile()) {
        hash.update(`f\0${path}\0${st.mode & 0o7777}\0${st.size}\0`);
        hash.update(await readFile(join(dir, path)));
        hash.update('\n');
      }
    }
  };
  await walk('');
  return { entries, hash: hash.digest('hex') };
}
