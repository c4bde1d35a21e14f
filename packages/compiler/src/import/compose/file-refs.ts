import { type Path, REMOTE_REF, resolveFileRef } from '@blaupause/model';
import { dotted, type ImportContext, isObj, type Obj } from './context';

/**
 * The Compose keys that name other files the importer never reads — `include`, `env_file`,
 * `label_file`, `extends.file` — checked by the model's one rule for file references
 * (resolveFileRef): a remote one (URL, git, OCI) is refused (REMOTE_REFERENCE, an error: Compose
 * would fetch it), one outside the project folder is reported (PATH_OUTSIDE_PROJECT). Each by its
 * key path and the reference as written; no file is opened, so no error can hold its contents.
 * (`build.context` and `configs`/`secrets` `file:` go through checkProjectPath, which uses the same rule.)
 */
export function checkFileReferences(ctx: ImportContext, root: Obj): void {
  list(root.include).forEach((entry, i) => {
    const at: Path = ['include', i];
    if (typeof entry === 'string') check(ctx, entry, at);
    else if (isObj(entry)) {
      for (const key of ['path', 'env_file'] as const) eachRef(ctx, entry[key], [...at, key]);
      if (typeof entry.project_directory === 'string') check(ctx, entry.project_directory, [...at, 'project_directory']);
    }
  });
  if (!isObj(root.services)) return;
  for (const [name, def] of Object.entries(root.services)) {
    if (!isObj(def)) continue;
    for (const key of ['env_file', 'label_file'] as const) eachRef(ctx, def[key], ['services', name, key]);
    if (isObj(def.extends) && typeof def.extends.file === 'string') check(ctx, def.extends.file, ['services', name, 'extends', 'file']);
  }
}

/** A string, a list of strings, or (env_file) a list of `{ path, required }`. */
function eachRef(ctx: ImportContext, v: unknown, at: Path): void {
  if (typeof v === 'string') {
    check(ctx, v, at);
    return;
  }
  list(v).forEach((e, i) => {
    if (typeof e === 'string') check(ctx, e, [...at, i]);
    else if (isObj(e) && typeof e.path === 'string') check(ctx, e.path, [...at, i, 'path']);
  });
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function check(ctx: ImportContext, ref: string, at: Path): void {
  if (REMOTE_REF.test(ref)) {
    ctx.error(
      'REMOTE_REFERENCE',
      at,
      `${dotted(at)}: "${ref}" is a remote address; Blaupause never fetches remote files.`,
      'Download the file into the project folder and name it by a relative path.',
    );
    return;
  }
  const r = resolveFileRef(ref, { baseDir: '/project' });
  if (!r.ok && r.problem !== 'invalid')
    ctx.report(
      'PATH_OUTSIDE_PROJECT',
      'warning',
      at,
      `${dotted(at)}: "${ref}" lies outside the project folder (${r.why}).`,
      'Keep files beside the Compose file, so that the blueprint can travel with them.',
    );
}
