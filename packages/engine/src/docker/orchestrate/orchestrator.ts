import type { Blueprint } from '@blaupause/model';
import { dangerousSettingsError, unacknowledged } from '../../policy/acknowledge';
import type { DeployOptions, EngineError, ProgressEvent, Result } from '../../types';
import { provideImage } from '../build/provide';
import type { Desired } from '../desired';
import type { Diff } from '../diff';
import type { DockerDriver } from '../driver';
import { desiredFromInspect, renumber, withImage } from './clone';
import { failure, type OrchContext, opsContext, progress } from './context';
import { deadlineMs } from './health';
import { placementError } from './placement';
import { nextFor, strategyOf } from './plan';
import { type Change, roll } from './rolling';
import { scaleService } from './scale';
import { rolloutStatus, type ServiceRollout } from './state';
import { commitSwap, restoreSwap } from './swap';
import { pendingUnits, readService, type Unit } from './units';

/** Per-call knobs; the blueprint's rollout settings are the defaults. */
export interface OrchestrateOptions {
  /** How long a new replica may take to turn ready (default: rollout.monitor, else from its health check). */
  deadlineMs?: number;
  /** Replicas swapped at once (default: the blueprint's maxSurge / maxUnavailable, else 1). */
  parallelism?: number;
  signal?: AbortSignal;
}

export interface CanaryOptions extends DeployOptions, Omit<OrchestrateOptions, 'signal'> {
  service: string;
  /** How many replicas run the new version (default rollout.canary.replicas, else 1); fewer than all. */
  replicas?: number;
}

/**
 * Scaling, rolling updates and canaries on the Docker engine (issue 7), built over the driver:
 * every operation holds the driver's project lock (one apply, destroy or orchestrator operation
 * per project at a time; the supervisor stands aside meanwhile) and streams ProgressEvents —
 * `rollout` events per replica step, `error` and `done` as apply does.
 */
export class Orchestrator {
  constructor(readonly driver: DockerDriver) {}

  /** Adds or removes replicas of one service, leaving the others untouched (no blueprint needed). */
  scale(project: string, service: string, replicas: number, o: OrchestrateOptions = {}): AsyncIterable<ProgressEvent> {
    return this.driver.exclusive(project, async (emit) => {
      if (!Number.isInteger(replicas) || replicas < 0 || replicas > 10_000)
        return [failure('INVALID_NAME', `Replicas must be a whole number from 0 to 10000 (got ${replicas}).`)];
      const units = await readService(this.driver.docker, project, service);
      const template = units.find((u) => u.main)?.main;
      const ctx = this.context(project, service, emit, o, o.deadlineMs ?? (template ? deadlineMs(template.info.Config as never) : 10_000));
      return scaleService(ctx, units, replicas);
    });
  }

  /**
   * Deploys the blueprint with rolling updates: every service whose replicas need a new container
   * (image or config changed) is updated replica by replica, start-first, with automatic rollback
   * (ROLLED_BACK: nothing else is applied then); services with `rollout.strategy: recreate` and
   * everything else (new services, scale, removals, networks) go through the driver's apply.
   */
  update(blueprint: Blueprint, options: DeployOptions & OrchestrateOptions): AsyncIterable<ProgressEvent> {
    return this.driver.exclusive(options.project, async (emit) => {
      const r = await this.prepare(blueprint, options, emit);
      if (!r.ok) return [r.error];
      const { desired, diff } = r.value;
      for (const s of desired.services) {
        const st = strategyOf(blueprint, s.name, s.mains[0]);
        if (st.strategy === 'recreate') continue;
        const replicas = [
          ...new Set(
            (diff.byService.get(s.name) ?? []).flatMap((x) =>
              x.action.kind === 'recreate' && x.desired && x.desired.role !== 'init' ? [x.desired.replica] : [],
            ),
          ),
        ].sort((a, b) => a - b);
        if (replicas.length === 0) continue;
        const units = await readService(this.driver.docker, options.project, s.name);
        if (pendingUnits(units).length > 0) return [pendingError(s.name)];
        const changes: Change[] = [];
        for (const n of replicas) {
          const unit = units.find((u) => u.replica === n);
          const next = nextFor(s, options.project, n);
          if (unit?.main && next) changes.push({ unit, next });
        }
        const first = changes[0]?.next.main;
        if (!first) continue;
        const ctx = this.context(options.project, s.name, emit, options, options.deadlineMs ?? deadlineMs(first.options, st.monitor));
        const res = await roll(ctx, changes, { parallelism: options.parallelism ?? st.parallelism, order: st.order, commit: true });
        if (!res.ok) return [res.error];
      }
      return this.driver.applyHeld(blueprint, options, emit);
    });
  }

  /**
   * Runs the blueprint's version of one service on `replicas` of its replicas (the highest
   * numbers; `rollout.canary.image` when set), beside the old version on the rest; the old
   * containers of the canary replicas are kept, stopped, for abort. Then: promote() or abort().
   */
  canary(blueprint: Blueprint, options: CanaryOptions): AsyncIterable<ProgressEvent> {
    return this.driver.exclusive(options.project, async (emit) => {
      const r = await this.prepare(blueprint, options, emit);
      if (!r.ok) return [r.error];
      const s = r.value.desired.services.find((x) => x.name === options.service);
      if (!s?.mains[0]) return [failure('NOT_FOUND', `The blueprint has no service "${options.service}".`)];
      const units = await readService(this.driver.docker, options.project, s.name);
      if (pendingUnits(units).length > 0) return [pendingError(s.name)];
      const live = units.filter((u) => u.main);
      const st = strategyOf(blueprint, s.name, s.mains[0]);
      const k = options.replicas ?? st.canary?.replicas ?? 1;
      if (!Number.isInteger(k) || k < 1 || k >= live.length)
        return [
          failure(
            'INVALID_BLUEPRINT',
            `A canary of service "${s.name}" needs 1 to ${live.length - 1} of its ${live.length} running replicas (asked: ${k}).`,
            s.elementId,
            'Scale the service up first, or deploy the new version to all replicas.',
          ),
        ];
      const changes: Change[] = [];
      for (const unit of live.slice(-k)) {
        const next = nextFor(s, options.project, unit.replica);
        if (!next) continue;
        if (st.canary?.image) next.main = withImage(next.main, st.canary.image);
        changes.push({ unit, next });
      }
      if (changes.every((c) => c.unit?.main?.hash === c.next.main.hash))
        return [
          failure('INVALID_BLUEPRINT', `Service "${s.name}" already runs this version: there is nothing to try as a canary.`, s.elementId),
        ];
      const ctx = this.context(
        options.project,
        s.name,
        emit,
        options,
        options.deadlineMs ?? deadlineMs(changes[0]?.next.main.options ?? {}, st.monitor),
      );
      const res = await roll(ctx, changes, { parallelism: k, order: st.order, commit: false });
      if (!res.ok) return [res.error];
      for (const sw of res.swaps) progress(ctx, sw.replica, 'paused', `canary ${k} of ${live.length}: promote or abort`, sw.version);
      return [];
    });
  }

  /** Rolls the canary's version out to the other replicas (with rollback), then drops the old containers set aside. */
  promote(project: string, service: string, o: OrchestrateOptions = {}): AsyncIterable<ProgressEvent> {
    return this.driver.exclusive(project, async (emit) => {
      const units = await readService(this.driver.docker, project, service);
      const pending = pendingUnits(units);
      const canary = pending[0]?.main;
      if (!canary) return [noCanary(project, service)];
      const main = desiredFromInspect(canary.info, project, canary.replica);
      const helpers = (pending[0] as Unit).helpers.map((h) => desiredFromInspect(h.info, project, canary.replica));
      const ctx = this.context(project, service, emit, o, o.deadlineMs ?? deadlineMs(main.options));
      const changes: Change[] = units
        .filter((u) => u.main && !pending.includes(u) && u.main.hash !== canary.hash)
        .map((unit) => ({
          unit,
          next: { main: renumber(main, project, unit.replica), helpers: helpers.map((h) => renumber(h, project, unit.replica)) },
        }));
      const st = strategyOf(undefined, service, main);
      const res = await roll(ctx, changes, { parallelism: o.parallelism ?? st.parallelism, order: st.order, commit: true });
      if (!res.ok) return [res.error];
      for (const u of pending) await commitSwap(ctx, { replica: u.replica, old: u.retained, version: canary.hash });
      return [];
    });
  }

  /** Removes the canaries and starts the old containers set aside again: the old version exactly, same container ids. */
  abort(project: string, service: string, o: OrchestrateOptions = {}): AsyncIterable<ProgressEvent> {
    return this.driver.exclusive(project, async (emit) => {
      const units = await readService(this.driver.docker, project, service);
      const pending = pendingUnits(units);
      if (pending.length === 0) return [noCanary(project, service)];
      const ctx = this.context(project, service, emit, o, o.deadlineMs ?? deadlineMs(pending[0]?.retained[0]?.info.Config as never));
      const errors: EngineError[] = [];
      for (const u of pending) {
        const created = [u.main, ...u.helpers].flatMap((m) => (m ? [{ id: m.id, name: m.name }] : []));
        const old = [...u.retained]
          .sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main'))
          .map((m) => ({ ...m, name: m.name.replace(/_prev$/, '') }));
        const ready = await restoreSwap(ctx, { replica: u.replica, created, old });
        if (!ready.ok)
          errors.push(
            failure('CONTAINER_EXITED', `Replica ${u.replica} of service "${service}" runs its old version again, but ${ready.reason}.`),
          );
      }
      return errors;
    });
  }

  /** Per service: replicas, pending canaries and the versions running (for the canvas and `blaupause canary`). */
  status(project: string): Promise<Result<ServiceRollout[]>> {
    return rolloutStatus(this.driver.docker, this.driver.endpoint, project);
  }

  /** Validate, map, observe, diff (the driver's own), refuse unacknowledged dangers, pull or build missing images. */
  private async prepare(
    blueprint: Blueprint,
    options: DeployOptions,
    emit: (e: ProgressEvent) => void,
  ): Promise<Result<{ desired: Desired; diff: Diff }>> {
    const r = await this.driver.reconcile(blueprint, options);
    if (!r.ok) return r;
    const missing = unacknowledged(r.value.diff.plan.dangers ?? [], options.acknowledge);
    if (missing.length > 0) return { ok: false, error: dangerousSettingsError(missing) };
    const placement = await this.placement(blueprint);
    if (placement) return { ok: false, error: placement };
    for (const i of r.value.diff.images)
      if (i.action.kind === 'create')
        await provideImage(this.driver.docker, r.value.desired, i.action.name, this.driver.endpoint, emit, options.signal);
    return r;
  }

  private placement(blueprint: Blueprint): Promise<EngineError | undefined> {
    return placementError(this.driver.docker, blueprint);
  }

  private context(
    project: string,
    service: string,
    emit: (e: ProgressEvent) => void,
    o: { signal?: AbortSignal | undefined },
    deadline: number,
  ): OrchContext {
    return {
      docker: this.driver.docker,
      ops: opsContext(this.driver.docker, this.driver.endpoint, this.driver.stopTimeoutSeconds),
      project,
      service,
      deadlineMs: deadline,
      signal: o.signal,
      emit,
    };
  }
}

export function createOrchestrator(driver: DockerDriver): Orchestrator {
  return new Orchestrator(driver);
}

const pendingError = (service: string): EngineError =>
  failure('BUSY', `Service "${service}" has a canary (or an unfinished update): promote or abort it first.`, `service:${service}`);

const noCanary = (project: string, service: string): EngineError =>
  failure('NOT_FOUND', `Service "${service}" of project "${project}" has no canary.`, `service:${service}`, 'Start one with canary first.');
