import type { Ctx } from './context';

/** Configs and secrets need exactly one source; their files stay inside the project folder. */
export function checkResources(ctx: Ctx): void {
  for (const [name, config] of Object.entries(ctx.bp.configs ?? {})) {
    const given = (['file', 'content', 'external'] as const).filter((k) => config[k] !== undefined && config[k] !== false);
    checkSources(ctx, 'configs', name, given, 'file, content or external: true');
    checkFile(ctx, 'configs', name, config.file);
  }
  for (const [name, secret] of Object.entries(ctx.bp.secrets ?? {})) {
    const given = (['file', 'environment', 'external'] as const).filter((k) => secret[k] !== undefined && secret[k] !== false);
    checkSources(ctx, 'secrets', name, given, 'file, environment or external: true');
    checkFile(ctx, 'secrets', name, secret.file);
  }
}

function checkSources(ctx: Ctx, section: 'configs' | 'secrets', name: string, given: string[], choices: string): void {
  if (given.length === 1) return;
  const what = section === 'configs' ? 'config' : 'secret';
  ctx.report(
    'CONFIG_SOURCE',
    'error',
    given.length === 0 ? [section, name] : [section, name, given[1] as string],
    given.length === 0
      ? `The ${what} "${name}" has no source.`
      : `The ${what} "${name}" has several sources (${given.join(', ')}); it needs exactly one.`,
    `Give exactly one of ${choices}.`,
  );
}

function checkFile(ctx: Ctx, section: 'configs' | 'secrets', name: string, file: string | undefined): void {
  if (file === undefined || !leavesProject(file)) return;
  ctx.report(
    'PATH_OUTSIDE_PROJECT',
    'warning',
    [section, name, 'file'],
    `The ${section.slice(0, -1)} "${name}" reads ${file}, outside the project folder; the blueprint then depends on the machine it is deployed from.`,
    'Keep the file in the project folder and give a relative path, e.g. ./config/app.conf.',
  );
}

/** Absolute (POSIX, home or Windows) paths, and relative ones that climb above the base folder. */
export function leavesProject(p: string): boolean {
  if (p.startsWith('/') || p.startsWith('~') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p)) return true;
  let depth = 0;
  for (const seg of p.split(/[\\/]/)) {
    if (seg === '..') depth--;
    else if (seg !== '' && seg !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}
