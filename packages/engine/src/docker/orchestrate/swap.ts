import { randomBytes } from 'node:crypto';
import { create, remove, start, stoppingWords } from '../container-ops';
import type { DesiredContainer } from '../desired';
import { EngineFailure } from '../errors';
import { type OrchContext, progress } from './context';
import { type Readiness, waitReady } from './health';
import { type Member, retainedName, type Unit } from './units';

/**
 * The one move every orchestrator operation is made of: one replica of a service gets another
 * version. Start-first: the new pod (main + helpers) is created under temporary names beside the
 * old one, started and waited for; only when it is ready is the old one stopped and set aside
 * (renamed `<name>_prev`, kept — its id survives) and the new one takes the canonical name. A
 * new pod that does not turn ready is removed and the old one was never touched. Stop-first (a
 * service publishing host ports cannot run twice) sets the old one aside first and brings it back
 * on failure. A swap is committed (old removed) or restored (new removed, old renamed back and
 * started under its own id) later, so a whole rollout can be undone.
 */
export interface Next {
  main: DesiredContainer;
  helpers: DesiredContainer[];
}

export interface Swap {
  replica: number;
  /** The new pod, main first. */
  created: { id: string; name: string }[];
  /** The previous pod, set aside, main first. */
  old: Member[];
  version: string;
}

export type SwapResult = { ok: true; swap: Swap } | { ok: false; reason: string };

const tmpName = (d: DesiredContainer): string => `${randomBytes(6).toString('hex')}_${d.name}`;

export async function replaceUnit(
  ctx: OrchContext,
  unit: Unit | undefined,
  next: Next,
  order: 'start-first' | 'stop-first',
): Promise<SwapResult> {
  const old = unit ? [...(unit.main ? [unit.main] : []), ...unit.helpers] : [];
  const replica = next.main.replica;
  if (order === 'stop-first' && old.length > 0) {
    stopping(ctx, replica, old);
    await retire(ctx, old);
    progress(ctx, replica, 'retired', 'stopped first (the service publishes host ports)');
  }
  const beside = order === 'start-first' && old.length > 0;
  const created: { id: string; name: string }[] = [];
  try {
    const mainId = await create(ctx.ops, next.main, beside ? tmpName(next.main) : next.main.name);
    created.push({ id: mainId, name: next.main.name });
    for (const h of next.helpers) created.push({ id: await create(ctx.ops, h, beside ? tmpName(h) : h.name, mainId), name: h.name });
    await start(ctx.ops, next.main, mainId, next.main.name);
    for (const [i, h] of next.helpers.entries()) await start(ctx.ops, h, (created[i + 1] as { id: string }).id, h.name);
  } catch (e) {
    await discard(ctx, created);
    if (order === 'stop-first') await reinstate(ctx, old);
    return { ok: false, reason: e instanceof EngineFailure ? e.error.message : String(e) };
  }
  progress(ctx, replica, 'started', beside ? 'beside the old replica' : undefined, next.main.hash);
  const ready = await waitReady(
    ctx.docker,
    created.map((c) => c.id),
    { deadlineMs: ctx.deadlineMs, pollMs: ctx.pollMs, signal: ctx.signal },
  );
  if (!ready.ok) {
    const which = created.find((c) => c.id === ready.id)?.name ?? ready.id.slice(0, 12);
    const reason = `${which}: ${ready.reason}`;
    progress(ctx, replica, 'failed', reason, next.main.hash);
    if (order === 'stop-first' && old.length > 0) await restoreSwap(ctx, { replica, created, old });
    else await discard(ctx, created);
    return { ok: false, reason };
  }
  progress(ctx, replica, 'healthy', undefined, next.main.hash);
  if (beside) {
    stopping(ctx, replica, old);
    await retire(ctx, old);
    progress(ctx, replica, 'retired');
    for (const c of created) await ctx.docker.getContainer(c.id).rename({ name: c.name });
  }
  return { ok: true, swap: { replica, created, old, version: next.main.hash } };
}

/**
 * Undo: the new pod goes, the old one takes its name back and runs again (same container ids).
 * Waits until the old pod is ready again (its own deadline); answers whether it is.
 */
export async function restoreSwap(ctx: OrchContext, swap: Pick<Swap, 'replica' | 'created' | 'old'>): Promise<Readiness> {
  await discard(ctx, swap.created);
  await reinstate(ctx, swap.old);
  if (swap.old.length === 0) return { ok: true };
  const ready = await waitReady(
    ctx.docker,
    swap.old.map((m) => m.id),
    { deadlineMs: ctx.deadlineMs, pollMs: ctx.pollMs },
  );
  progress(ctx, swap.replica, 'restored', ready.ok ? undefined : `runs again, but ${ready.reason}`, swap.old[0]?.hash);
  return ready;
}

/** Done: the old pod, set aside, is removed. */
export async function commitSwap(ctx: OrchContext, swap: Pick<Swap, 'replica' | 'old' | 'version'>): Promise<void> {
  for (const m of [...swap.old].reverse()) await remove(ctx.ops, m.id, m.name);
  if (swap.old.length > 0) progress(ctx, swap.replica, 'committed', undefined, swap.version);
}

/** Says that the old pod is being stopped and how long that may take (its main container named). */
function stopping(ctx: OrchContext, replica: number, old: Member[]): void {
  const main = old[0];
  if (main) progress(ctx, replica, 'stopping', stoppingWords(main.name, ctx.ops.stopTimeoutSeconds).replace(/^stopping /, ''));
}

/** Stops the old pod (helpers first) and renames it aside, so its name is free and its id kept. */
async function retire(ctx: OrchContext, old: Member[]): Promise<void> {
  for (const m of [...old].reverse()) {
    await ctx.docker
      .getContainer(m.id)
      .stop({ t: ctx.ops.stopTimeoutSeconds })
      .catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 304) throw e;
      });
    await ctx.docker.getContainer(m.id).rename({ name: retainedName(m.name) });
  }
}

/** Gives the set-aside pod its names back and starts it, main first (helpers join its network namespace). */
async function reinstate(ctx: OrchContext, old: Member[]): Promise<void> {
  for (const m of old) {
    const c = ctx.docker.getContainer(m.id);
    const info = await c.inspect();
    const name = info.Name.replace(/^\//, '');
    if (name !== m.name) await c.rename({ name: m.name });
    await c.start().catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 304) throw e;
    });
  }
}

async function discard(ctx: OrchContext, created: { id: string; name: string }[]): Promise<void> {
  for (const c of [...created].reverse()) await remove(ctx.ops, c.id, c.name).catch(() => {});
}
