import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, example, fixture, kubernetesYaml, parseBlueprintText, summary } from './helpers';

/**
 * blueprint → Kubernetes YAML → import → Kubernetes YAML again: the two texts are equal, with no
 * normalisation. The imported blueprint may differ where the emitter writes nothing (descriptions,
 * an ambassador's role, a secret's source), which is why the texts are compared, not the blueprints.
 */
describe('round trip through the Kubernetes emitter', () => {
  const blueprints: [string, string][] = [
    ['examples/patterns.blueprint.yaml', example('patterns.blueprint.yaml')],
    ['examples/seed-compose.blueprint.yaml', example('seed-compose.blueprint.yaml')],
    ['stateful.blueprint.yaml', fixture('stateful.blueprint.yaml')],
    ['canary.blueprint.yaml', fixture('canary.blueprint.yaml')],
  ];

  it.each(blueprints)('%s compiles to the same text after an import', (_name, text) => {
    const first = kubernetesYaml(parseBlueprintText(text));
    const imported = importKubernetes(first);
    const second = kubernetesYaml(blueprintOf(imported));
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(500);
  });

  it('imports the emitter’s output of the examples without a single note', () => {
    for (const name of ['patterns.blueprint.yaml', 'seed-compose.blueprint.yaml'])
      expect(summary(importKubernetes(kubernetesYaml(parseBlueprintText(example(name)))).diagnostics)).toEqual([]);
  });

  it('recovers links, canary, segments, labels and per-replica volumes from the emitter’s conventions', () => {
    const stateful = blueprintOf(importKubernetes(kubernetesYaml(parseBlueprintText(fixture('stateful.blueprint.yaml')))));
    expect(stateful.metadata).toEqual({ name: 'stateful', labels: { team: 'platform' } });
    expect(stateful.services.api?.links).toEqual([
      { to: 'db', protocol: 'postgres', condition: 'healthy', env: 'DATABASE_URL', timeout: '60s' },
    ]);
    expect(stateful.services.api?.networks).toEqual(['backend', 'frontend']);
    expect(stateful.networks).toEqual({ backend: { internal: true }, frontend: {} });
    expect(stateful.volumes).toEqual({ pgdata: { size: '20Gi', access: 'single-writer', perReplica: true } });
    expect(stateful.services.db?.labels).toEqual({ tier: 'data' });
    const canary = blueprintOf(importKubernetes(kubernetesYaml(parseBlueprintText(fixture('canary.blueprint.yaml')))));
    expect(canary.services.shop?.rollout).toEqual({ strategy: 'canary', maxSurge: 2, canary: { replicas: 1, image: 'shop/web:2.0-rc1' } });
    expect(canary.services.shop?.replicas).toBe(4);
    expect(canary.volumes?.['external-cache']).toEqual({ access: 'single-writer', external: true });
  });

  // Foreign YAML changes shape once (defaults, names); after that, import and export agree.
  it.each(['shop.yaml', 'pods.yaml', 'workloads.yaml', 'kubectl-get.yaml'])('%s is stable after one import', (name) => {
    const once = kubernetesYaml(blueprintOf(importKubernetes(fixture(name), { file: name })));
    const twice = kubernetesYaml(blueprintOf(importKubernetes(once)));
    expect(twice).toBe(once);
  });
});
