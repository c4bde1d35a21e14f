import type { DeployPlan, ProgressEvent } from './api-types';

/** A dangerous setting of the final engine payload, as the server reports it (packages/engine/src/policy). */
export type Danger = NonNullable<DeployPlan['dangers']>[number];

/**
 * What the user must confirm before Deploy: the plan's findings, or — when Deploy was pressed
 * without a plan — the ones a refused run named (DANGEROUS_SETTINGS carries them as data).
 */
export function knownDangers(plan: DeployPlan | undefined, events: readonly ProgressEvent[]): Danger[] {
  if (plan) return plan.dangers ?? [];
  for (const e of events) if (e.kind === 'error' && e.error.code === 'DANGEROUS_SETTINGS') return e.error.dangers ?? [];
  return [];
}

/**
 * The typed confirmation: the project's name, exactly, as GitHub asks for a repository's. Typing
 * it acknowledges every finding listed — itemised by id, so the server can tell whether the list
 * the user saw is the list its own payload has.
 */
export function acknowledgement(dangers: readonly Danger[], typed: string, project: string): string[] | undefined {
  if (dangers.length === 0) return [];
  return typed.trim() === project ? dangers.map((d) => d.id) : undefined;
}

/** `container:web/main` → `web/main`: the element as the canvas names it. */
export const elementLabel = (elementId: string): string => elementId.replace(/^container:/, '');
