import { describe, expect, it } from 'vitest';
import { at, emitK8s, podSpec, svc } from './testing';

const target = svc({ ports: [{ port: 5432 }] });

describe('links without a trace in the manifests', () => {
  it('travel in the blaupause.dev/links annotation of the primary workload, in link order', () => {
    const out = emitK8s({
      services: {
        db: target,
        seed: svc({}, { restart: 'no' }),
        quiet: svc(),
        api: svc({
          links: [
            { to: 'db', condition: 'healthy', env: 'DB' },
            { to: 'seed', condition: 'completed', timeout: '2m' },
            { to: 'db', required: false },
            { to: 'quiet' },
          ],
        }),
      },
    });
    const api = out.get('Deployment', 'api');
    expect(JSON.parse(at(api, 'metadata', 'annotations', 'blaupause.dev/links') as string)).toEqual([
      { to: 'seed', condition: 'completed', timeout: '2m' },
      { to: 'db', required: false },
      { to: 'quiet' },
    ]);
    // The healthy link waits and injects its variable: it needs no annotation.
    expect((podSpec(api).initContainers as { name: string }[]).map((c) => c.name)).toEqual(['wait-for-db']);
  });

  it('are not annotated when every link waits', () => {
    const out = emitK8s({
      services: { db: target, api: svc({ links: [{ to: 'db' }, { to: 'db', condition: 'healthy', env: 'DB_URL' }] }) },
    });
    expect(at(out.get('Deployment', 'api'), 'metadata', 'annotations')).toBeUndefined();
  });

  it('are annotated even when they set a variable (alone it reads as an optional link)', () => {
    const out = emitK8s({
      services: { db: target, api: svc({ links: [{ to: 'db', condition: 'completed', env: 'DB_URL', protocol: 'postgres' }] }) },
    });
    const api = out.get('Deployment', 'api');
    expect(at(api, 'metadata', 'annotations', 'blaupause.dev/links')).toBe(
      '[{"to":"db","protocol":"postgres","condition":"completed","env":"DB_URL"}]',
    );
    expect(at(podSpec(api), 'containers', 0, 'env')).toEqual([{ name: 'DB_URL', value: 'postgres://db:5432' }]);
  });

  it('are annotated on the stable Deployment only, never on the canary', () => {
    const out = emitK8s({
      services: {
        seed: svc({}, { restart: 'no' }),
        web: svc({
          replicas: 3,
          rollout: { strategy: 'canary', canary: { replicas: 1 } },
          links: [{ to: 'seed', condition: 'completed' }],
        }),
      },
    });
    expect(at(out.get('Deployment', 'web'), 'metadata', 'annotations')).toEqual({
      'blaupause.dev/links': '[{"to":"seed","condition":"completed"}]',
    });
    expect(at(out.get('Deployment', 'web-canary'), 'metadata', 'annotations')).toBeUndefined();
  });
});
