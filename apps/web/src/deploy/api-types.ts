import type { AppRouter } from '@blaupause/server/router';
import type { TRPCClient } from '@trpc/client';

/**
 * The API's shapes, derived from the server's router type (the only thing the web may import from
 * the server). Nothing here exists at run time.
 */
export type Api = TRPCClient<AppRouter>;

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** The last overload of subscribe() is the async-iterator form; its yield is the (tracked) event. */
type SubData<S extends { subscribe: (...args: never[]) => unknown }> =
  ReturnType<S['subscribe']> extends AsyncIterable<infer D> ? D : never;
type Tracked<D> = D extends { data: infer T } ? T : D;

export type Connectivity = Out<Api['engine']['connectivity']['query']>;
export type EngineInfo = Extract<Connectivity, { connected: true }>['info'];
export type DeployPlan = Out<Api['deployments']['plan']['query']>;
export type PlanAction = DeployPlan['actions'][number];
export type RunInfo = Out<Api['deployments']['deploy']['mutate']>;
export type ProgressEvent = Tracked<SubData<Api['deployments']['progress']>>;
export type StatusEvent = Tracked<SubData<Api['status']['watch']>>;
export type ContainerStatus = Extract<StatusEvent, { kind: 'change' }>['status'];
export type ContainerState = ContainerStatus['state'];
export type ContainerStats = Extract<StatusEvent, { kind: 'stats' }>['stats'];
export type BlueprintInput = Parameters<Api['deployments']['plan']['query']>[0]['blueprint'];

/** What the server put into a failed call (apps/server/src/errors.ts). */
export interface AppError {
  code: string;
  message: string;
  hint?: string;
  elementId?: string;
  diagnostics?: { code: string; message: string; severity: string }[];
}
