import type { Ctx } from './context';

/** A blueprint without services compiles to nothing. */
export function checkEmpty(ctx: Ctx): void {
  if (ctx.services.length === 0)
    ctx.report(
      'EMPTY_BLUEPRINT',
      'warning',
      ['services'],
      `The blueprint "${ctx.bp.metadata?.name}" has no services.`,
      'Add a service: it compiles to nothing until then.',
    );
}
