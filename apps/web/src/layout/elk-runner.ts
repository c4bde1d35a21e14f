import ELK, { type ElkNode } from 'elkjs/lib/elk-api';
// The ELK engine (~1.6 MB) runs in a classic worker loaded from this app's origin, only when a
// layout is first asked for (or warmed): it is never part of the initial bundle and never blocks the page.
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

let elk: InstanceType<typeof ELK> | undefined;

export function runElk(graph: ElkNode): Promise<ElkNode> {
  elk ??= new ELK({ workerUrl });
  return elk.layout(graph);
}

/** Starts the worker and lets ELK initialise (a one-node layout), so the first real layout is quick. */
export function warm(): Promise<unknown> {
  return runElk({ id: 'warm', children: [{ id: 'n', width: 1, height: 1 }] });
}
