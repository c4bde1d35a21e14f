import type { IncomingMessage } from 'node:http';
import type { ContainerEvent, EventAction } from '../docker/status/events';
import { factsOf, type InspectInfo, trackedOf } from '../docker/status/inspect';
import { ndjsonSplitter } from '../docker/status/ndjson';
import { applyEvent, type Tracked } from '../docker/status/state';
import type { ContainerStatus, StatusEvent } from '../types';
import type { PodmanApi } from './api';
import { containerOf, ownedFilter, PLABEL } from './labels';

/**
 * watch() of the podman-kube driver: subscribe to libpod's event stream (our labels: Podman copies
 * the pod's labels onto its containers), snapshot the containers, then apply each event with the
 * Docker driver's state machine (docker/status/state.ts). Podman's actions are mapped to Docker's
 * (`died` → die, `remove` → destroy, `health_status` + attribute → healthy/unhealthy). A container's
 * element is `container:<service>/<name in the pod>`. Stream lost → one `engine` disconnected
 * event, retry with back-off, fresh snapshot.
 */
const ACTIONS: Record<string, EventAction> = { create: 'create', start: 'start', died: 'die', kill: 'kill', remove: 'destroy' };

interface RawEvent {
  Type?: string;
  Action?: string;
  timeNano?: number;
  time?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export function parsePodmanEvent(raw: unknown): { ev: ContainerEvent; labels: Record<string, string>; name: string } | undefined {
  const r = raw as RawEvent;
  if (r?.Type !== 'container' || !r.Actor?.ID) return undefined;
  const a = r.Actor.Attributes ?? {};
  let action: EventAction | undefined = ACTIONS[r.Action ?? ''];
  if (r.Action === 'health_status')
    action = a.health_status === 'healthy' ? 'healthy' : a.health_status === 'unhealthy' ? 'unhealthy' : undefined;
  if (!action) return undefined;
  const t = typeof r.timeNano === 'number' ? r.timeNano : (r.time ?? 0) * 1e9;
  const name = a.name ?? '';
  const ev: ContainerEvent = { id: r.Actor.ID, action, identity: identity(a, name), image: a.image ?? '', t };
  if (action === 'die') {
    const code = Number.parseInt(a.containerExitCode ?? '', 10);
    if (Number.isFinite(code)) ev.exitCode = code;
  }
  return { ev, labels: a, name };
}

export function identity(labels: Record<string, string>, name: string): ContainerEvent['identity'] {
  const service = labels[PLABEL.service] ?? '';
  const container = containerOf(name, labels[PLABEL.pod] ?? '');
  return { project: labels[PLABEL.project] ?? '', service, container, replica: 1, elementId: `container:${service}/${container}` };
}

/**
 * Podman's inspect always has `State.Health` (empty Status without a health check) and puts the
 * check in `Config.Healthcheck`; the Docker reader takes any Health for a health check.
 */
export function normalise<T extends InspectInfo>(info: T): T {
  const health = info.State?.Health;
  if (info.State && health && !health.Status) {
    const { Health: _drop, ...state } = info.State;
    return { ...info, State: state };
  }
  return info;
}

function withIdentity(t: Tracked, labels: Record<string, string>, name: string): Tracked {
  return { ...t, status: { ...t.status, ...identity(labels, name) } };
}

export async function* watchPodman(api: PodmanApi, project: string | undefined, signal: AbortSignal): AsyncGenerator<StatusEvent> {
  const label = project === undefined ? [`${PLABEL.managed}=true`] : ownedFilter(project);
  let backoff = 250;
  // True until an outage was announced: a first connection that fails is an outage too.
  let connected = true;
  while (!signal.aborted) {
    let res: IncomingMessage | undefined;
    try {
      res = await api.stream('GET', '/events', { query: { stream: true, filters: { type: ['container'], label } }, signal });
      const queue: unknown[] = [];
      let wake: (() => void) | undefined;
      let ended = false;
      const split = ndjsonSplitter();
      res.on('data', (c: Buffer) => {
        queue.push(...split.push(c));
        wake?.();
      });
      const finish = () => {
        ended = true;
        wake?.();
      };
      res.on('end', finish);
      res.on('error', finish);
      res.on('close', finish);
      const tracked = new Map<string, Tracked>();
      const snapshot: ContainerStatus[] = [];
      const list =
        (await api.get<{ Id: string; IsInfra?: boolean }[] | null>('/containers/json', { all: true, filters: { label } }, signal)) ?? [];
      for (const c of list) {
        if (c.IsInfra) continue;
        const info = await api.get<InspectInfo & { Name?: string }>(`/containers/${c.Id}/json`, undefined, signal).catch(() => undefined);
        if (!info) continue;
        const t = withIdentity(trackedOf(normalise(info)), info.Config?.Labels ?? {}, info.Name ?? '');
        tracked.set(c.Id, t);
        snapshot.push(t.status);
      }
      connected = true;
      backoff = 250;
      yield { kind: 'engine', connected: true, at: Date.now() };
      yield { kind: 'snapshot', ...(project !== undefined ? { project } : {}), containers: snapshot, at: Date.now() };
      while (!signal.aborted) {
        if (queue.length === 0) {
          if (ended) break;
          await new Promise<void>((r) => {
            wake = r;
          });
          wake = undefined;
          continue;
        }
        const p = parsePodmanEvent(queue.shift());
        if (!p) continue;
        // Podman 4.3 ORs several label filters on the event stream: other projects' events arrive
        // too, and are dropped here (a watch of one project shows that project only).
        if (p.labels[PLABEL.managed] !== 'true' || (project !== undefined && p.labels[PLABEL.project] !== project)) continue;
        const prev = tracked.get(p.ev.id);
        let facts: ReturnType<typeof factsOf> | undefined;
        if (p.ev.action === 'start' || p.ev.action === 'die' || p.ev.action === 'create') {
          const info = await api.get<InspectInfo>(`/containers/${p.ev.id}/json`, undefined, signal).catch(() => undefined);
          if (info) facts = factsOf(normalise(info));
        }
        const step = applyEvent(prev, p.ev, facts);
        if (step.next) tracked.set(p.ev.id, withIdentity(step.next, p.labels, p.name));
        else tracked.delete(p.ev.id);
        if (step.emit) yield { kind: 'change', status: { ...step.emit, ...identity(p.labels, p.name) } };
      }
    } catch {
      // fall through to the reconnect below
    } finally {
      res?.destroy();
    }
    if (signal.aborted) return;
    if (connected) {
      connected = false;
      yield { kind: 'engine', connected: false, message: `lost Podman's event stream at ${api.endpoint}`, at: Date.now() };
    }
    await new Promise<void>((r) => {
      const t = setTimeout(r, backoff);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        r();
      });
    });
    backoff = Math.min(backoff * 2, 5000);
  }
}
