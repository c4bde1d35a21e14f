import type { Api, ProgressEvent } from '../deploy/api-types';

/**
 * The orchestrator's shapes as the server's router types them (issue 7): nothing here exists at
 * run time, and nothing is copied from the engine.
 */
type SubData<S extends { subscribe: (...args: never[]) => unknown }> =
  ReturnType<S['subscribe']> extends AsyncIterable<infer D> ? D : never;
type Tracked<D> = D extends { data: infer T } ? T : D;

export type OrchStatus = Awaited<ReturnType<Api['orchestration']['status']['query']>>;
export type ServiceRollout = OrchStatus['services'][number];
export type HealEvent = Tracked<SubData<Api['orchestration']['events']>>;
export type HealKind = HealEvent['kind'];
export type RolloutEvent = Extract<ProgressEvent, { kind: 'rollout' }>;
export type RolloutPhase = RolloutEvent['phase'];
export type RunKind = 'apply' | 'destroy' | 'scale' | 'canary' | 'promote' | 'abort';
