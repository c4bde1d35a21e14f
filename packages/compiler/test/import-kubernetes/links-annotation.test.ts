import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, kubernetesYaml, parseBlueprintText, summary } from './helpers';

const deployment = (name: string, annotation?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${annotation === undefined ? '' : `  annotations:\n    blaupause.dev/links: '${annotation}'\n`}spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: example/${name}:1
`;

describe('the blaupause.dev/links annotation on import', () => {
  it('draws the links again, after those from waits and variables', () => {
    const text = [deployment('seed'), deployment('api', '[{"to":"seed","condition":"completed","timeout":"2m"}]')].join('---\n');
    const r = importKubernetes(text);
    expect(blueprintOf(r).services.api?.links).toEqual([{ to: 'seed', condition: 'completed', timeout: '2m' }]);
    expect(summary(r.diagnostics).filter((d) => !d.startsWith('info'))).toEqual([]);
  });

  it('reports what is not a JSON list of links, by path, and keeps the rest', () => {
    const bad = importKubernetes([deployment('seed'), deployment('api', 'not json')].join('---\n'));
    expect(summary(bad.diagnostics)).toContain('warning IMPORT_UNSUPPORTED_KEY documents.1.metadata.annotations.blaupause.dev/links');
    const mixed = importKubernetes(
      [deployment('seed'), deployment('api', '[{"to":"seed","condition":"someday"},{"to":"seed","required":false}]')].join('---\n'),
    );
    expect(blueprintOf(mixed).services.api?.links).toEqual([{ to: 'seed', condition: 'started', required: false }]);
    expect(mixed.diagnostics.find((d) => d.code === 'IMPORT_UNSUPPORTED_KEY')?.message).toMatch(/not a link/);
  });

  it('keeps a completed link that also sets a variable, in its place among the links', () => {
    const bp = parseBlueprintText(`apiVersion: blaupause.dev/v1
kind: Blueprint
metadata: { name: app }
services:
  db: { ports: [{ port: 5432 }], containers: { db: { image: postgres:16, healthcheck: { test: { exec: [pg_isready] } } } } }
  cache: { ports: [{ port: 6379 }], containers: { redis: { image: redis:7 } } }
  api:
    links:
      - { to: db, condition: completed, env: DB_URL, protocol: postgres }
      - { to: cache, env: CACHE_URL, required: false }
      - { to: db, condition: healthy, env: DB_READY_URL }
    containers: { api: { image: example/api:1 } }
`);
    const first = kubernetesYaml(bp);
    const imported = blueprintOf(importKubernetes(first));
    expect(imported.services.api?.links).toEqual(bp.services.api?.links);
    expect(kubernetesYaml(imported)).toBe(first);
  });

  it('leaves out, with a note, a link to a service the file does not hold', () => {
    const r = importKubernetes(deployment('api', '[{"to":"elsewhere"}]'));
    expect(blueprintOf(r).services.api?.links).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'The link of api to elsewhere was left out: elsewhere is not a service of this file.',
    );
  });
});
