import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, kubernetesYaml, summary } from './helpers';

const job = (spec: string, pod = 'restartPolicy: Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: task
spec:
${spec}  template:
    spec:
      ${pod}
      containers:
        - name: task
          image: example/task:1
`;

describe('Jobs on import', () => {
  it('restartPolicy Never with backoffLimit 0 is restart "no", and exports as the same Job', () => {
    const r = importKubernetes(job('  backoffLimit: 0\n'));
    expect(blueprintOf(r).services.task?.containers.task?.restart).toBe('no');
    expect(summary(r.diagnostics)).toEqual([]);
    expect(kubernetesYaml(blueprintOf(r))).toMatch(/kind: Job\n[\s\S]*backoffLimit: 0[\s\S]*restartPolicy: Never/);
  });

  it('reports completions that do not run together, and Job settings the blueprint has no place for', () => {
    const r = importKubernetes(job('  completions: 5\n  ttlSecondsAfterFinished: 600\n', 'restartPolicy: OnFailure'));
    expect(blueprintOf(r).services.task?.replicas).toBe(5);
    expect(summary(r.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0.spec.completions',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.ttlSecondsAfterFinished',
    ]);
  });

  it('strips the selector and labels the Job controller wrote (kubectl get output)', () => {
    const r = importKubernetes(
      job(
        '  selector:\n    matchLabels:\n      batch.kubernetes.io/controller-uid: 0f3c\n  backoffLimit: 0\n  completionMode: NonIndexed\n  suspend: false\n',
      ).replace(
        '  template:\n    spec:',
        '  template:\n    metadata:\n      labels:\n        job-name: task\n        controller-uid: 0f3c\n    spec:',
      ),
    );
    expect(blueprintOf(r).services.task?.labels).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual(['info IMPORT_STRIPPED ']);
  });

  it('a Job whose pods a Service exposes is noted: it exports as a Deployment', () => {
    const text = `${job('  backoffLimit: 0\n').replace('  template:\n    spec:', '  template:\n    metadata:\n      labels: { app: task }\n    spec:')}---
apiVersion: v1
kind: Service
metadata:
  name: task
spec:
  selector: { app: task }
  ports:
    - port: 80
`;
    const r = importKubernetes(
      text.replace('image: example/task:1', 'image: example/task:1\n          ports:\n            - containerPort: 80'),
    );
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'Job task serves ports through a Service: the service task is a server, and is exported again as a Deployment.',
    );
  });
});
