import { randomBytes } from 'node:crypto';
import Dockerode from 'dockerode';
import { labelTestRun } from '../../../../scripts/docker-env.mjs';
import { LABEL } from '../../src/docker/labels';
import type { StatusEvent } from '../../src/types';

/**
 * Real-engine helpers for the status and logs tests (DESIGN §8: never a mock of the engine).
 * Containers are labelled as the Docker driver labels them, under a project name unique to the
 * test file, and removed by that label afterwards.
 */
export const IMAGE = 'blaupause-test/busybox:1';

/** Labels what it creates with the test-run label, so `npm test` can sweep what an interrupted run left. */
export const docker = labelTestRun(new Dockerode());

export function uniqueProject(name: string): string {
  return `bpst-${name}-${randomBytes(3).toString('hex')}`;
}

export interface Spec {
  service: string;
  container?: string;
  replica?: number;
  cmd: string;
  restart?: 'no' | 'always' | 'on-failure';
  health?: { test: string; intervalMs: number; retries?: number };
  memoryBytes?: number;
}

export function labelsFor(project: string, s: Spec): Record<string, string> {
  const container = s.container ?? 'main';
  return {
    [LABEL.project]: project,
    [LABEL.service]: container === 'main' ? s.service : `${s.service}-${container}`,
    [LABEL.number]: String(s.replica ?? 1),
    [LABEL.managed]: 'true',
    [LABEL.element]: `container:${s.service}/${container}`,
    [LABEL.blueprintService]: s.service,
    [LABEL.container]: container,
  };
}

/** `on`: another engine than the shared one (the engine-restart test's private dockerd). */
export async function create(project: string, s: Spec, on: Dockerode = docker): Promise<Dockerode.Container> {
  const container = s.container ?? 'main';
  return on.createContainer({
    name: `${project}-${s.service}${container === 'main' ? '' : `-${container}`}-${s.replica ?? 1}`,
    Image: IMAGE,
    Cmd: ['sh', '-c', s.cmd],
    Labels: labelsFor(project, s),
    // Exits at once on SIGTERM, so stops in tests take milliseconds, not the 10 s grace period.
    StopTimeout: 1,
    Healthcheck: s.health
      ? { Test: ['CMD-SHELL', s.health.test], Interval: s.health.intervalMs * 1e6, Retries: s.health.retries ?? 1, Timeout: 2e9 }
      : undefined,
    HostConfig: {
      RestartPolicy: { Name: s.restart ?? 'no' },
      NetworkMode: 'none',
      Memory: s.memoryBytes,
    },
  });
}

export async function run(project: string, s: Spec, on: Dockerode = docker): Promise<Dockerode.Container> {
  const c = await create(project, s, on);
  await c.start();
  return c;
}

/** Everything carrying the project label, whatever state it is in. */
export async function removeProject(project: string): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${project}`] } });
  await Promise.all(
    list.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  return list.length;
}

export async function assertEngine(): Promise<void> {
  try {
    await docker.ping();
    await docker.getImage(IMAGE).inspect();
  } catch (e) {
    throw new Error(`a Docker engine with ${IMAGE} is needed (node scripts/docker-env.mjs up): ${(e as Error).message}`);
  }
}

/** Consumes a status stream in the background so tests can wait for what they expect. */
export class Recorder {
  readonly events: StatusEvent[] = [];
  /** Local clock when each event arrived (same host as the engine: comparable with engine `at`). */
  readonly receivedAt: number[] = [];
  private waiters: { pred: () => boolean; resolve: () => void }[] = [];
  readonly done: Promise<void>;

  constructor(stream: AsyncIterable<StatusEvent>) {
    this.done = (async () => {
      for await (const ev of stream) {
        this.events.push(ev);
        this.receivedAt.push(Date.now());
        this.waiters = this.waiters.filter((w) => {
          if (!w.pred()) return true;
          w.resolve();
          return false;
        });
      }
    })();
  }

  changes(id?: string) {
    return this.events.flatMap((e) => (e.kind === 'change' && (!id || e.status.id === id) ? [e.status] : []));
  }

  /** Engine event → delivered to us, ms, for every change event: [p50, p95, max]. */
  latency(state?: string): [number, number, number] {
    const d = this.events
      .flatMap((e, i) => (e.kind === 'change' && (!state || e.status.state === state) ? [this.receivedAt[i]! - e.status.at] : []))
      .sort((a, b) => a - b);
    const q = (f: number) => d[Math.min(d.length - 1, Math.floor(f * d.length))] ?? Number.NaN;
    return [q(0.5), q(0.95), d.at(-1) ?? Number.NaN];
  }

  states(id: string): string[] {
    return this.changes(id).map((s) => (s.state === 'exited' ? `exited(${s.exitCode})` : s.state));
  }

  /** Resolves when `pred` holds over the events so far; rejects after `ms` naming what was seen. */
  waitFor(pred: () => boolean, ms = 15_000, what = 'condition'): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w = {
        pred,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      };
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        const seen = this.events.map((e) => (e.kind === 'change' ? `${e.status.elementId}:${e.status.state}` : e.kind)).slice(-30);
        reject(new Error(`timed out waiting for ${what}; last events: ${seen.join(', ')}`));
      }, ms);
      this.waiters.push(w);
    });
  }
}
