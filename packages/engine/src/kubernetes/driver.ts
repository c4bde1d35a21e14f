import { PassThrough } from 'node:stream';
import type { Blueprint } from '@blaupause/model';
import { ProjectLock } from '../lock';
import { dangerousSettingsError, unacknowledged } from '../policy';
import type {
  DeploymentSummary,
  DeployOptions,
  DeployPlan,
  DestroyOptions,
  Driver,
  EngineError,
  EngineInfo,
  LogLine,
  LogOptions,
  ProgressEvent,
  Result,
  StatusEvent,
} from '../types';
import { type ClusterApi, createClusterApi, loadKubeConfig } from './client';
import { conflictError } from './conflicts';
import { APPLYSET_GROUP_KINDS, applySetParentName, PROJECT_LABEL } from './labels';
import { groupKind, type KObject } from './objects';
import { elementOf } from './plan';
import { apiError, type Prepared, prepare, statusMessage } from './prepare';
import { watchPods } from './watch';

export interface KubernetesDriverOptions {
  /** A kubeconfig file; default KUBECONFIG or ~/.kube/config. */
  kubeconfig?: string;
  /** A context of the kubeconfig; default its current context. */
  context?: string;
  /** Namespace for the project's objects; default the context's namespace, else `default`. */
  namespace?: string;
  /** Kubernetes version the manifests are written for (native sidecars from 1.29). */
  kubernetesVersion?: string;
  /** The cluster connection, injected (tests); made from the kubeconfig when absent. */
  api?: ClusterApi;
}

/**
 * A Kubernetes cluster as a deploy target (issue 6): server-side apply of the compiler's manifests
 * under our own field manager, a plan that is the server's dry-run answer, ApplySet pruning of
 * objects we made and the blueprint no longer has, conflicts shown (never forced), status from a
 * pod watch. Constructing it reads no kubeconfig and connects to nothing.
 */
export class KubernetesDriver implements Driver {
  private connection: Promise<Result<ClusterApi>> | undefined;
  private readonly lock = new ProjectLock({
    toError: (e) => ({ code: 'ENGINE_ERROR', message: (e as Error).message ?? String(e) }),
  });

  constructor(private readonly options: KubernetesDriverOptions = {}) {}

  private api(): Promise<Result<ClusterApi>> {
    if (this.options.api) return Promise.resolve({ ok: true, value: this.options.api });
    this.connection ??= loadKubeConfig(this.options)
      .then(createClusterApi)
      .then(
        (value) => ({ ok: true as const, value }),
        (e: Error) => {
          this.connection = undefined;
          return { ok: false as const, error: unreachable(e.message) };
        },
      );
    return this.connection;
  }

  private compileOptions() {
    return {
      ...(this.options.namespace ? { namespace: this.options.namespace } : {}),
      ...(this.options.kubernetesVersion ? { kubernetesVersion: this.options.kubernetesVersion } : {}),
    };
  }

  async info(): Promise<Result<EngineInfo>> {
    const api = await this.api();
    if (!api.ok) return api;
    const v = await api.value.version().catch((e: Error) => ({ status: 0, body: e.message }));
    if (v.status !== 200) return { ok: false, error: unreachable(`${api.value.server}: ${statusMessage(v)}`) };
    const body = v.body as { gitVersion?: string; platform?: string };
    const [os = 'linux', arch = ''] = (body.platform ?? '').split('/');
    return {
      ok: true,
      value: {
        kind: 'kubernetes',
        endpoint: `${api.value.context} (${api.value.server})`,
        version: body.gitVersion ?? '?',
        apiVersion: 'v1',
        os,
        arch,
        containersRunning: 0,
        swarm: false,
      },
    };
  }

  async plan(bp: Blueprint, options: DeployOptions): Promise<Result<DeployPlan>> {
    const api = await this.api();
    if (!api.ok) return api;
    const p = await guarded(() => prepare(api.value, bp, options.project, this.compileOptions()));
    return p.ok ? { ok: true, value: p.value.plan } : p;
  }

  apply(bp: Blueprint, options: DeployOptions): AsyncIterable<ProgressEvent> {
    return this.lock.run(options.project, (emit) => collect(this.applyPrepared(bp, options), emit));
  }

  private async *applyPrepared(bp: Blueprint, options: DeployOptions): AsyncIterable<ProgressEvent> {
    const api = await this.api();
    if (!api.ok) return yield errorEvent(api.error);
    const prepared = await guarded(() => prepare(api.value, bp, options.project, this.compileOptions()));
    if (!prepared.ok) return yield errorEvent(prepared.error);
    const p: Prepared = prepared.value;
    yield { kind: 'plan', plan: p.plan };
    const missing = unacknowledged(p.plan.dangers ?? [], options.acknowledge);
    if (missing.length) return yield errorEvent(dangerousSettingsError(missing));
    // Nothing is written while any object would conflict or be refused: a half-applied project is worse.
    for (const c of p.conflicts)
      yield errorEvent(conflictError(c.object.kind, c.object.metadata.name, elementOf(c.object).elementId, c.conflicts));
    for (const r of p.refused)
      yield errorEvent({
        code: 'ENGINE_ERROR',
        message: `${r.object.kind} ${r.object.metadata.name}: ${r.message}`,
        elementId: elementOf(r.object).elementId,
      });
    if (p.conflicts.length || p.refused.length) return;
    if (p.plan.noop) return;

    // KEP-3659: the parent lists the union of old and new kinds before members change, the exact set after pruning.
    const parent = await api.value.apply(p.parent, { dryRun: false });
    if (parent.status >= 300) return yield errorEvent(apiError(parent, `Writing the ApplySet parent of ${options.project}`));
    for (const [i, o] of p.desired.entries()) {
      if (options.signal?.aborted)
        return yield errorEvent({ code: 'CANCELLED', message: 'Cancelled; what was applied stays (and is ours).' });
      const action = p.plan.actions[i];
      if (!action || action.kind === 'unchanged') continue;
      yield { kind: 'step', action, phase: 'started', at: Date.now() };
      if (action.kind === 'recreate') {
        const gone = await replaceObject(api.value, o, options.signal);
        if (gone) {
          yield { kind: 'step', action, phase: 'failed', message: gone.message, at: Date.now() };
          return yield errorEvent({ ...gone, elementId: action.elementId });
        }
      }
      const r = await api.value.apply(o, { dryRun: false });
      if (r.status >= 300) {
        yield { kind: 'step', action, phase: 'failed', message: statusMessage(r), at: Date.now() };
        return yield errorEvent({ ...apiError(r, `${o.kind} ${o.metadata.name}`), elementId: action.elementId });
      }
      yield { kind: 'step', action, phase: 'done', at: Date.now() };
    }
    for (const d of p.prune) {
      const action = { kind: 'remove' as const, ...elementOf(d.object), reason: `${groupKind(d.object)} ${d.object.metadata.name}` };
      yield { kind: 'step', action, phase: 'started', at: Date.now() };
      const r = await api.value.remove(d.object);
      const ok = r.status < 300 || r.status === 404;
      yield { kind: 'step', action, phase: ok ? 'done' : 'failed', ...(ok ? {} : { message: statusMessage(r) }), at: Date.now() };
      if (!ok) return yield errorEvent(apiError(r, `Pruning ${action.reason}`));
    }
    const exact = [...new Set(p.desired.map(groupKind))].sort().join(',');
    const annotations = { ...p.parent.metadata.annotations, [APPLYSET_GROUP_KINDS]: exact };
    await api.value.apply({ ...p.parent, metadata: { ...p.parent.metadata, annotations } }, { dryRun: false });
  }

  destroy(project: string, _options: DestroyOptions = {}): AsyncIterable<ProgressEvent> {
    return this.lock.run(project, (emit) => collect(this.destroyAll(project), emit));
  }

  private async *destroyAll(project: string): AsyncIterable<ProgressEvent> {
    const api = await this.api();
    if (!api.ok) return yield errorEvent(api.error);
    // An empty blueprint: everything of the set is pruned, nothing else is touched.
    const empty = { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: project }, services: {} } as unknown as Blueprint;
    const prepared = await guarded(() => prepare(api.value, empty, project, this.compileOptions()));
    if (!prepared.ok) return yield errorEvent(prepared.error);
    let ok = true;
    for (const d of prepared.value.prune) {
      const action = { kind: 'remove' as const, ...elementOf(d.object), reason: `${groupKind(d.object)} ${d.object.metadata.name}` };
      const r = await api.value.remove(d.object);
      const fine = r.status < 300 || r.status === 404;
      ok &&= fine;
      yield { kind: 'step', action, phase: fine ? 'done' : 'failed', ...(fine ? {} : { message: statusMessage(r) }), at: Date.now() };
      if (!fine) yield errorEvent(apiError(r, `Removing ${action.reason}`));
    }
    if (ok) await api.value.remove(prepared.value.parent);
  }

  async list(): Promise<Result<DeploymentSummary[]>> {
    const api = await this.api();
    if (!api.ok) return api;
    const ns = this.options.namespace ?? api.value.namespace;
    const r = await api.value.list('v1', 'Secret', ns, PROJECT_LABEL).catch((e: Error) => ({ status: 0, body: e.message }));
    if (r.status !== 200) return { ok: false, error: apiError(r, 'Listing deployments') };
    const parents = ((r.body as { items?: KObject[] }).items ?? []).filter(
      (s) => s.metadata.name === applySetParentName(s.metadata.labels?.[PROJECT_LABEL] ?? ''),
    );
    return {
      ok: true,
      value: parents.map((s) => ({
        project: s.metadata.labels?.[PROJECT_LABEL] ?? s.metadata.name,
        services: [],
        containers: 0,
        running: 0,
      })),
    };
  }

  async *watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent> {
    const api = await this.api();
    if (!api.ok) return yield { kind: 'engine', connected: false, message: api.error.message, at: Date.now() };
    yield* watchPods(api.value, this.options.namespace ?? api.value.namespace, project, signal);
  }

  async *logs(options: LogOptions): AsyncIterable<LogLine> {
    const api = await this.api();
    if (!api.ok) return;
    const ns = this.options.namespace ?? api.value.namespace;
    const selector = `${PROJECT_LABEL}=${options.project},app.kubernetes.io/name=${options.service}`;
    const pods = await api.value.list('v1', 'Pod', ns, selector);
    const items = (
      (pods.body as { items?: { metadata: { name: string }; spec?: { containers?: { name: string }[] } }[] }).items ?? []
    ).slice(0, 1);
    for (const pod of items) {
      const container = options.container ?? pod.spec?.containers?.[0]?.name ?? options.service;
      const sink = new PassThrough();
      const abort = await api.value.logs(ns, pod.metadata.name, container, sink, {
        follow: options.follow ?? false,
        ...(options.tail !== undefined ? { tailLines: options.tail } : {}),
      });
      options.signal?.addEventListener('abort', () => {
        abort.abort();
        sink.end();
      });
      let n = 0;
      let rest = '';
      for await (const chunk of sink) {
        const lines = (rest + String(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          const space = line.indexOf(' ');
          const at = Date.parse(line.slice(0, space));
          yield {
            id: `${pod.metadata.name}/${container}/${n++}`,
            elementId: `container:${options.service}/${container}`,
            replica: 1,
            stream: 'stdout',
            at: Number.isNaN(at) ? Date.now() : at,
            text: Number.isNaN(at) ? line : line.slice(space + 1),
          };
        }
      }
    }
  }
}

export function createKubernetesDriver(options: KubernetesDriverOptions = {}): KubernetesDriver {
  return new KubernetesDriver(options);
}

function unreachable(message: string): EngineError {
  return {
    code: 'ENGINE_UNREACHABLE',
    message: `No Kubernetes API server: ${message}`,
    hint: 'Check the kubeconfig (KUBECONFIG, ~/.kube/config) and its context: `kubectl config current-context`, `kubectl version`.',
  };
}

async function guarded<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (e) {
    const message = (e as Error).message;
    if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|socket hang up/.test(message)) return { ok: false, error: unreachable(message) };
    return { ok: false, error: { code: 'ENGINE_ERROR', message } };
  }
}

/** How long a replaced object may take to go (its pods stop first: Foreground deletion). */
export const REPLACE_TIMEOUT_MS = 120_000;

/**
 * Deletes `o` with Foreground propagation and waits until the server no longer has it (its pods
 * gone), so that the apply after it creates a new object rather than touching one being deleted.
 * An error when the delete is refused, the object outlives REPLACE_TIMEOUT_MS, or the run is cancelled.
 */
async function replaceObject(api: ClusterApi, o: KObject, signal: AbortSignal | undefined): Promise<EngineError | undefined> {
  const what = `${o.kind} ${o.metadata.name}`;
  const r = await api.remove(o, { propagation: 'Foreground' });
  if (r.status >= 300 && r.status !== 404) return apiError(r, `Deleting ${what} to create it again`);
  const deadline = Date.now() + REPLACE_TIMEOUT_MS;
  for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
    const now = await api.read(o);
    if (now.status === 404) return undefined;
    if (now.status !== 200) return apiError(now, `Reading ${what} while it is deleted`);
    if (signal?.aborted)
      return { code: 'CANCELLED', message: `Cancelled while ${what} was being deleted; it is gone or going, nothing was created.` };
    if (Date.now() > deadline)
      return {
        code: 'ENGINE_ERROR',
        message: `${what} was still being deleted after ${REPLACE_TIMEOUT_MS / 1000} s; it was not created again.`,
        hint: `Look at its pods and finalizers (kubectl get ${o.kind.toLowerCase()} ${o.metadata.name} -o yaml), then deploy again.`,
      };
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const errorEvent = (error: EngineError): ProgressEvent => ({ kind: 'error', error, at: Date.now() });

/** Runs an operation's events through the project lock: progress passes on, errors are returned (the lock reports them before `done`). */
async function collect(events: AsyncIterable<ProgressEvent>, emit: (e: ProgressEvent) => void): Promise<EngineError[]> {
  const errors: EngineError[] = [];
  for await (const e of events) {
    if (e.kind === 'error') errors.push(e.error);
    else emit(e);
  }
  return errors;
}
