import type { Blueprint } from '@blaupause/model';
import type Docker from 'dockerode';
import type { EngineError } from '../../types';
import { failure } from './context';

/**
 * Placement constraints on a single engine (pure). A plain Docker engine is one node: a
 * constraint either holds for it or the service cannot run here at all. Checked against the
 * engine's `docker info`: `node.hostname`, `node.platform.os`, `node.platform.arch`, `node.role`
 * (a single engine counts as a manager), `node.labels.K` / `engine.labels.K` (the daemon's
 * labels); a bare label `K` reads the daemon's labels too. Anything else cannot be decided here:
 * reported (`blocking: false`), it does not stop a deploy. Spreading replicas over nodes needs Swarm.
 */
export interface EngineNode {
  hostname: string;
  os: string;
  arch: string;
  /** Daemon labels, "key=value". */
  labels: string[];
}

export interface PlacementProblem {
  service: string;
  elementId: string;
  constraint: string;
  why: string;
  /** false: the constraint cannot be decided on one engine (node.id …): reported, not blocking. */
  blocking: boolean;
}

const ARCH: Record<string, string> = { x86_64: 'x86_64', amd64: 'x86_64', aarch64: 'aarch64', arm64: 'aarch64' };

export function checkPlacement(blueprint: Blueprint, node: EngineNode): PlacementProblem[] {
  const out: PlacementProblem[] = [];
  const labels = new Map(
    node.labels.map((l) => {
      const i = l.indexOf('=');
      return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
    }),
  );
  for (const [service, svc] of Object.entries(blueprint.services)) {
    for (const c of svc.placement?.constraints ?? []) {
      const text = `${c.label} ${c.op} ${c.value}`;
      const actual = nodeValue(c.label, node, labels);
      if (actual === undefined) {
        out.push({
          service,
          elementId: `service:${service}`,
          constraint: text,
          why: `"${c.label}" is not known on a single engine (Swarm decides it)`,
          blocking: false,
        });
        continue;
      }
      const a = c.label === 'node.platform.arch' ? (ARCH[actual] ?? actual) : actual;
      const v = c.label === 'node.platform.arch' ? (ARCH[c.value] ?? c.value) : c.value;
      const holds = c.op === '==' ? a === v : a !== v;
      if (!holds)
        out.push({
          service,
          elementId: `service:${service}`,
          constraint: text,
          why: `this engine has ${c.label} = "${actual}"`,
          blocking: true,
        });
    }
  }
  return out;
}

function nodeValue(label: string, node: EngineNode, labels: Map<string, string>): string | undefined {
  switch (label) {
    case 'node.hostname':
    case 'hostname':
      return node.hostname;
    case 'node.platform.os':
      return node.os;
    case 'node.platform.arch':
      return node.arch;
    case 'node.role':
    case 'role':
      return 'manager';
  }
  const m = /^(?:node|engine)\.labels\.(.+)$/.exec(label);
  const key = m ? (m[1] as string) : label.includes('.') && !labels.has(label) ? undefined : label;
  if (key === undefined) return undefined;
  return labels.get(key) ?? '';
}

/** The first constraint this engine cannot satisfy, as an UNSUPPORTED error naming the service (one `info` call, only when there are constraints). */
export async function placementError(docker: Docker, blueprint: Blueprint): Promise<EngineError | undefined> {
  if (!Object.values(blueprint.services).some((s) => s.placement?.constraints.length)) return undefined;
  const i = await docker.info();
  const problems = checkPlacement(blueprint, {
    hostname: i.Name ?? '',
    os: i.OSType ?? '',
    arch: i.Architecture ?? '',
    labels: i.Labels ?? [],
  });
  const p = problems.find((x) => x.blocking);
  if (!p) return undefined;
  return failure(
    'UNSUPPORTED',
    `Service "${p.service}" cannot be placed on this engine: ${p.constraint} (${p.why}).`,
    p.elementId,
    'Change the constraint, or deploy to a Swarm whose nodes satisfy it.',
  );
}
