import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server standing where a Kubernetes API server would be, for the tests of what we
 * SEND (no API server can run on these machines): it records every request as the real client
 * serialised it, answers discovery, keeps objects by path, applies by replacing (no merge
 * semantics of its own: the driver's decisions are the subject, not Kubernetes'), and can be told
 * to answer a conflict for a path. Two rules of a real server are kept because the driver must
 * react to them: a Job's pod template is immutable (422 Invalid "field is immutable"), and a
 * Foreground DELETE leaves the object (with deletionTimestamp) until its dependants are gone —
 * here for `foregroundReads` GETs.
 */
export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const RESOURCES: Record<string, [kind: string, name: string, namespaced: boolean][]> = {
  '/api/v1': [
    ['Secret', 'secrets', true],
    ['Service', 'services', true],
    ['ConfigMap', 'configmaps', true],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', true],
    ['Pod', 'pods', true],
    ['Namespace', 'namespaces', false],
  ],
  '/apis/apps/v1': [
    ['Deployment', 'deployments', true],
    ['StatefulSet', 'statefulsets', true],
  ],
  '/apis/batch/v1': [
    ['Job', 'jobs', true],
    ['CronJob', 'cronjobs', true],
  ],
  '/apis/networking.k8s.io/v1': [
    ['Ingress', 'ingresses', true],
    ['NetworkPolicy', 'networkpolicies', true],
  ],
  '/apis/autoscaling/v2': [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true]],
};

export class FakeApiServer {
  readonly requests: Recorded[] = [];
  readonly objects = new Map<string, Record<string, unknown>>();
  /** Paths whose apply answers 409 with a FieldManagerConflict naming this manager and field. */
  readonly conflicts = new Map<string, { manager: string; field: string }>();
  /** Paths whose apply answers 422 Invalid with this message (an immutable field of any kind). */
  readonly invalid = new Map<string, string>();
  /** GETs a Foreground-deleted object still answers (deletionTimestamp set) before it is gone. */
  foregroundReads = 2;
  private readonly terminating = new Map<string, number>();
  private server: Server | undefined;
  private rv = 1;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const text = Buffer.concat(chunks).toString('utf8');
        const body = text ? JSON.parse(text) : undefined;
        this.requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body });
        const [status, answer] = this.answer(req.method ?? '', url, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** A kubeconfig pointing at this server with a bearer token. */
  kubeconfig(namespace = 'team'): string {
    return JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      // Plain HTTP on loopback: the client allows it only with TLS verification off, as for any http server.
      clusters: [{ name: 'fake', cluster: { server: this.url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'me', user: { token: 'secret-token' } }],
      contexts: [{ name: 'fake-ctx', context: { cluster: 'fake', user: 'me', namespace } }],
      'current-context': 'fake-ctx',
    });
  }

  writes(): Recorded[] {
    return this.requests.filter(
      (r) =>
        (r.method === 'PATCH' && r.query.get('dryRun') !== 'All') || r.method === 'DELETE' || r.method === 'POST' || r.method === 'PUT',
    );
  }

  put(path: string, o: Record<string, unknown>): void {
    this.objects.set(path, { ...o, metadata: { ...(o.metadata as object), resourceVersion: String(this.rv++) } });
  }

  private answer(method: string, url: URL, body: unknown): [number, unknown] {
    const p = url.pathname;
    if (method === 'GET' && p === '/version') return [200, { gitVersion: 'v1.33.1', platform: 'linux/amd64' }];
    if (method === 'GET' && RESOURCES[p])
      return [200, { kind: 'APIResourceList', resources: RESOURCES[p].map(([kind, name, namespaced]) => ({ kind, name, namespaced })) }];
    const notFound: [number, unknown] = [404, { kind: 'Status', code: 404, reason: 'NotFound', message: `${p} not found` }];
    if (method === 'GET') {
      const left = this.terminating.get(p);
      if (left !== undefined) {
        if (left <= 0) {
          this.terminating.delete(p);
          this.objects.delete(p);
        } else this.terminating.set(p, left - 1);
      }
      const one = this.objects.get(p);
      if (one) return [200, one];
      const selector = url.searchParams.get('labelSelector');
      if (selector === null) return notFound;
      const [k, v] = selector.split('=') as [string, string | undefined];
      const items = [...this.objects.entries()]
        .filter(([path]) => path.startsWith(`${p}/`) && !path.slice(p.length + 1).includes('/'))
        .map(([, o]) => o)
        .filter((o) => {
          const labels = ((o.metadata as { labels?: Record<string, string> }).labels ?? {}) as Record<string, string>;
          return v === undefined ? k in labels : labels[k] === v;
        });
      return [200, { kind: 'List', metadata: { resourceVersion: String(this.rv) }, items }];
    }
    if (method === 'PATCH') {
      const c = this.conflicts.get(p);
      if (c)
        return [
          409,
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            code: 409,
            reason: 'Conflict',
            message: `Apply failed with 1 conflict: conflict with "${c.manager}" using apps/v1: ${c.field}`,
            details: {
              causes: [{ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using apps/v1`, field: c.field }],
            },
          },
        ];
      const o = body as Record<string, unknown>;
      const refusal = this.invalid.get(p);
      if (refusal)
        return [
          422,
          { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 422, reason: 'Invalid', message: refusal, details: { causes: [] } },
        ];
      const live = this.objects.get(p);
      const template = (x: Record<string, unknown> | undefined) =>
        JSON.stringify((x?.spec as { template?: unknown } | undefined)?.template);
      if (p.includes('/jobs/') && live && !this.terminating.has(p) && template(live) !== template(o))
        return [
          422,
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            code: 422,
            reason: 'Invalid',
            message: `Job.batch "${(o.metadata as { name: string }).name}" is invalid: spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable`,
            details: {
              causes: [
                {
                  reason: 'FieldValueInvalid',
                  message: 'Invalid value: core.PodTemplateSpec{…}: field is immutable',
                  field: 'spec.template',
                },
              ],
            },
          },
        ];
      const stored = { ...o, metadata: { ...(o.metadata as object), resourceVersion: String(this.rv + 1), uid: 'u' } };
      if (url.searchParams.get('dryRun') === 'All') {
        // An unchanged apply answers the live object as it is (as a real server does).
        if (
          live &&
          JSON.stringify({ ...live, metadata: { ...(live.metadata as object), resourceVersion: '' } }) ===
            JSON.stringify({ ...stored, metadata: { ...stored.metadata, resourceVersion: '' } })
        )
          return [200, live];
        return [200, stored];
      }
      this.rv++;
      this.objects.set(p, stored);
      return [200, stored];
    }
    if (method === 'DELETE') {
      const one = this.objects.get(p);
      if (!one) return notFound;
      if (url.searchParams.get('propagationPolicy') === 'Foreground' && this.foregroundReads > 0) {
        this.objects.set(p, { ...one, metadata: { ...(one.metadata as object), deletionTimestamp: new Date().toISOString() } });
        this.terminating.set(p, this.foregroundReads);
        return [200, this.objects.get(p)];
      }
      this.objects.delete(p);
      return [200, { kind: 'Status', status: 'Success', code: 200 }];
    }
    return [405, { kind: 'Status', code: 405 }];
  }
}
