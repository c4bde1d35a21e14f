import type { BlueprintInput } from '@blaupause/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueprint, cleanup, collect, containerIds, counted, driver, engine, errorsOf, IMAGE, project, succeeded } from '../docker/harness';

/**
 * Dangerous blueprints on the real engine (issue 5): each case is refused without an itemised
 * acknowledgement — with zero mutating engine calls and nothing created — and deployed with one.
 */
const c = counted();
const d = driver(c.docker);
const projects: string[] = [];
const fresh = (name: string) => {
  const p = project(name);
  projects.push(p);
  return p;
};

beforeAll(engine, 60_000);
afterAll(async () => {
  for (const p of projects) await cleanup(c.docker, p);
});

type Services = BlueprintInput['services'];
const sleeper = { image: IMAGE, command: ['sleep', '3600'] };

const CASES: {
  name: string;
  services: Services;
  baseDir?: string;
  ids: string[];
  check: (i: Inspect) => void;
  /** An engine without every capability itself (a container-in-container CI) creates it but cannot start it. */
  startMayFail?: boolean;
}[] = [
  {
    name: 'privileged',
    services: { web: { containers: { main: { ...sleeper, privileged: true } } } },
    ids: ['privileged:container:web/main'],
    startMayFail: true,
    check: (i) => expect(i.HostConfig.Privileged).toBe(true),
  },
  {
    name: 'host network',
    services: { web: { hostNetwork: true, containers: { main: sleeper } } },
    ids: ['host-network:container:web/main'],
    check: (i) => expect(i.HostConfig.NetworkMode).toBe('host'),
  },
  {
    name: 'docker.sock bind',
    services: {
      web: { containers: { main: { ...sleeper, mounts: [{ type: 'bind', source: 'docker.sock', target: '/sock', readOnly: true }] } } },
    },
    baseDir: '/var/run',
    ids: ['bind-engine-socket:container:web/main:/var/run/docker.sock'],
    check: (i) => expect(i.Mounts.map((m) => m.Source)).toContain('/var/run/docker.sock'),
  },
  {
    name: '/ bind',
    services: { web: { containers: { main: { ...sleeper, mounts: [{ type: 'bind', source: '/', target: '/host', readOnly: true }] } } } },
    baseDir: '/',
    ids: ['bind-root:container:web/main:/'],
    check: (i) => expect(i.Mounts.map((m) => m.Source)).toContain('/'),
  },
];

interface Inspect {
  HostConfig: { Privileged?: boolean; NetworkMode?: string };
  Mounts: { Source: string }[];
}

describe('Docker driver: dangerous settings need an itemised acknowledgement', () => {
  for (const k of CASES) {
    it(`${k.name}: plan names it; apply without acknowledgement creates nothing; with it, deploys`, async () => {
      const P = fresh(k.name.replace(/[^a-z]+/g, ''));
      const bp = blueprint({ services: k.services });
      const base = { project: P, ...(k.baseDir ? { baseDir: k.baseDir } : {}) };

      const plan = await d.plan(bp, base);
      expect(plan.ok && plan.value.dangers?.map((f) => f.id)).toEqual(k.ids);

      c.reset();
      const refused = await collect(d.apply(bp, base));
      expect(errorsOf(refused)).toEqual([expect.objectContaining({ code: 'DANGEROUS_SETTINGS', dangers: expect.any(Array) })]);
      expect(errorsOf(refused)[0]?.dangers?.map((f) => f.id)).toEqual(k.ids);
      expect(c.mutating()).toEqual([]);
      expect(await containerIds(c.docker, P)).toEqual({});

      // A wrong or partial acknowledgement is no acknowledgement.
      const other = await collect(d.apply(bp, { ...base, acknowledge: ['privileged:container:other/main'] }));
      expect(errorsOf(other).map((e) => e.code)).toEqual(['DANGEROUS_SETTINGS']);
      expect(c.mutating()).toEqual([]);

      const accepted = await collect(d.apply(bp, { ...base, acknowledge: k.ids }));
      // Accepted: past the gate, the engine got exactly what was acknowledged.
      expect(errorsOf(accepted).map((e) => e.code)).not.toContain('DANGEROUS_SETTINGS');
      if (!k.startMayFail) expect(succeeded(accepted)).toBe(true);
      else expect(errorsOf(accepted).every((e) => e.code === 'ENGINE_ERROR' && /^Starting /.test(e.message))).toBe(true);
      const id = (await containerIds(c.docker, P))[`${P}-web-1`] as string;
      expect(id).toBeTruthy();
      k.check((await c.docker.getContainer(id).inspect()) as unknown as Inspect);
    }, 60_000);
  }

  it('two dangers: acknowledging one of them is refused, naming the other', async () => {
    const P = fresh('two');
    const bp = blueprint({ services: { web: { hostNetwork: true, containers: { main: { ...sleeper, capAdd: ['SYS_ADMIN'] } } } } });
    c.reset();
    const events = await collect(d.apply(bp, { project: P, acknowledge: ['host-network:container:web/main'] }));
    expect(errorsOf(events).flatMap((e) => e.dangers?.map((f) => f.id) ?? [])).toEqual(['cap-add:container:web/main:SYS_ADMIN']);
    expect(c.mutating()).toEqual([]);
    expect(await containerIds(c.docker, P)).toEqual({});
  }, 30_000);

  it('a plain blueprint needs no acknowledgement', async () => {
    const P = fresh('plain');
    const bp = blueprint({ services: { web: { containers: { main: sleeper } } } });
    const plan = await d.plan(bp, { project: P });
    expect(plan.ok && plan.value.dangers).toEqual([]);
    expect(succeeded(await collect(d.apply(bp, { project: P })))).toBe(true);
  }, 30_000);
});
