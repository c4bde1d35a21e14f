import type { EngineError } from '../../types';
import { failure, type OrchContext } from './context';
import { commitSwap, type Next, replaceUnit, restoreSwap, type Swap } from './swap';
import type { Unit } from './units';

/**
 * A rolling update of some replicas of one service: batches of `parallelism` replicas swapped at
 * once (start-first: each new replica ready before its old one stops, so the service never has
 * fewer ready replicas than before). When a new replica does not turn ready within the deadline,
 * every replica swapped so far is restored (old containers, same ids) and the error says why:
 * ROLLED_BACK. `commit: false` keeps the old replicas set aside (a canary waiting for promote/abort).
 */
export interface Change {
  unit: Unit | undefined;
  next: Next;
}

export interface RollOptions {
  parallelism: number;
  order: 'start-first' | 'stop-first';
  commit: boolean;
}

export type RollResult = { ok: true; swaps: Swap[] } | { ok: false; error: EngineError };

export async function roll(ctx: OrchContext, changes: readonly Change[], o: RollOptions): Promise<RollResult> {
  const done: Swap[] = [];
  const size = Math.max(1, o.parallelism);
  for (let i = 0; i < changes.length; i += size) {
    const batch = changes.slice(i, i + size);
    let results: Awaited<ReturnType<typeof replaceUnit>>[];
    try {
      results = await Promise.all(batch.map((c) => replaceUnit(ctx, c.unit, c.next, o.order)));
    } catch (e) {
      await undo(ctx, done);
      throw e;
    }
    for (const r of results) if (r.ok) done.push(r.swap);
    if (ctx.signal?.aborted) {
      await undo(ctx, done);
      return {
        ok: false,
        error: failure('CANCELLED', `The update of service "${ctx.service}" was cancelled; the previous version runs again.`),
      };
    }
    const bad = results.find((r) => !r.ok);
    if (bad && !bad.ok) {
      await undo(ctx, done);
      const elementId = batch[0]?.next.main.elementId;
      return {
        ok: false,
        error: failure(
          'ROLLED_BACK',
          `The update of service "${ctx.service}" was rolled back: ${bad.reason}. The previous version runs again (${done.length} replica${done.length === 1 ? '' : 's'} restored, the others were never stopped).`,
          elementId,
          'Look at the new version’s logs and health check; fix the blueprint and deploy again.',
        ),
      };
    }
  }
  if (o.commit) for (const s of done) await commitSwap(ctx, s);
  return { ok: true, swaps: done };
}

async function undo(ctx: OrchContext, swaps: Swap[]): Promise<void> {
  for (const s of [...swaps].reverse()) await restoreSwap(ctx, s);
}
