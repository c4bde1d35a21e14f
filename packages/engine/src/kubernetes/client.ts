import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import { FIELD_MANAGER } from './labels';
import { isClusterScoped, type KObject } from './objects';

/** An API server's answer: the JSON body and the HTTP status. */
export interface Answer {
  status: number;
  body: unknown;
}

/**
 * What the Kubernetes driver needs of a cluster, over the user's kubeconfig (its auth applied by
 * @kubernetes/client-node). Requests carry raw JSON — never the client's typed models, which drop
 * fields they do not know — so what is applied is exactly what the compiler wrote.
 */
export interface ClusterApi {
  /** The kubeconfig context in use and its server. */
  readonly context: string;
  readonly server: string;
  /** The context's namespace (else `default`): where namespaced objects without one go. */
  readonly namespace: string;
  version(): Promise<Answer>;
  /** Server-side apply as our field manager, never forced; `dryRun` asks for the server's answer only. */
  apply(o: KObject, options: { dryRun: boolean }): Promise<Answer>;
  read(o: Pick<KObject, 'apiVersion' | 'kind' | 'metadata'>): Promise<Answer>;
  list(apiVersion: string, kind: string, namespace: string | undefined, labelSelector: string): Promise<Answer>;
  /** DELETE; `Background` by default, `Foreground` keeps the object (deletionTimestamp set) until its pods are gone. */
  remove(o: Pick<KObject, 'apiVersion' | 'kind' | 'metadata'>, options?: { propagation?: 'Background' | 'Foreground' }): Promise<Answer>;
  /** Watches pods with a label selector from a resourceVersion; `done` on end or error. */
  watchPods(
    namespace: string,
    labelSelector: string,
    resourceVersion: string,
    onEvent: (type: string, pod: unknown) => void,
    done: (err?: unknown) => void,
  ): Promise<AbortController>;
  /** Streams a container's log into `sink`. */
  logs(
    namespace: string,
    pod: string,
    container: string,
    sink: Writable,
    options: { follow: boolean; tailLines?: number },
  ): Promise<AbortController>;
}

type Discovery = Map<string, { name: string; namespaced: boolean }>;

export async function createClusterApi(kc: KubeConfig): Promise<ClusterApi> {
  const k8s = await import('@kubernetes/client-node');
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`the kubeconfig context "${kc.getCurrentContext()}" names no cluster`);
  const base = new URL(cluster.server);
  const ctx = kc.getContexts().find((c) => c.name === kc.getCurrentContext());
  const namespace = ctx?.namespace ?? 'default';
  const discovery = new Map<string, Promise<Discovery>>();

  async function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
    const url = new URL(path, base);
    const opts: RequestOptions = { method, headers: { accept: 'application/json' } };
    await kc.applyToHTTPSOptions(opts);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined)
      Object.assign(opts.headers as object, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) });
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON (a proxy's HTML error page): kept as text for the message.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The resource name (plural) of a kind, from the API server's discovery, cached per group/version. */
  async function resource(apiVersion: string, kind: string): Promise<{ name: string; namespaced: boolean }> {
    let found = discovery.get(apiVersion);
    if (!found) {
      found = call('GET', apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`).then((a) => {
        const list = (a.body as { resources?: { name: string; kind: string; namespaced: boolean }[] } | undefined)?.resources ?? [];
        return new Map(list.filter((r) => !r.name.includes('/')).map((r) => [r.kind, { name: r.name, namespaced: r.namespaced }]));
      });
      discovery.set(apiVersion, found);
      found.catch(() => discovery.delete(apiVersion));
    }
    const r = (await found).get(kind);
    if (!r) throw new Error(`the cluster does not serve ${kind} in ${apiVersion}`);
    return r;
  }

  async function path(apiVersion: string, kind: string, ns: string | undefined, name?: string): Promise<string> {
    const r = await resource(apiVersion, kind);
    const group = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const scope = r.namespaced && !isClusterScoped(kind) && ns !== undefined ? `/namespaces/${encodeURIComponent(ns)}` : '';
    return `${group}${scope}/${r.name}${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  const nsOf = (o: Pick<KObject, 'metadata'>) => o.metadata.namespace ?? namespace;

  return {
    context: kc.getCurrentContext(),
    server: cluster.server,
    namespace,
    version: () => call('GET', '/version'),
    async apply(o, { dryRun }) {
      const q = new URLSearchParams({ fieldManager: FIELD_MANAGER, force: 'false' });
      if (dryRun) q.set('dryRun', 'All');
      const body = { ...o, metadata: { ...o.metadata, namespace: isClusterScoped(o.kind) ? undefined : nsOf(o) } };
      return call('PATCH', `${await path(o.apiVersion, o.kind, nsOf(o), o.metadata.name)}?${q}`, body, 'application/apply-patch+yaml');
    },
    async read(o) {
      return call('GET', await path(o.apiVersion, o.kind, nsOf(o), o.metadata.name));
    },
    async list(apiVersion, kind, ns, labelSelector) {
      return call('GET', `${await path(apiVersion, kind, ns)}?${new URLSearchParams({ labelSelector })}`);
    },
    async remove(o, options) {
      const policy = options?.propagation ?? 'Background';
      return call('DELETE', `${await path(o.apiVersion, o.kind, nsOf(o), o.metadata.name)}?propagationPolicy=${policy}`);
    },
    watchPods(ns, labelSelector, resourceVersion, onEvent, done) {
      return new k8s.Watch(kc).watch(
        `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`,
        { labelSelector, resourceVersion, allowWatchBookmarks: true },
        onEvent,
        done,
      );
    },
    logs(ns, pod, container, sink, { follow, tailLines }) {
      return new k8s.Log(kc).log(ns, pod, container, sink, { follow, timestamps: true, ...(tailLines !== undefined ? { tailLines } : {}) });
    },
  };
}

/** The kubeconfig: KUBECONFIG / ~/.kube/config (or the given file), switched to `context` when named. */
export async function loadKubeConfig(options: { kubeconfig?: string; context?: string }): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else {
    // Without any kubeconfig the client would fall back to http://localhost:8080: say what is missing instead.
    const home = join(homedir(), '.kube', 'config');
    if (!process.env.KUBECONFIG && !existsSync(home) && !process.env.KUBERNETES_SERVICE_HOST)
      throw new Error(`no kubeconfig (set KUBECONFIG or create ${home})`);
    kc.loadFromDefault();
  }
  if (options.context) {
    if (!kc.getContexts().some((c) => c.name === options.context)) throw new Error(`the kubeconfig has no context "${options.context}"`);
    kc.setCurrentContext(options.context);
  }
  return kc;
}
