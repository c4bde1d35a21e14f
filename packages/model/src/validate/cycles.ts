import { elementId } from '../ids';
import type { Ctx } from './context';

interface Edge {
  to: string;
  /** Index of the link in the source service's links (its path). */
  index: number;
}

/**
 * Links must form a DAG (they are start order). A depth-first search in document order reports
 * each back edge once, naming the cycle it closes (a → b → c → a) at the link that closes it;
 * removing every reported link breaks every cycle. Iterative, so long chains cannot overflow the stack.
 */
export function checkCycles(ctx: Ctx): void {
  const graph = buildGraph(ctx);
  const state = new Map<string, 'open' | 'done'>();
  for (const [root] of ctx.services) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const edges = graph.get(top.node) ?? [];
      const edge = edges[top.next++];
      if (!edge) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ node: edge.to, next: 0 });
      } else if (seen === 'open')
        reportCycle(
          ctx,
          stack.map((f) => f.node),
          top.node,
          edge,
        );
    }
  }
}

/** Valid links only (existing target, not self; those are other diagnostics), one edge per target. */
function buildGraph(ctx: Ctx): Map<string, Edge[]> {
  const services = ctx.bp.services ?? {};
  const graph = new Map<string, Edge[]>();
  for (const [name, service] of ctx.services) {
    const edges: Edge[] = [];
    const targets = new Set<string>();
    service.links?.forEach((link, index) => {
      if (link.to === name || !Object.hasOwn(services, link.to) || targets.has(link.to)) return;
      targets.add(link.to);
      edges.push({ to: link.to, index });
    });
    graph.set(name, edges);
  }
  return graph;
}

function reportCycle(ctx: Ctx, open: string[], from: string, edge: Edge): void {
  const cycle = [...open.slice(open.indexOf(edge.to)), edge.to];
  ctx.report(
    'DEPENDENCY_CYCLE',
    'error',
    ['services', from, 'links', edge.index],
    `Links form a cycle: ${cycle.join(' → ')}; no start order exists.`,
    `Remove one link of the cycle, e.g. the link from "${from}" to "${edge.to}".`,
    elementId.link(from, edge.to),
  );
}
