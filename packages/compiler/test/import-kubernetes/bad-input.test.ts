import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, summary } from './helpers';

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: ${name}, image: "nginx:1.27" }]${extra}
`;

// Rows K1–K3, K9–K11 of threat-model-and-faults.md §(c2), and other malformed input.
describe('importKubernetes: bad input', () => {
  it('labels reserved for the engine and for Blaupause (dev.blaupause.managed …) are dropped, each reported at its path', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: a, labels: { team: blue, dev.blaupause.managed: "true" } }
spec:
  selector: { matchLabels: { app: a } }
  template:
    metadata: { labels: { app: a, com.docker.compose.project: other, dev.blaupause.element: x } }
    spec:
      containers: [{ name: a, image: "nginx:1.27" }]
`;
    const r = importKubernetes(text);
    expect(summary(r.diagnostics)).toEqual([
      'warning IMPORT_UNSUPPORTED_KEY documents.0.metadata.labels.dev.blaupause.managed',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.template.metadata.labels.com.docker.compose.project',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.template.metadata.labels.dev.blaupause.element',
    ]);
    const labels = JSON.stringify(blueprintOf(r).services.a?.labels ?? {});
    expect(labels).not.toMatch(/dev\.blaupause|com\.docker\.compose/);
    expect(blueprintOf(r).services.a?.labels).toMatchObject({ team: 'blue' });
  });

  it('K1: skips empty documents and comments, flattens a List, and validates per document index', () => {
    const text = `# leading comment\n---\n---\napiVersion: v1\nkind: List\nitems:\n${deployment('a')
      .split('\n')
      .map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))
      .join(
        '\n',
      )}\n  - apiVersion: v1\n    metadata: { name: nokind }\n---\n# only a comment\n---\napiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec:\n  selector: { app: a }\n  ports: [{ port: 80 }]\n`;
    const r = importKubernetes(text, { file: 'k1.yaml' });
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual(['error INVALID_OBJECT documents.1.items.1.kind']);
    expect(r.diagnostics[0]?.message).toBe('Document 2, item 2 lacks kind.');
    expect(r.diagnostics[0]?.source).toEqual({ file: 'k1.yaml', line: 17, col: 5 });
  });

  it('K1: without the invalid item, the List and the later Service make one service', () => {
    const text = `---\napiVersion: v1\nkind: List\nitems:\n${deployment('a')
      .split('\n')
      .map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))
      .join(
        '\n',
      )}\n---\n---\napiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec:\n  selector: { app: a }\n  ports: [{ port: 80 }]\n`;
    const r = importKubernetes(text);
    expect(summary(r.diagnostics)).toEqual([]);
    expect(blueprintOf(r).services.a?.ports).toEqual([{ port: 80, protocol: 'tcp' }]);
  });

  it('K2: a missing apiVersion, kind or metadata.name is INVALID_OBJECT at its document', () => {
    const text = [
      'kind: ConfigMap\nmetadata: { name: c }\n',
      'apiVersion: v1\nmetadata: { name: c }\n',
      'apiVersion: v1\nkind: ConfigMap\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { generateName: c- }\n',
      '- just\n- a list\n',
    ].join('---\n');
    const r = importKubernetes(text);
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual([
      'error INVALID_OBJECT documents.0.apiVersion',
      'error INVALID_OBJECT documents.1.kind',
      'error INVALID_OBJECT documents.2.metadata.name',
      'error INVALID_OBJECT documents.3.metadata.name',
      'error INVALID_OBJECT documents.4',
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Document 1 lacks apiVersion.',
      'Document 2 lacks kind.',
      'Document 3 lacks metadata.name.',
      'Document 4 lacks metadata.name.',
      'Document 5 is not a mapping, so it is not a Kubernetes object.',
    ]);
    expect(r.diagnostics[3]?.hint).toBe(
      'metadata.generateName is not supported: a blueprint element needs a fixed name; set metadata.name.',
    );
  });

  it('K3: the same kind, namespace and name twice is DUPLICATE_OBJECT at the second', () => {
    const r = importKubernetes(
      [deployment('web'), deployment('web'), deployment('web').replace('{ name: web }', '{ name: web, namespace: other }')].join('---\n'),
    );
    expect(r.ok).toBe(false);
    // The third is another object (another namespace): imported, under a free name.
    expect(summary(r.diagnostics)).toEqual([
      'error DUPLICATE_OBJECT documents.1.metadata.name',
      'info IMPORT_APPROXIMATED documents.2.metadata.name',
      'info IMPORT_APPROXIMATED documents.2.metadata.namespace',
    ]);
    expect(r.diagnostics[0]?.message).toBe('Deployment web appears twice (document 1 and document 2).');
  });

  it('K10: Secret data that is not base64 is INVALID_BASE64, without echoing the value', () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  good: aGVsbG8=\n  wrapped: |\n    aGVs\n    bG8=\n  bad: not*base64!\n';
    const r = importKubernetes(text);
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual(['error INVALID_BASE64 documents.0.data.bad']);
    expect(r.diagnostics[0]?.message).toBe('Secret s: the value of bad is not valid base64.');
    expect(JSON.stringify(r.diagnostics)).not.toContain('not*base64!');
  });

  it('K9: a Secret copied from a cluster leaks its values nowhere, not even through last-applied-configuration', () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: db
  uid: 1234
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"password":"hunter2-in-annotation"}}'
data:
  password: aHVudGVyMi1pbi1kYXRh
stringData:
  token: hunter2-in-string-data
`;
    const r = importKubernetes(text);
    expect(summary(r.diagnostics)).toEqual(['info IMPORT_STRIPPED ', 'info IMPORT_APPROXIMATED documents.0']);
    expect(blueprintOf(r).secrets).toEqual({ db: { external: true } });
    const everything = JSON.stringify(r);
    for (const secret of ['hunter2', 'aHVudGVyMi1pbi1kYXRh']) expect(everything).not.toContain(secret);
  });

  it('K10: a ConfigMap over 1 MiB is OBJECT_TOO_LARGE', () => {
    const big = 'x'.repeat(1024 * 1024);
    const r = importKubernetes(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n  blob: ${big}\n`);
    expect(r.ok).toBe(false);
    expect(summary(r.diagnostics)).toEqual(['error OBJECT_TOO_LARGE documents.0']);
    expect(r.diagnostics[0]?.message).toBe('ConfigMap big (document 1) holds 1048580 bytes of data; a cluster accepts at most 1048576.');
  });

  it('K11: an alias bomb, deep nesting and an oversized file stop at the reader’s budgets', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: bomb }\n${levels.join('\n')}\n`;
    expect(summary(importKubernetes(bomb).diagnostics)).toEqual(['error RESOURCE_LIMIT ']);
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\ndata: ${'['.repeat(80)}${']'.repeat(80)}\n`;
    expect(summary(importKubernetes(deep).diagnostics).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['error RESOURCE_LIMIT']);
    expect(summary(importKubernetes(deployment('web'), { limits: { maxBytes: 100 } }).diagnostics)).toEqual(['error FILE_TOO_LARGE ']);
  });

  it('refuses a Compose file or a blueprint with WRONG_FORMAT, and an empty file with EMPTY_DOCUMENT', () => {
    const compose = importKubernetes('services:\n  web:\n    image: nginx\n', { file: 'compose.yaml' });
    expect(summary(compose.diagnostics)).toEqual(['error WRONG_FORMAT ']);
    expect(compose.diagnostics[0]?.hint).toBe('Import it as a Compose file.');
    const blueprint = importKubernetes('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata: { name: x }\n');
    expect(summary(blueprint.diagnostics)).toEqual(['error WRONG_FORMAT ']);
    expect(summary(importKubernetes('# nothing\n---\n').diagnostics)).toEqual(['error EMPTY_DOCUMENT ']);
  });

  it('reports values of the wrong type as SCHEMA_TYPE and a __proto__ key as FORBIDDEN_KEY', () => {
    const r = importKubernetes(deployment('web').replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector'));
    expect(summary(r.diagnostics)).toEqual(['warning SCHEMA_TYPE documents.0.spec.replicas']);
    expect(r.diagnostics[0]?.message).toBe('Deployment web (document 1): spec.replicas must be an integer; it was not imported.');
    expect(blueprintOf(r).services.web?.replicas).toBe(1);
    const proto = importKubernetes('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  __proto__: x\n');
    // Refused by the reader, before any object exists: the path is inside the document.
    expect(summary(proto.diagnostics)).toEqual(['error FORBIDDEN_KEY data.__proto__']);
  });

  it('reports Services, Ingresses and autoscalers that point at nothing imported', () => {
    const text = [
      deployment('web'),
      'apiVersion: v1\nkind: Service\nmetadata: { name: orphan }\nspec:\n  selector: { app: gone }\n  ports: [{ port: 80 }]\n',
      'apiVersion: v1\nkind: Service\nmetadata: { name: manual }\nspec:\n  ports: [{ port: 80 }]\n',
      'apiVersion: v1\nkind: Service\nmetadata: { name: alias }\nspec:\n  type: ExternalName\n  externalName: db.example.com\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: { service: { name: orphan, port: { number: 80 } } }\n',
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: h }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: gone }\n  maxReplicas: 3\n',
    ].join('---\n');
    const r = importKubernetes(text);
    expect(summary(r.diagnostics)).toEqual([
      'warning IMPORT_UNMATCHED documents.1',
      'warning IMPORT_UNMATCHED documents.2',
      'warning IMPORT_UNMATCHED documents.3',
      'warning IMPORT_UNMATCHED documents.4.spec.rules.0.http.paths.0',
      'warning IMPORT_UNMATCHED documents.5',
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Service orphan (document 2) selects no imported workload (selector app=gone); it was not imported.',
      'Service manual (document 3) has no selector (its endpoints are managed by hand); it was not imported.',
      'Service alias (document 4) is an ExternalName alias; it was not imported.',
      'Ingress i (document 5) routes to orphan port 80, which is not an imported service port; the route was not imported.',
      'HorizontalPodAutoscaler h (document 6) scales Deployment gone, which is not an imported workload; it was not imported.',
    ]);
    expect(blueprintOf(r).services.web?.ports).toBeUndefined();
  });

  it('renames a second workload that claims a taken service name, with a note', () => {
    const twin = deployment('web2').replace(
      'metadata: { name: web2 }',
      'metadata: { name: web2, labels: { app.kubernetes.io/name: web } }',
    );
    const r = importKubernetes([deployment('web'), twin].join('---\n'));
    expect(summary(r.diagnostics)).toEqual(['info IMPORT_APPROXIMATED documents.1.metadata.name']);
    expect(r.diagnostics[0]?.message).toBe('Deployment web2 (document 2) became the service web-2: another workload is named web.');
    expect(Object.keys(blueprintOf(r).services)).toEqual(['web', 'web-2']);
  });
});
