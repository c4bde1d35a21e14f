import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { bp } from '../docker/testing';
import { type SwarmDesired, swarmDesired } from './desired';
import { swarmDangers } from './policy';
import type { SwarmDefaults } from './spec';

const defaults: SwarmDefaults = { endpointMode: 'vip', failureAction: 'rollback', monitor: '5s' };
const files: Record<string, string> = { '/base/page.html': 'hello', '/base/token': 's3cret' };
const readFile = (p: string) => {
  const f = files[p];
  if (f === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return Buffer.from(f);
};

function desired(input: Parameters<typeof bp>[0], d: Partial<SwarmDefaults> = {}, baseDir = '/base'): SwarmDesired {
  const r = swarmDesired({
    project: 'st',
    blueprint: bp(input),
    baseDir,
    defaults: { ...defaults, ...d },
    readFile,
    env: { TOKEN: 'from-env' },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const task = (s: { spec: Docker.ServiceSpec }) => s.spec.TaskTemplate as Docker.ContainerTaskSpec;

describe('swarm service specs', () => {
  const web = {
    replicas: 3,
    placement: { constraints: [{ label: 'disk', value: 'ssd' }] },
    rollout: { strategy: 'rolling' as const, maxSurge: 2, monitor: '10s' },
    ports: [{ port: 80, publish: 8080 }],
    containers: {
      init: { role: 'init' as const, image: 'busybox' },
      nginx: { image: 'nginx', restart: 'always' as const, resources: { limits: { cpus: 0.5, memory: '64Mi' } } },
      sync: { role: 'sidecar' as const, image: 'git-sync' },
    },
  };

  it('makes a pod three services, as the compiler’s swarm target does: init one-shot, helper beside the main', () => {
    const d = desired({ services: { web } });
    expect(d.services.map((s) => [s.name, s.role, s.replicas])).toEqual([
      ['st_web-init', 'init', 1],
      ['st_web', 'main', 3],
      ['st_web-sync', 'sidecar', 3],
    ]);
    const [init, main, sync] = d.services;
    expect(task(init!).RestartPolicy).toEqual({ Condition: 'none' });
    expect(init?.spec.UpdateConfig).toBeUndefined();
    expect(task(main!).RestartPolicy).toEqual({ Condition: 'any' });
    expect(task(main!).Placement).toEqual({ Constraints: ['node.labels.disk==ssd'] });
    expect(task(sync!).Placement).toEqual({ Constraints: ['node.labels.disk==ssd'] });
    expect(task(main!).Resources).toEqual({ Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 * 1024 } });
    expect(task(main!).Networks).toEqual([{ Target: 'st_default', Aliases: ['web'] }]);
    expect(task(sync!).Networks).toEqual([{ Target: 'st_default', Aliases: ['web-sync'] }]);
    expect(main?.spec.Labels).toMatchObject({
      'com.docker.stack.namespace': 'st',
      'dev.blaupause.managed': 'true',
      'dev.blaupause.element': 'container:web/nginx',
    });
    expect(task(main!).ContainerSpec?.Labels?.['dev.blaupause.managed']).toBeUndefined();
  });

  it('takes update_config from the rollout (the compiler’s decision) and fills what it leaves open', () => {
    const [, main] = desired({ services: { web } }).services;
    expect(main?.spec.UpdateConfig).toEqual({ Parallelism: 2, Order: 'start-first', FailureAction: 'rollback', Monitor: 10e9 });
    expect(main?.spec.RollbackConfig).toMatchObject({ Parallelism: 2, Order: 'start-first' });
    const plain = desired({ services: { a: { containers: { a: { image: 'x' } } } } }, { failureAction: 'pause', monitor: '3s' })
      .services[0];
    expect(plain?.spec.UpdateConfig).toEqual({ Parallelism: 1, Order: 'start-first', FailureAction: 'pause', Monitor: 3e9 });
  });

  it('uses the VIP by default and publishes through the routing mesh; dnsrr publishes in host mode; a service label overrides', () => {
    expect(desired({ services: { web } }).services[1]?.spec.EndpointSpec).toEqual({
      Mode: 'vip',
      Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
    });
    expect(desired({ services: { web } }, { endpointMode: 'dnsrr' }).services[1]?.spec.EndpointSpec).toEqual({
      Mode: 'dnsrr',
      Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }],
    });
    const labelled = { ...web, labels: { 'dev.blaupause.swarm.endpoint-mode': 'dnsrr' } };
    expect(desired({ services: { web: labelled } }).services[1]?.spec.EndpointSpec?.Mode).toBe('dnsrr');
    // Helpers publish nothing: the ports are the main's.
    expect(desired({ services: { web } }).services[2]?.spec.EndpointSpec).toEqual({ Mode: 'vip' });
  });

  it('names secrets and configs by their data, never carries the data in the spec, and a changed file is a new name', () => {
    const input = {
      configs: { page: { file: 'page.html' } },
      secrets: { token: { file: 'token' }, env: { environment: 'TOKEN' } },
      services: {
        a: {
          containers: {
            a: {
              image: 'x',
              mounts: [
                { type: 'config' as const, source: 'page', target: '/www/index.html' },
                { type: 'secret' as const, source: 'token', target: '/run/secrets/token' },
                { type: 'secret' as const, source: 'env', target: '/run/secrets/env' },
              ],
            },
          },
        },
      },
    };
    const d = desired(input);
    expect(d.data.map((x) => [x.kind, x.name.replace(/[0-9a-f]{12}$/, 'H'), x.data?.toString()])).toEqual([
      ['secret', 'st_token_H', 's3cret'],
      ['secret', 'st_env_H', 'from-env'],
      ['config', 'st_page_H', 'hello'],
    ]);
    const spec = task(d.services[0]!).ContainerSpec;
    expect(spec?.Secrets?.map((s) => [s.SecretName, s.File?.Name])).toEqual([
      [d.data[0]?.name, '/run/secrets/token'],
      [d.data[1]?.name, '/run/secrets/env'],
    ]);
    expect(JSON.stringify(d.services)).not.toMatch(/s3cret|from-env/);
    files['/base/token'] = 'rotated';
    const again = desired(input);
    files['/base/token'] = 's3cret';
    expect(again.data[0]?.name).not.toBe(d.data[0]?.name);
    expect(again.services[0]?.hash).not.toBe(d.services[0]?.hash);
  });

  it('hashes without the replica count (scaling is not an update) but with everything else', () => {
    const one = desired({ services: { a: { containers: { a: { image: 'x' } } } } }).services[0];
    const three = desired({ services: { a: { replicas: 3, containers: { a: { image: 'x' } } } } }).services[0];
    const other = desired({ services: { a: { containers: { a: { image: 'y' } } } } }).services[0];
    expect(three?.hash).toBe(one?.hash);
    expect(other?.hash).not.toBe(one?.hash);
  });

  it('notes what Swarm does otherwise: host IP, autoscaling, canary', () => {
    const [s] = desired({
      services: {
        a: {
          replicas: 2,
          scaling: { min: 1, max: 4 },
          rollout: { strategy: 'canary', canary: { replicas: 1 } },
          ports: [{ port: 80, publish: 8080, hostIp: '127.0.0.1' }],
          containers: { a: { image: 'x' } },
        },
      },
    }).services;
    expect(s?.notes).toEqual([
      'port 8080 is published on every address (Swarm cannot bind it to 127.0.0.1)',
      'no autoscaling in Swarm: 2 fixed replicas',
      'no canary in Swarm: an update replaces 1 task(s) first and pauses on failure',
    ]);
    expect(s?.spec.UpdateConfig).toMatchObject({ Parallelism: 1, FailureAction: 'pause' });
  });

  it('refuses what a Swarm service cannot carry, naming the element', () => {
    const r = swarmDesired({
      project: 'st',
      blueprint: bp({ services: { a: { containers: { a: { image: 'x', privileged: true } } } } }),
      defaults,
      readFile,
    });
    expect(r.ok ? undefined : [r.error.code, r.error.elementId]).toEqual(['UNSUPPORTED', 'container:a/a']);
    const missing = swarmDesired({
      project: 'st',
      blueprint: bp({
        secrets: { s: { file: '../etc/shadow' } },
        services: { a: { containers: { a: { image: 'x', mounts: [{ type: 'secret', source: 's', target: '/s' }] } } } },
      }),
      baseDir: '/base',
      defaults,
      readFile,
    });
    expect(missing.ok ? undefined : [missing.error.code, missing.error.elementId]).toEqual(['INVALID_BLUEPRINT', 'secret:s']);
  });

  it('finds dangerous settings in the specs, with the Docker driver’s ids and the spec’s fields', () => {
    const d = desired(
      {
        services: {
          a: {
            hostNetwork: true,
            containers: { a: { image: 'x', capAdd: ['SYS_ADMIN'], mounts: [{ type: 'bind', source: '.', target: '/host' }] } },
          },
        },
      },
      {},
      '/',
    );
    expect(swarmDangers(d, '/').map((f) => [f.id, f.field])).toEqual([
      ['host-network:container:a/a', 'TaskTemplate.Networks[].Target'],
      ['bind-root:container:a/a:/', 'TaskTemplate.ContainerSpec.Mounts[0].Source'],
      ['cap-add:container:a/a:SYS_ADMIN', 'TaskTemplate.ContainerSpec.CapabilityAdd'],
    ]);
  });
});
