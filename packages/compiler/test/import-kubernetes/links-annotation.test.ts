import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, summary } from './helpers';

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

  it('leaves out, with a note, a link to a service the file does not hold', () => {
    const r = importKubernetes(deployment('api', '[{"to":"elsewhere"}]'));
    expect(blueprintOf(r).services.api?.links).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'The link of api to elsewhere was left out: elsewhere is not a service of this file.',
    );
  });
});
