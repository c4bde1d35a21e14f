import type { ImportContext } from './context';

/**
 * A `${VAR}` the file gives no value for (no default, no env file) stays a reference and becomes a
 * blueprint parameter — it is never looked up in the environment of the process that imports (the
 * server's or the CLI's could hold `AWS_SECRET_ACCESS_KEY`). Said once per variable, so the user
 * knows it is empty until set (threat model T13).
 */
export function reportUnsetParameters(ctx: ImportContext): void {
  if (ctx.options.env !== undefined) return; // with an env file, interpolation reports unset names itself
  for (const [name, p] of Object.entries(ctx.parameters)) {
    if (p.default !== undefined) continue;
    ctx.report(
      'INTERPOLATION_PARAMETER',
      'info',
      ['parameters', name],
      `\${${name}} has no value in the file: it is now the blueprint parameter ${name}${p.required ? ' (required)' : ', empty until set'}. The environment of Blaupause is never read.`,
      'Give its value with --env-file when importing, or set the parameter before deploying.',
      [],
    );
  }
}
