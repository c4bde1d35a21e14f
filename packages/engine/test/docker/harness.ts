import { randomBytes } from 'node:crypto';
import { type Blueprint, type BlueprintInput, Blueprint as BlueprintSchema } from '@blaupause/model';
import Docker from 'dockerode';
import { ensureDocker, ensureTestImages, labelTestRun } from '../../../../scripts/docker-env.mjs';
import { DockerDriver, type DockerDriverOptions } from '../../src/docker/driver';
import { LABEL } from '../../src/docker/labels';
import type { EngineError, ProgressEvent } from '../../src/types';

/**
 * Real-engine harness for the Docker driver tests (DESIGN §8: never a mock of the engine). The
 * engine is the one at DOCKER_HOST / the default socket, started if none answers; images are the
 * local busybox ones (no registry). Engine calls are counted by wrapping the real dockerode
 * instance's HTTP dialer: every non-GET request is a mutating call. What the instance creates
 * carries the test-run label (labelTestRun), so `npm test` can sweep what an interrupted run left.
 */
export const IMAGE = 'blaupause-test/busybox:1';

export async function engine(): Promise<void> {
  const env = await ensureDocker().catch((e: Error) => {
    throw new Error(`No Docker engine for the integration tests: ${e.message}`);
  });
  await ensureTestImages(env.socket);
}

export interface Counted {
  docker: Docker;
  calls: { method: string; path: string }[];
  mutating(): { method: string; path: string }[];
  reset(): void;
}

export function counted(options?: Docker.DockerOptions): Counted {
  const docker = labelTestRun(new Docker(options));
  const calls: { method: string; path: string }[] = [];
  const modem = docker.modem as unknown as { dial: (o: { method: string; path: string }, cb: unknown) => unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (o, cb) => {
    calls.push({ method: o.method, path: o.path });
    return dial(o, cb);
  };
  return {
    docker,
    calls,
    mutating: () => calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD'),
    reset: () => {
      calls.length = 0;
    },
  };
}

export function driver(docker: Docker, options: DockerDriverOptions = {}): DockerDriver {
  return new DockerDriver(docker, { stopTimeoutSeconds: 1, settleMs: 1200, ...options });
}

export const project = (name: string): string => `bpt-${name}-${randomBytes(3).toString('hex')}`;

export function blueprint(input: Omit<BlueprintInput, 'apiVersion' | 'kind' | 'metadata'> & { name?: string }): Blueprint {
  const { name = 'test', ...rest } = input;
  return BlueprintSchema.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name }, ...rest });
}

export async function collect(events: AsyncIterable<ProgressEvent>): Promise<ProgressEvent[]> {
  const out: ProgressEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export const errorsOf = (events: ProgressEvent[]): EngineError[] => events.flatMap((e) => (e.kind === 'error' ? [e.error] : []));

export function succeeded(events: ProgressEvent[]): boolean {
  const done = events.find((e) => e.kind === 'done');
  return done?.kind === 'done' && done.ok;
}

/** Container name → id of a project, as the engine lists them. */
export async function containerIds(docker: Docker, p: string): Promise<Record<string, string>> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${p}`] } });
  return Object.fromEntries(list.map((c) => [(c.Names[0] ?? '').replace(/^\//, ''), c.Id]));
}

/** Removes everything of a project, whatever state a failed test left it in. */
export async function cleanup(docker: Docker, p: string, volumes = true): Promise<void> {
  const filters = { label: [`${LABEL.project}=${p}`] };
  for (const c of await docker.listContainers({ all: true, filters }))
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => {});
  for (const n of await docker.listNetworks({ filters }))
    await docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => {});
  if (volumes)
    for (const v of (await docker.listVolumes({ filters })).Volumes ?? [])
      await docker
        .getVolume(v.Name)
        .remove()
        .catch(() => {});
}

/** Polls `check` until it returns a value (not undefined) or the time is up: never a bare sleep. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function httpGet(url: string): Promise<string> {
  const r = await fetch(url);
  return r.text();
}
