import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { DEFAULT_LIMITS, type Diagnostic, loadBlueprint, resolveFileRef } from '@blaupause/model';
import { type AppResult, appError } from '../errors';
import { WORKSPACE_NAME } from '../schemas';

export const WORKSPACE_EXT = '.blueprint.yaml';

/** `$BLAUPAUSE_WORKSPACE`, else `~/.blaupause/workspace` (README "Workspace"). */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BLAUPAUSE_WORKSPACE;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.blaupause', 'workspace');
}

export interface WorkspaceFile {
  name: string;
  size: number;
  modifiedAt: number;
}

/**
 * Blueprint files in one folder, addressed by a bare name (`shop` → `shop.blueprint.yaml`). Names
 * are checked against a strict pattern AND the resolved path must stay inside the folder; symlinks
 * are never followed. Writes go to a temporary file that is renamed over the old one, and text that
 * is not a readable blueprint is refused first: a bad write never destroys the previous file.
 */
export class Workspace {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async list(): Promise<AppResult<WorkspaceFile[]>> {
    try {
      await this.ensureDir();
      const entries = await readdir(this.dir, { withFileTypes: true });
      const files: WorkspaceFile[] = [];
      for (const e of entries) {
        if (!e.isFile() || !e.name.endsWith(WORKSPACE_EXT)) continue;
        const name = e.name.slice(0, -WORKSPACE_EXT.length);
        if (!WORKSPACE_NAME.test(name)) continue;
        const st = await lstat(join(this.dir, e.name));
        files.push({ name, size: st.size, modifiedAt: st.mtimeMs });
      }
      return { ok: true, value: files.sort((a, b) => a.name.localeCompare(b.name)) };
    } catch (e) {
      return ioError('list the workspace', e);
    }
  }

  async read(name: string): Promise<AppResult<WorkspaceFile & { text: string }>> {
    const path = this.pathOf(name);
    if (!path.ok) return path;
    try {
      const st = await lstat(path.value);
      if (!st.isFile()) return appError('NOT_FOUND', `${name} is not a regular file in the workspace.`);
      if (st.size > DEFAULT_LIMITS.maxBytes) return tooLarge(name);
      const text = await readFile(path.value, 'utf8');
      return { ok: true, value: { name, size: st.size, modifiedAt: st.mtimeMs, text } };
    } catch (e) {
      if (isCode(e, 'ENOENT')) return appError('NOT_FOUND', `No blueprint named ${name} in the workspace.`);
      return ioError(`read ${name}`, e);
    }
  }

  async write(name: string, text: string): Promise<AppResult<WorkspaceFile & { diagnostics: Diagnostic[] }>> {
    const path = this.pathOf(name);
    if (!path.ok) return path;
    if (Buffer.byteLength(text, 'utf8') > DEFAULT_LIMITS.maxBytes) return tooLarge(name);
    // Semantic errors are fine (work in progress is saved); text that is not a blueprint is not.
    const loaded = loadBlueprint(text, { file: name + WORKSPACE_EXT });
    if (!loaded.blueprint)
      return appError('INVALID_BLUEPRINT', `${name} was not saved: the text is not a readable blueprint.`, {
        diagnostics: loaded.diagnostics,
        hint: 'The previous version of the file is unchanged.',
      });
    const tmp = join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await this.ensureDir();
      const existing = await lstat(path.value).catch(() => undefined);
      if (existing && !existing.isFile()) return appError('INVALID_NAME', `${name} exists in the workspace and is not a regular file.`);
      const fh = await open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync(); // the rename must not publish a file whose bytes are still in flight
      } finally {
        await fh.close();
      }
      await rename(tmp, path.value);
      const st = await lstat(path.value);
      return { ok: true, value: { name, size: st.size, modifiedAt: st.mtimeMs, diagnostics: loaded.diagnostics } };
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      return ioError(`write ${name}`, e);
    }
  }

  async remove(name: string): Promise<AppResult<{ removed: boolean }>> {
    const path = this.pathOf(name);
    if (!path.ok) return path;
    try {
      const st = await lstat(path.value);
      if (!st.isFile()) return appError('INVALID_NAME', `${name} is not a regular file in the workspace.`);
      await unlink(path.value);
      return { ok: true, value: { removed: true } };
    } catch (e) {
      if (isCode(e, 'ENOENT')) return { ok: true, value: { removed: false } };
      return ioError(`delete ${name}`, e);
    }
  }

  /** The file's path, only for a valid name whose resolved path is directly inside the folder. */
  pathOf(name: string): AppResult<string> {
    if (!WORKSPACE_NAME.test(name)) return appError('INVALID_NAME', 'A file name is letters, digits, _ and - (at most 64).');
    // The model's one rule for file references (symlinks are refused by lstat where files are opened).
    const ref = resolveFileRef(name + WORKSPACE_EXT, { baseDir: this.dir });
    if (!ref.ok || ref.path.slice(this.dir.length + 1).includes(sep)) return appError('INVALID_NAME', `${name} is outside the workspace.`);
    return { ok: true, value: ref.path };
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

function tooLarge(name: string) {
  return appError('FILE_TOO_LARGE', `${name} is larger than ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MiB.`);
}

function ioError(what: string, e: unknown) {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return appError('WORKSPACE_IO', `Could not ${what}${typeof code === 'string' ? ` (${code})` : ''}.`);
}
