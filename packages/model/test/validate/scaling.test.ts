import { describe, expect, it } from 'vitest';
import { check, of, svc } from '../helpers';

describe('SCALING_RANGE', () => {
  it('reports min above max as an error', () => {
    const ds = of(check(`services:\n${svc('web', '    scaling:\n      min: 5\n      max: 2\n')}`), 'SCALING_RANGE');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'scaling', 'min'], elementId: 'service:web' });
  });

  it('warns about replicas outside min..max', () => {
    const ds = of(check(`services:\n${svc('web', '    replicas: 1\n    scaling:\n      min: 2\n      max: 4\n')}`), 'SCALING_RANGE');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', path: ['services', 'web', 'replicas'] });
    expect(ds[0]?.message).toBe(
      'Service "web" has replicas 1, outside its scaling range 2..4; targets without autoscaling (Compose, Swarm) run 1.',
    );
  });

  it('accepts replicas within the range', () => {
    expect(of(check(`services:\n${svc('web', '    replicas: 2\n    scaling:\n      min: 2\n      max: 4\n')}`), 'SCALING_RANGE')).toEqual(
      [],
    );
  });
});

describe('CANARY_WITHOUT_REPLICAS', () => {
  it('reports a canary strategy without canary replicas', () => {
    const ds = of(check(`services:\n${svc('web', '    replicas: 3\n    rollout:\n      strategy: canary\n')}`), 'CANARY_WITHOUT_REPLICAS');
    expect(ds.map((d) => [d.severity, d.path.join('.')])).toEqual([['error', 'services.web.rollout.strategy']]);
  });

  it('reports canary replicas not below the service replicas', () => {
    const ds = of(
      check(`services:\n${svc('web', '    replicas: 2\n    rollout:\n      strategy: canary\n      canary:\n        replicas: 2\n')}`),
      'CANARY_WITHOUT_REPLICAS',
    );
    expect(ds.map((d) => d.path.join('.'))).toEqual(['services.web.rollout.canary.replicas']);
    expect(ds[0]?.message).toContain('nothing stable would remain');
  });

  it('accepts fewer canary replicas than replicas', () => {
    expect(
      of(
        check(`services:\n${svc('web', '    replicas: 4\n    rollout:\n      strategy: canary\n      canary:\n        replicas: 1\n')}`),
        'CANARY_WITHOUT_REPLICAS',
      ),
    ).toEqual([]);
  });
});

describe('GLOBAL_WITH_REPLICAS', () => {
  it('warns about replicas and scaling on a global service', () => {
    const ds = of(
      check(`services:\n${svc('agent', '    mode: global\n    replicas: 3\n    scaling:\n      min: 1\n      max: 2\n')}`),
      'GLOBAL_WITH_REPLICAS',
    );
    expect(ds.map((d) => [d.severity, d.path.join('.')])).toEqual([
      ['warning', 'services.agent.replicas'],
      ['warning', 'services.agent.scaling'],
    ]);
  });

  it('accepts a global service with the default replicas', () => {
    const ds = check(`services:\n${svc('agent', '    mode: global\n')}`);
    expect([...of(ds, 'GLOBAL_WITH_REPLICAS'), ...of(ds, 'SCALING_RANGE')]).toEqual([]);
  });
});

describe('ROLLOUT_SETTINGS', () => {
  it('reports a rolling update that can never progress', () => {
    const ds = of(check(`services:\n${svc('web', '    rollout:\n      maxSurge: 0\n      maxUnavailable: 0\n')}`), 'ROLLOUT_SETTINGS');
    expect(ds.map((d) => [d.severity, d.path.join('.')])).toEqual([['error', 'services.web.rollout.maxUnavailable']]);
  });

  it('warns about options the strategy ignores', () => {
    const ds = of(
      check(
        `services:\n${svc('web', '    rollout:\n      strategy: recreate\n      maxSurge: 1\n      order: start-first\n      canary:\n        replicas: 1\n')}`,
      ),
      'ROLLOUT_SETTINGS',
    );
    expect(ds.map((d) => [d.severity, d.path.join('.')])).toEqual([
      ['warning', 'services.web.rollout.canary'],
      ['warning', 'services.web.rollout.maxSurge'],
      ['warning', 'services.web.rollout.order'],
    ]);
  });

  it('accepts consistent rollouts', () => {
    const ds = check(
      `services:\n${svc('a', '    rollout:\n      maxSurge: 1\n      maxUnavailable: 0\n')}${svc('b', '    rollout:\n      strategy: recreate\n')}`,
    );
    expect(of(ds, 'ROLLOUT_SETTINGS')).toEqual([]);
  });
});
