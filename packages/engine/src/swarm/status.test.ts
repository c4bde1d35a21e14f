import { describe, expect, it } from 'vitest';
import type { Task } from './converge';
import { taskStatuses } from './status';

const service = {
  id: 's1',
  labels: {
    'com.docker.stack.namespace': 'st',
    'dev.blaupause.service': 'web',
    'dev.blaupause.container': 'nginx',
    'dev.blaupause.element': 'container:web/nginx',
  },
  ports: ['0.0.0.0:8080->80/tcp'],
};
let n = 0;
const task = (slot: number, state: string, desired = 'running', over: Partial<Task> = {}): Task => {
  n++;
  return {
    ID: `t${n}`,
    Slot: slot,
    NodeID: 'node1',
    DesiredState: desired,
    CreatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    Spec: { ContainerSpec: { Image: 'img:1@sha256:abc' } },
    Status: {
      State: state,
      Timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      ContainerStatus: { ContainerID: `c${n}`.padEnd(64, '0') },
    },
    ...over,
  };
};

describe('tasks → container statuses', () => {
  it('one status per slot: the newest task that should run; replica = slot; the element from the service labels', () => {
    const old = task(1, 'shutdown', 'shutdown');
    const current = task(1, 'running');
    const second = task(2, 'preparing');
    const s = taskStatuses(service, [old, current, second], new Map());
    expect(s.map((x) => [x.project, x.service, x.container, x.replica, x.elementId, x.state, x.id?.slice(0, 3), x.image])).toEqual([
      ['st', 'web', 'nginx', 1, 'container:web/nginx', 'running', current.Status?.ContainerStatus?.ContainerID?.slice(0, 3), 'img:1'],
      ['st', 'web', 'nginx', 2, 'container:web/nginx', 'creating', second.Status?.ContainerStatus?.ContainerID?.slice(0, 3), 'img:1'],
    ]);
    expect(s[0]?.ports).toEqual(['0.0.0.0:8080->80/tcp']);
  });

  it('reads health from the container, and counts a slot that keeps failing as a crash loop', () => {
    const t = task(1, 'running');
    expect(taskStatuses(service, [t], new Map([[t.Status?.ContainerStatus?.ContainerID as string, 'unhealthy']]))[0]?.state).toBe(
      'unhealthy',
    );
    const failed = (code: number) =>
      task(1, 'failed', 'shutdown', {
        Status: { State: 'failed', Err: 'task: non-zero exit (1)', ContainerStatus: { ContainerID: `f${n}`, ExitCode: code } },
      });
    const loop = taskStatuses(service, [failed(1), failed(1), failed(1), task(1, 'starting')], new Map())[0];
    expect([loop?.state, loop?.restarts]).toEqual(['crash-looping', 3]);
    const exited = taskStatuses(service, [failed(2)], new Map())[0];
    expect([exited?.state, exited?.exitCode, exited?.message]).toEqual(['exited', 2, 'task: non-zero exit (1)']);
  });

  it('numbers the nodes of a global service (slot 0)', () => {
    const s = taskStatuses(
      service,
      [task(0, 'running', 'running', { NodeID: 'b' }), task(0, 'running', 'running', { NodeID: 'a' })],
      new Map(),
    );
    expect(s.map((x) => x.replica)).toEqual([1, 2]);
  });
});
