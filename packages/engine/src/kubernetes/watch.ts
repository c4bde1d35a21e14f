import type { ContainerStatus, StatusEvent } from '../types';
import type { ClusterApi } from './client';
import { PROJECT_LABEL } from './labels';
import { type PodLike, podStatuses, replicaNumbers } from './status';

const RETRY_MS = 2_000;

/**
 * Live status from a pod watch (never polled): a snapshot from a list, then each pod event mapped to
 * its containers' states; only states that changed are sent. When the watch ends (the server closes
 * watches every few minutes, or the connection drops) it lists again and sends a fresh snapshot.
 */
export async function* watchPods(
  api: ClusterApi,
  namespace: string,
  project: string | undefined,
  signal: AbortSignal,
): AsyncIterable<StatusEvent> {
  const selector = project ? `${PROJECT_LABEL}=${project}` : PROJECT_LABEL;
  while (!signal.aborted) {
    const listed = await api.list('v1', 'Pod', namespace, selector).catch((e: Error) => ({ status: 0, body: e.message }));
    if (listed.status !== 200) {
      yield {
        kind: 'engine',
        connected: false,
        message: `Listing pods: ${typeof listed.body === 'string' ? listed.body : `HTTP ${listed.status}`}`,
        at: Date.now(),
      };
      await sleep(RETRY_MS, signal);
      continue;
    }
    const body = listed.body as { items?: PodLike[]; metadata?: { resourceVersion?: string } };
    const pods = new Map((body.items ?? []).map((p) => [p.metadata.name, p]));
    const sent = new Map<string, string>();
    const now = Date.now();
    const snapshot = statusesOf(pods, now);
    for (const s of snapshot) sent.set(key(s), JSON.stringify(withoutTime(s)));
    yield { kind: 'snapshot', ...(project ? { project } : {}), containers: snapshot, at: now };

    const queue: StatusEvent[] = [];
    let wake = () => {};
    let ended = false;
    const onEvent = (type: string, obj: unknown) => {
      const pod = obj as PodLike;
      if (!pod?.metadata?.name || type === 'BOOKMARK') return;
      const before = statusesOf(pods, Date.now());
      if (type === 'DELETED') pods.delete(pod.metadata.name);
      else pods.set(pod.metadata.name, pod);
      const after = statusesOf(pods, Date.now());
      const present = new Set(after.map(key));
      for (const s of before) if (!present.has(key(s))) after.push({ ...s, state: 'removed', at: Date.now() });
      for (const s of after) {
        const k = key(s);
        const v = JSON.stringify(withoutTime(s));
        if (sent.get(k) === v) continue;
        sent.set(k, v);
        if (s.state === 'removed') sent.delete(k);
        queue.push({ kind: 'change', status: s });
      }
      wake();
    };
    const controller = await api
      .watchPods(namespace, selector, body.metadata?.resourceVersion ?? '', onEvent, () => {
        ended = true;
        wake();
      })
      .catch(() => undefined);
    if (!controller) ended = true;
    const stop = () => {
      controller?.abort();
      ended = true;
      wake();
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      while (!ended || queue.length) {
        while (queue.length) yield queue.shift() as StatusEvent;
        if (ended) break;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
    } finally {
      signal.removeEventListener('abort', stop);
      controller?.abort();
    }
    if (!signal.aborted) await sleep(200, signal);
  }
}

function statusesOf(pods: ReadonlyMap<string, PodLike>, at: number): ContainerStatus[] {
  const list = [...pods.values()];
  const replicas = replicaNumbers(list);
  return list.flatMap((p) => podStatuses(p, replicas.get(p.metadata.name) ?? 1, at));
}

const key = (s: ContainerStatus) => `${s.elementId}#${s.replica}`;
const withoutTime = ({ at: _at, ...rest }: ContainerStatus) => rest;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
