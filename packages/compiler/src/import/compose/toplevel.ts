import type { ImportContext, Obj } from './context';
import { TOP_LEVEL_UNSUPPORTED } from './keys';
import { nameFromFile, toDnsLabel } from './names';
import { readLiteral } from './values';

const READ_ELSEWHERE = new Set(['services', 'volumes', 'networks', 'configs', 'secrets', 'name']);

/** Top-level keys other than the sections: `version` is obsolete, the rest is reported by path. */
export function readTopLevel(ctx: ImportContext, root: Obj): void {
  for (const key of Object.keys(root)) {
    if (key.startsWith('x-') || READ_ELSEWHERE.has(key)) continue;
    const unsupported = TOP_LEVEL_UNSUPPORTED.get(key);
    if (key === 'version') ctx.unsupported([key], 'the version key is obsolete; Compose ignores it too.', undefined, 'info');
    else if (unsupported) ctx.unsupported([key], unsupported[0], unsupported[1]);
    else ctx.unsupported([key], 'this is not a top-level key of a Compose file.', 'Check the spelling against the Compose Specification.');
  }
}

/** The blueprint name: the one asked for, else the Compose `name:`, else the file's name, else the folder's (Compose's project name), else "app". */
export function blueprintName(ctx: ImportContext, root: Obj): string {
  const given = ctx.options.name ?? (root.name === undefined ? undefined : readLiteral(ctx, root.name, ['name']));
  if (given === undefined || given === '')
    return (ctx.options.file && nameFromFile(ctx.options.file)) || (ctx.options.folderName && toDnsLabel(ctx.options.folderName)) || 'app';
  const name = toDnsLabel(given) || 'app';
  if (name !== given) ctx.approximated(['name'], `the name "${given}" is "${name}": blueprint names are DNS-1123 labels.`);
  return name;
}
