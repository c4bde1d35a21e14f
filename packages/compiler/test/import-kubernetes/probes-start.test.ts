import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, summary } from './helpers';

const pod = (probes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: example/web:1
${probes}`;
const probe = (kind: string, delay?: number) =>
  `          ${kind}:\n            tcpSocket: { port: 80 }\n${delay ? `            initialDelaySeconds: ${delay}\n` : ''}            periodSeconds: 5\n`;

describe('start periods of probes on import', () => {
  it('reads the emitter form (delay on liveness only) as a start period, without a note', () => {
    const r = importKubernetes(pod(probe('readinessProbe') + probe('livenessProbe', 30)));
    expect(blueprintOf(r).services.web?.containers.web?.healthcheck).toEqual({
      test: { tcp: { port: 80 } },
      interval: '5s',
      startPeriod: '30s',
      liveness: true,
    });
    expect(summary(r.diagnostics)).toEqual([]);
  });

  it('notes a delayed readiness probe: on export the pod turns ready with the first success', () => {
    const r = importKubernetes(pod(probe('readinessProbe', 20)));
    expect(blueprintOf(r).services.web?.containers.web?.healthcheck?.startPeriod).toBe('20s');
    expect(summary(r.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0.spec.template.spec.containers.0.readinessProbe.initialDelaySeconds',
    ]);
  });
});
