import { describe, expect, it } from 'vitest';
import { restartPolicy, rollbackConfig, swarmConstraint, updateConfig } from './deploy';

describe('swarmConstraint', () => {
  it.each([
    [{ label: 'disk', op: '==' as const, value: 'ssd' }, 'node.labels.disk==ssd'],
    [{ label: 'zone', op: '!=' as const, value: 'edge' }, 'node.labels.zone!=edge'],
    [{ label: 'hostname', op: '==' as const, value: 'n1' }, 'node.hostname==n1'],
    [{ label: 'kubernetes.io/hostname', op: '==' as const, value: 'n1' }, 'node.hostname==n1'],
    [{ label: 'role', op: '==' as const, value: 'manager' }, 'node.role==manager'],
    [{ label: 'os', op: '==' as const, value: 'linux' }, 'node.platform.os==linux'],
    [{ label: 'node.id', op: '==' as const, value: 'abc' }, 'node.id==abc'],
    [{ label: 'engine.labels.gpu', op: '==' as const, value: 'yes' }, 'engine.labels.gpu==yes'],
  ])('%j → %s', (c, s) => {
    expect(swarmConstraint(c)).toBe(s);
  });
});

describe('updateConfig', () => {
  it('rolls start-first with maxSurge tasks at a time', () => {
    expect(updateConfig({ strategy: 'rolling', maxSurge: 2, maxUnavailable: 0, failureAction: 'rollback', monitor: '30s' })).toEqual({
      parallelism: 2,
      order: 'start-first',
      failure_action: 'rollback',
      monitor: '30s',
    });
  });

  it('rolls stop-first with maxUnavailable when no surge is allowed', () => {
    expect(updateConfig({ strategy: 'rolling', maxSurge: 0, maxUnavailable: 2 })).toEqual({ parallelism: 2, order: 'stop-first' });
  });

  it('defaults to one task at a time, start-first, and honours an explicit order', () => {
    expect(updateConfig({ strategy: 'rolling' })).toEqual({ parallelism: 1, order: 'start-first' });
    expect(updateConfig({ strategy: 'rolling', order: 'stop-first' })).toEqual({ parallelism: 1, order: 'stop-first' });
  });

  it('never writes parallelism 0 for a rolling update (0 means all at once)', () => {
    expect(updateConfig({ strategy: 'rolling', maxSurge: 0, maxUnavailable: 0 }).parallelism).toBe(1);
  });

  it('recreates every task at once, stopping first', () => {
    expect(updateConfig({ strategy: 'recreate' })).toEqual({ parallelism: 0, order: 'stop-first' });
  });

  it('updates the canary count first and pauses on failure', () => {
    expect(updateConfig({ strategy: 'canary', canary: { replicas: 2 }, monitor: '1m' })).toEqual({
      parallelism: 2,
      order: 'start-first',
      failure_action: 'pause',
      monitor: '1m',
    });
  });

  it('rolls back the way it updated', () => {
    expect(rollbackConfig({ parallelism: 2, order: 'start-first', failure_action: 'rollback' })).toEqual({
      parallelism: 2,
      order: 'start-first',
    });
  });
});

describe('restartPolicy', () => {
  it.each([
    ['no', 'none'],
    ['always', 'any'],
    ['unless-stopped', 'any'],
    ['on-failure', 'on-failure'],
  ] as const)('%s → %s', (r, condition) => {
    expect(restartPolicy(r)).toEqual({ condition });
  });

  it('leaves Swarm’s default when unset', () => {
    expect(restartPolicy(undefined)).toBeUndefined();
  });
});
