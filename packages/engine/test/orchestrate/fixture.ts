import { randomBytes } from 'node:crypto';
import type { Blueprint } from '@blaupause/model';
import type Docker from 'dockerode';
import { LABEL } from '../../src/docker/labels';
import type { ProgressEvent, RolloutEvent } from '../../src/types';
import { blueprint, IMAGE } from '../docker/harness';

/** Orchestrator tests: projects named bporc-… (this helper's prefix), busybox with a file-based health check. */
export const project = (name: string): string => `bporc-${name}-${randomBytes(3).toString('hex')}`;

/** Healthy once /tmp/ok exists (the command creates it); `bad` never creates it. SIGTERM ends it at once. */
export function webBlueprint(
  o: { replicas?: number; version?: string; bad?: boolean; extra?: Record<string, unknown>; rollout?: Record<string, unknown> } = {},
): Blueprint {
  const touch = o.bad ? 'true' : 'touch /tmp/ok';
  return blueprint({
    services: {
      web: {
        replicas: o.replicas ?? 1,
        ...(o.rollout ? { rollout: o.rollout } : {}),
        containers: {
          web: {
            image: IMAGE,
            command: ['sh', '-c', `trap "exit 0" TERM; ${touch}; sleep 3600 & wait`],
            env: { VERSION: o.version ?? '1' },
            // The bad version's failures fall in a long start period: it stays "starting" until the deadline.
            healthcheck: {
              test: { exec: ['test', '-f', '/tmp/ok'] },
              interval: '500ms',
              retries: 2,
              timeout: '2s',
              ...(o.bad ? { startPeriod: '60s' } : {}),
            },
            resources: { limits: { memory: '64Mi', cpus: 0.5 } },
          },
        },
      },
      ...(o.extra ?? {}),
    },
  } as never);
}

export interface Replica {
  name: string;
  id: string;
  replica: number;
  hash: string;
  state: string;
  healthy: boolean;
}

/** The service's containers as the engine lists them, by name. */
export async function replicas(docker: Docker, p: string, service = 'web'): Promise<Replica[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${LABEL.project}=${p}`, `${LABEL.blueprintService}=${service}`] },
  });
  return list
    .map((c) => ({
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      id: c.Id,
      replica: Number(c.Labels[LABEL.number]),
      hash: c.Labels[LABEL.configHash] ?? '',
      state: c.State,
      healthy: c.State === 'running' && /\(healthy\)/.test(c.Status),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const rolloutEvents = (events: ProgressEvent[]): RolloutEvent[] => events.flatMap((e) => (e.kind === 'rollout' ? [e] : []));
