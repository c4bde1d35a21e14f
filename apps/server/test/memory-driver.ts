import type { ContainerStatus, DeployPlan, Driver, LogLine, ProgressEvent, StatusEvent } from '@blaupause/engine';
import type { Blueprint } from '@blaupause/model';

/**
 * An in-memory Driver for the server's own tests of routing, validation and streaming: the seam the
 * server offers (AppDeps.driver), not a stand-in for an engine. Engine behaviour is tested against
 * a real engine in packages/engine and in the integration test.
 */
export class MemoryDriver implements Driver {
  readonly applied: string[] = [];
  private readonly watchers = new Set<(e: StatusEvent) => void>();
  /** Resolves the pending apply (lets a test keep a run busy). */
  release: () => void = () => {};
  holdApply = false;

  async info() {
    return {
      ok: true as const,
      value: {
        kind: 'docker' as const,
        endpoint: 'memory',
        version: '0',
        apiVersion: '1.47',
        os: 'linux',
        arch: 'x64',
        containersRunning: 0,
        swarm: false,
      },
    };
  }

  async plan(bp: Blueprint, { project }: { project: string }) {
    const plan: DeployPlan = {
      project,
      actions: Object.keys(bp.services).map((service) => ({ kind: 'create' as const, service, elementId: `service:${service}` })),
      resources: [],
      noop: false,
    };
    return { ok: true as const, value: plan };
  }

  async *apply(bp: Blueprint, { project }: { project: string }): AsyncIterable<ProgressEvent> {
    const plan = (await this.plan(bp, { project })).value;
    yield { kind: 'plan', plan };
    if (this.holdApply) await new Promise<void>((r) => (this.release = r));
    for (const action of plan.actions) {
      yield { kind: 'step', action, phase: 'started', at: Date.now() };
      this.emit({ kind: 'change', status: status(project, action.service, 'running') });
      yield { kind: 'step', action, phase: 'done', at: Date.now() };
    }
    this.applied.push(project);
    yield { kind: 'done', ok: true, durationMs: 1, at: Date.now() };
  }

  async *destroy(project: string): AsyncIterable<ProgressEvent> {
    yield { kind: 'done', ok: true, durationMs: 0, at: Date.now() };
    this.applied.splice(this.applied.indexOf(project), 1);
  }

  async list() {
    return { ok: true as const, value: this.applied.map((project) => ({ project, services: [], containers: 0, running: 0 })) };
  }

  async *watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent> {
    const queue: StatusEvent[] = [{ kind: 'snapshot', ...(project ? { project } : {}), containers: [], at: Date.now() }];
    let wake = () => {};
    const push = (e: StatusEvent) => {
      queue.push(e);
      wake();
    };
    this.watchers.add(push);
    signal.addEventListener('abort', () => wake(), { once: true });
    try {
      while (!signal.aborted) {
        while (queue.length > 0) yield queue.shift()!;
        await new Promise<void>((r) => (wake = r));
      }
    } finally {
      this.watchers.delete(push);
    }
  }

  async *logs(): AsyncIterable<LogLine> {
    yield { id: '1', elementId: 'container:web/web', replica: 1, stream: 'stdout', at: 0, text: 'hello' };
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  emit(e: StatusEvent): void {
    for (const w of this.watchers) w(e);
  }
}

function status(project: string, service: string, state: ContainerStatus['state']): ContainerStatus {
  return {
    project,
    service,
    container: service,
    replica: 1,
    elementId: `container:${service}/${service}`,
    state,
    restarts: 0,
    image: 'busybox',
    ports: [],
    at: Date.now(),
  };
}
