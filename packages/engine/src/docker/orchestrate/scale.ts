import type { EngineError } from '../../types';
import { remove } from '../container-ops';
import { desiredFromInspect, renumber } from './clone';
import { failure, type OrchContext, progress } from './context';
import { waitReady } from './health';
import { replaceUnit } from './swap';
import { pendingUnits, type Unit } from './units';

/**
 * Scale one service to `n` replicas without touching the others: the lowest replica numbers are
 * kept, the highest removed first (helpers, then the main); new replicas take the lowest free
 * numbers and are copies of a running one (its create options as the engine holds them, config
 * hash included, so a later apply of a blueprint with `replicas: n` changes nothing). A new
 * replica that does not turn ready within the deadline is removed again and named in the error.
 * Scaling to 0 stops replica 1 and keeps it (the recipe for scaling up again).
 */
export async function scaleService(ctx: OrchContext, units: Unit[], n: number): Promise<EngineError[]> {
  if (pendingUnits(units).length > 0)
    return [
      failure(
        'BUSY',
        `Service "${ctx.service}" has a canary or an unfinished update: promote or abort it first.`,
        `service:${ctx.service}`,
      ),
    ];
  const live = units.filter((u) => u.main);
  const template = live.find((u) => u.main?.running) ?? live[0];
  if (!template?.main)
    return [
      failure('NOT_FOUND', `Project "${ctx.project}" has no service "${ctx.service}" deployed.`, undefined, 'Deploy the blueprint first.'),
    ];
  const keep = live.slice(0, Math.max(1, n));
  const errors: EngineError[] = [];
  for (const u of live.slice(Math.max(1, n)).reverse()) {
    for (const m of [...u.helpers, u.main as NonNullable<Unit['main']>]) await remove(ctx.ops, m.id, m.name);
    progress(ctx, u.replica, 'removed');
  }
  if (n === 0) {
    const u = keep[0] as Unit;
    for (const m of [...u.helpers, u.main as NonNullable<Unit['main']>])
      await ctx.docker
        .getContainer(m.id)
        .stop({ t: ctx.ops.stopTimeoutSeconds })
        .catch(() => {});
    progress(ctx, u.replica, 'removed', 'stopped and kept: scaling up again starts it');
    return errors;
  }
  for (const u of keep) if (!u.main?.running) errors.push(...(await startAgain(ctx, u)));
  const used = new Set(keep.map((u) => u.replica));
  const numbers: number[] = [];
  for (let r = 1; numbers.length + keep.length < n; r++) if (!used.has(r)) numbers.push(r);
  const main = desiredFromInspect(template.main.info, ctx.project, template.replica);
  const helpers = template.helpers.map((h) => desiredFromInspect(h.info, ctx.project, template.replica));
  const results = await Promise.all(
    numbers.map((r) =>
      replaceUnit(
        ctx,
        undefined,
        { main: renumber(main, ctx.project, r), helpers: helpers.map((h) => renumber(h, ctx.project, r)) },
        'start-first',
      ),
    ),
  );
  for (const [i, res] of results.entries()) {
    if (res.ok) progress(ctx, numbers[i] as number, 'added', undefined, res.swap.version);
    else
      errors.push(
        failure('ROLLED_BACK', `Replica ${numbers[i]} of service "${ctx.service}" was removed again: ${res.reason}.`, main.elementId),
      );
  }
  return errors;
}

async function startAgain(ctx: OrchContext, u: Unit): Promise<EngineError[]> {
  for (const m of [u.main as NonNullable<Unit['main']>, ...u.helpers])
    await ctx.docker
      .getContainer(m.id)
      .start()
      .catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 304) throw e;
      });
  const ready = await waitReady(ctx.docker, [u.main?.id as string], { deadlineMs: ctx.deadlineMs, pollMs: ctx.pollMs, signal: ctx.signal });
  if (ready.ok) {
    progress(ctx, u.replica, 'added', 'started again');
    return [];
  }
  return [failure('CONTAINER_EXITED', `Replica ${u.replica} of service "${ctx.service}" was started again but ${ready.reason}.`)];
}
