import type Docker from 'dockerode';
import { type StampedLine, sinceOf } from '../docker/logs/lines';
import { type Query, readLogs } from '../docker/logs/read';
import { AsyncQueue } from '../docker/status/queue';
import type { LogLine, LogOptions } from '../types';
import { sleep, type Task } from './converge';
import { ownedStack, SWARM_LABEL } from './labels';

/**
 * Logs of a stack's service (every task of the blueprint service, or of one container / slot):
 * the last `tail` lines of each task container merged in engine-time order, then — with `follow`
 * — new lines; task containers that appear later (rolling updates, replaced tasks) are found by
 * re-listing the tasks and read from their first line. The Docker driver's log reader does the
 * reading (demultiplexing, timestamps).
 */
interface Target {
  id: string;
  elementId: string;
  replica: number;
  lastKey: string;
  attached: boolean;
}

export async function* stackLogs(docker: Docker, options: LogOptions, pollMs: number): AsyncGenerator<LogLine> {
  if (options.signal?.aborted) return;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const targets = new Map<string, Target>();
  const toLine = (t: Target, stream: LogLine['stream'], s: StampedLine, n: number): LogLine => {
    if (s.key) t.lastKey = s.key;
    return { id: `${t.id.slice(0, 12)}-${s.key}-${n}`, elementId: t.elementId, replica: t.replica, stream, at: s.at, text: s.text };
  };
  try {
    let found = await tasksOf(docker, options, ac.signal).catch(() => []);
    for (const t of found) targets.set(t.id, t);
    const history: { t: Target; stream: LogLine['stream']; s: StampedLine; n: number }[] = [];
    await Promise.all(
      [...targets.values()].map((t) =>
        readLogs(docker, t.id, false, { follow: false, tail: options.tail ?? 'all' }, ac.signal, (stream, s) =>
          history.push({ t, stream, s, n: history.length }),
        ),
      ),
    );
    history.sort((a, b) => (a.s.key < b.s.key ? -1 : a.s.key > b.s.key ? 1 : a.n - b.n));
    for (const h of history) yield toLine(h.t, h.stream, h.s, h.n);
    if (!options.follow || ac.signal.aborted) return;
    const out = new AsyncQueue<LogLine>();
    ac.signal.addEventListener('abort', () => out.end(), { once: true });
    let n = history.length;
    const attach = (t: Target, fresh: boolean) => {
      t.attached = true;
      const q: Query = t.lastKey ? { since: sinceOf(t.lastKey) } : fresh ? { tail: 'all' } : { tail: 0 };
      const after = t.lastKey;
      void readLogs(docker, t.id, false, { follow: true, ...q }, ac.signal, (stream, s) => {
        if (after && s.key && s.key <= after) return;
        out.push(toLine(t, stream, s, n++));
      }).finally(() => {
        t.attached = false;
      });
    };
    for (const t of targets.values()) attach(t, false);
    void (async () => {
      while (!ac.signal.aborted) {
        await sleep(pollMs, ac.signal);
        found = await tasksOf(docker, options, ac.signal).catch(() => []);
        for (const t of found)
          if (!targets.has(t.id)) {
            targets.set(t.id, t);
            attach(t, true);
          }
      }
    })();
    for await (const line of out) yield line;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    ac.abort();
  }
}

async function tasksOf(docker: Docker, o: LogOptions, signal: AbortSignal): Promise<Target[]> {
  const label = [...ownedStack(o.project), `${SWARM_LABEL.blueprintService}=${o.service}`];
  if (o.container) label.push(`${SWARM_LABEL.container}=${o.container}`);
  const services = await docker.listServices({ filters: { label }, abortSignal: signal } as Docker.ServiceListOptions);
  if (services.length === 0) return [];
  const tasks = (await docker.listTasks({ filters: { service: services.map((s) => s.ID) }, abortSignal: signal } as object)) as (Task & {
    ServiceID?: string;
  })[];
  const out: Target[] = [];
  for (const t of tasks) {
    const id = t.Status?.ContainerStatus?.ContainerID;
    const s = services.find((x) => x.ID === t.ServiceID);
    const replica = t.Slot && t.Slot > 0 ? t.Slot : 1;
    if (!id || !s || (o.replica !== undefined && o.replica !== replica)) continue;
    out.push({ id, elementId: s.Spec?.Labels?.[SWARM_LABEL.element] ?? '', replica, lastKey: '', attached: false });
  }
  return out;
}
