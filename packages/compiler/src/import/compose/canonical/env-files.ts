import type { Path } from '@blaupause/model';
import type { ImportContext } from '../context';
import type { CService } from '../types';

/**
 * `env_file:` read through the caller's reader: a string, a list of strings, or a list of
 * `{ path, required }`. Later files win over earlier ones, `environment:` over all (as Compose).
 * Values are literal: their `$` is doubled, since blueprint strings are templates. A missing file
 * is an error unless `required: false`.
 */
export function readEnvFiles(
  ctx: ImportContext,
  v: unknown,
  path: Path,
  s: CService,
  read: (ref: string) => Record<string, string> | undefined,
): void {
  const entries: { ref: string; required: boolean; at: Path }[] = [];
  if (typeof v === 'string') entries.push({ ref: v, required: true, at: path });
  else if (Array.isArray(v))
    v.forEach((e, i) => {
      if (typeof e === 'string') entries.push({ ref: e, required: true, at: [...path, i] });
      else if (e && typeof e === 'object' && typeof (e as { path?: unknown }).path === 'string')
        entries.push({ ref: (e as { path: string }).path, required: (e as { required?: unknown }).required !== false, at: [...path, i] });
    });
  const env: Record<string, string> = { ...s.envFromFiles };
  for (const e of entries) {
    const vars = read(e.ref);
    if (vars === undefined) {
      if (e.required)
        ctx.report(
          'FILE_UNREADABLE',
          'error',
          e.at,
          `env_file "${e.ref}" cannot be read in the project folder.`,
          'Create the file, or mark it required: false.',
        );
      continue;
    }
    for (const [k, value] of Object.entries(vars)) env[k] = value.replaceAll('$', () => '$$');
  }
  s.envFromFiles = env;
}
