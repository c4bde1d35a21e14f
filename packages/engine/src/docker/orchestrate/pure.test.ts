import { Blueprint } from '@blaupause/model';
import type { ContainerInspectInfo } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { desiredState } from '../desired';
import { LABEL } from '../labels';
import { desiredFromInspect, renumber, withImage } from './clone';
import { backoffDelay } from './heal-types';
import { deadlineMs } from './health';
import { checkPlacement } from './placement';
import { strategyOf } from './plan';

const bp = (service: Record<string, unknown>) =>
  Blueprint.parse({
    apiVersion: 'blaupause.dev/v1',
    kind: 'Blueprint',
    metadata: { name: 't' },
    services: { web: { containers: { web: { image: 'busybox:1', env: { A: '1' } } } }, ...service },
  });

describe('clone: a recipe from what the engine holds', () => {
  const info = {
    Id: 'abcdef0123456789',
    Name: '/p-web-1',
    Config: {
      Image: 'busybox:1',
      Env: ['A=1'],
      Cmd: ['sleep', '1'],
      Hostname: 'abcdef012345',
      Labels: {
        [LABEL.service]: 'web',
        [LABEL.blueprintService]: 'web',
        [LABEL.number]: '1',
        [LABEL.configHash]: 'h1',
        [LABEL.role]: 'main',
      },
    },
    HostConfig: { NetworkMode: 'p_default', Memory: 1024 },
    NetworkSettings: { Networks: { p_default: { Aliases: ['web', 'abcdef012345', 'p-web-1'] }, p_back: { Aliases: ['web'] } } },
  } as unknown as ContainerInspectInfo;

  it('keeps options, hash and service aliases; drops the engine-made hostname and short-id alias; renumbers', () => {
    const d = desiredFromInspect(info, 'p', 3);
    expect(d).toMatchObject({ name: 'p-web-3', slot: 'web#3', replica: 3, hash: 'h1', service: 'web', role: 'main' });
    expect(d.options.Labels?.[LABEL.number]).toBe('3');
    expect(d.options).not.toHaveProperty('Hostname');
    expect(d.options.NetworkingConfig).toEqual({ EndpointsConfig: { p_default: { Aliases: ['web'] } } });
    expect(d.moreNetworks).toEqual([{ name: 'p_back', aliases: ['web'] }]);
    expect(d.options.HostConfig?.Memory).toBe(1024);
    expect(renumber(d, 'p', 5)).toMatchObject({ name: 'p-web-5', slot: 'web#5', options: { Labels: { [LABEL.number]: '5' } } });
  });

  it('another image gets the hash desired.ts would give it', () => {
    const a = desiredState({ project: 'p', blueprint: bp({}) });
    const b = desiredState({
      project: 'p',
      blueprint: Blueprint.parse({ ...bp({}), services: { web: { containers: { web: { image: 'busybox:2', env: { A: '1' } } } } } }),
    });
    if (!a.ok || !b.ok) throw new Error('mapping failed');
    const main = a.value.services[0]?.mains[0];
    const want = b.value.services[0]?.mains[0];
    expect(main && withImage(main, 'busybox:2').hash).toBe(want?.hash);
    expect(main && withImage(main, 'busybox:2').hash).not.toBe(main?.hash);
  });
});

describe('placement on one engine', () => {
  const node = { hostname: 'vm', os: 'linux', arch: 'x86_64', labels: ['disk=ssd'] };
  const with_ = (constraints: unknown[]) => bp({ db: { placement: { constraints }, containers: { db: { image: 'x' } } } });
  it('holds, fails (naming the value), or cannot be decided here', () => {
    expect(
      checkPlacement(
        with_([
          { label: 'node.platform.arch', value: 'amd64' },
          { label: 'node.labels.disk', value: 'ssd' },
        ]),
        node,
      ),
    ).toEqual([]);
    expect(checkPlacement(with_([{ label: 'node.hostname', op: '!=', value: 'vm' }]), node)).toMatchObject([
      { service: 'db', elementId: 'service:db', why: 'this engine has node.hostname = "vm"' },
    ]);
    expect(checkPlacement(with_([{ label: 'node.id', value: 'x' }]), node)).toMatchObject([
      { blocking: false, why: expect.stringMatching(/not known on a single engine/) },
    ]);
    expect(checkPlacement(with_([{ label: 'node.labels.disk', value: 'hdd' }]), node)).toMatchObject([{ blocking: true }]);
  });
});

describe('rollout settings', () => {
  it('start-first with maxSurge, stop-first with maxUnavailable or when host ports are published', () => {
    const b = bp({ api: { rollout: { maxSurge: 2, maxUnavailable: 3 }, containers: { api: { image: 'x' } } } });
    expect(strategyOf(b, 'api', undefined)).toMatchObject({ order: 'start-first', parallelism: 2, strategy: 'rolling' });
    const withPorts = bp({
      api: { rollout: { maxUnavailable: 3 }, ports: [{ port: 80, publish: 8080 }], containers: { api: { image: 'x' } } },
    });
    const d = desiredState({ project: 'p', blueprint: withPorts });
    if (!d.ok) throw new Error('mapping failed');
    const main = d.value.services.find((s) => s.name === 'api')?.mains[0];
    expect(strategyOf(withPorts, 'api', main)).toMatchObject({ order: 'stop-first', parallelism: 3 });
  });

  it('deadline: monitor, else the health check’s own budget (at least 5 s), else 10 s; back-off doubles up to the cap', () => {
    expect(deadlineMs({}, '3s')).toBe(3000);
    expect(deadlineMs({ Healthcheck: { Test: ['CMD', 'true'], Interval: 2e9, Retries: 3, StartPeriod: 4e9 } })).toBe(
      4000 + 4 * 2000 + 2000,
    );
    expect(deadlineMs({ Healthcheck: { Test: ['CMD', 'true'], Interval: 1e8, Retries: 1 } })).toBe(5000);
    expect(deadlineMs({})).toBe(10_000);
    expect([1, 2, 3, 4, 9].map((n) => backoffDelay(n, { initialMs: 100, maxMs: 500 }))).toEqual([0, 100, 200, 400, 500]);
  });
});
