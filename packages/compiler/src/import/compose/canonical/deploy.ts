import type { Path, Resources, Rollout } from '@blaupause/model';
import { dotted, type ImportContext, type Obj } from '../context';
import type { CConstraint, CService, RestartPolicy } from '../types';
import { readDuration, readInt, readList, readLiteral, readMap, readNumber, readSize } from '../values';

const REPLICAS = { min: 0, max: 10000 };

/** `deploy:`: replicas, mode, resources, restart policy, placement and update_config (→ rollout). */
export function readDeploy(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  const deploy = readMap(ctx, v, path);
  for (const [k, value] of Object.entries(deploy ?? {})) {
    const p = [...path, k];
    if (k.startsWith('x-')) continue;
    switch (k) {
      case 'replicas': {
        const n = readInt(ctx, value, p, REPLICAS);
        if (n !== undefined) s.replicas = n;
        break;
      }
      case 'mode': {
        const mode = readLiteral(ctx, value, p);
        if (mode === 'replicated' || mode === 'global') s.mode = mode;
        else if (mode !== undefined) ctx.unsupported(p, `the mode "${mode}" is not carried (replicated and global are).`);
        break;
      }
      case 'resources':
        readResources(ctx, value, p, s);
        break;
      case 'restart_policy':
        readRestartPolicy(ctx, value, p, s);
        break;
      case 'placement':
        readPlacement(ctx, value, p, s);
        break;
      case 'update_config':
        readUpdateConfig(ctx, value, p, s);
        break;
      case 'rollback_config':
        ctx.unsupported(p, 'a rollback goes the way the rollout came; it has no settings of its own.');
        break;
      case 'labels':
        ctx.unsupported(p, "Swarm service labels are not carried; container labels (the service's labels:) are.");
        break;
      case 'endpoint_mode':
        ctx.unsupported(p, 'the blueprint always gives a service one virtual address.');
        break;
      default:
        ctx.unsupported(p, 'not a key of Compose deploy.');
    }
  }
}

/** Sets a limit or request, shared by deploy.resources and the older cpus / mem_limit / mem_reservation keys. */
export function setResource(s: CService, kind: 'limits' | 'requests', key: 'cpus' | 'memory', value: number | string): void {
  s.resources ??= {};
  const resources: Resources = s.resources;
  resources[kind] ??= {};
  const amounts = resources[kind];
  if (key === 'cpus') amounts.cpus = value as number;
  else amounts.memory = value as string;
}

/** CPUs as a number: 0 means "no limit" to Docker, so it is left out. */
export function readCpus(ctx: ImportContext, v: unknown, p: Path, s: CService, kind: 'limits' | 'requests'): void {
  const n = readNumber(ctx, v, p);
  if (n === undefined) return;
  if (n > 0 && n <= 1024) setResource(s, kind, 'cpus', n);
  else if (n === 0) ctx.unsupported(p, '0 CPUs means no limit to Docker; no limit is set.', undefined, 'info');
  else ctx.error('OUT_OF_RANGE', p, `${dotted(p)} is ${n}; it must lie between 0 and 1024.`);
}

function readResources(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  for (const [k, amounts] of Object.entries(readMap(ctx, v, path) ?? {})) {
    const p = [...path, k];
    if (k.startsWith('x-')) continue;
    if (k !== 'limits' && k !== 'reservations') {
      ctx.unsupported(p, 'not a key of Compose deploy.resources.');
      continue;
    }
    const kind = k === 'limits' ? 'limits' : 'requests';
    for (const [a, value] of Object.entries(readMap(ctx, amounts, p) ?? {})) {
      const q = [...p, a];
      if (a.startsWith('x-')) continue;
      if (a === 'cpus') readCpus(ctx, value, q, s, kind);
      else if (a === 'memory') {
        const size = readSize(ctx, value, q);
        if (size !== undefined) setResource(s, kind, 'memory', size);
      } else if (a === 'pids' || a === 'devices' || a === 'generic_resources')
        ctx.unsupported(
          q,
          `the blueprint has no ${a === 'pids' ? 'process limit' : a === 'devices' ? 'device reservations (GPUs)' : 'generic resources'}.`,
        );
      else ctx.unsupported(q, `not a key of Compose deploy.resources.${k}.`);
    }
  }
}

const CONDITION: Record<string, RestartPolicy> = { none: 'no', 'on-failure': 'on-failure', any: 'always' };

function readRestartPolicy(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  for (const [k, value] of Object.entries(readMap(ctx, v, path) ?? {})) {
    const p = [...path, k];
    if (k.startsWith('x-')) continue;
    if (k === 'condition') {
      const c = readLiteral(ctx, value, p);
      if (c !== undefined && Object.hasOwn(CONDITION, c)) s.deployRestart = { policy: CONDITION[c] as RestartPolicy, at: p };
      else if (c !== undefined) ctx.error('SCHEMA_VALUE', p, `${dotted(p)} is "${c}"; it must be none, on-failure or any.`);
    } else if (k === 'delay' || k === 'max_attempts' || k === 'window')
      ctx.unsupported(p, 'the restart policy is carried as the container restart setting, without delay, attempt count or window.');
    else ctx.unsupported(p, 'not a key of Compose deploy.restart_policy.');
  }
}

// Swarm node attributes that the blueprint knows by a short label name (as the Swarm emitter writes them back).
const NODE_ATTRIBUTES: Record<string, string> = {
  'node.hostname': 'hostname',
  'node.role': 'role',
  'node.platform.os': 'os',
  'node.platform.arch': 'arch',
};

export function parseConstraint(text: string): CConstraint | undefined {
  const m = /^\s*([A-Za-z0-9_./-]+)\s*(==|!=)\s*(.*?)\s*$/.exec(text);
  if (!m) return undefined;
  const [, key = '', op, value = ''] = m;
  const label = Object.hasOwn(NODE_ATTRIBUTES, key)
    ? NODE_ATTRIBUTES[key]
    : key.startsWith('node.labels.')
      ? key.slice('node.labels.'.length)
      : key;
  return label ? { label, op: op as '==' | '!=', value } : undefined;
}

function readPlacement(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  const placement = readMap(ctx, v, path);
  for (const [k, value] of Object.entries(placement ?? {})) {
    const p = [...path, k];
    if (k.startsWith('x-')) continue;
    if (k !== 'constraints') {
      ctx.unsupported(
        p,
        k === 'preferences' || k === 'max_replicas_per_node'
          ? 'only placement constraints are carried.'
          : 'not a key of Compose placement.',
      );
      continue;
    }
    readList(ctx, value, p)?.forEach((item, i) => {
      const text = readLiteral(ctx, item, [...p, i]);
      const c = text === undefined ? undefined : parseConstraint(text);
      if (c) {
        s.constraints ??= [];
        s.constraints.push(c);
      } else if (text !== undefined)
        ctx.error(
          'SCHEMA_VALUE',
          [...p, i],
          `${dotted([...p, i])}: "${text}" is not a constraint.`,
          'Write node.labels.disk == ssd, node.role == manager, ...',
        );
    });
  }
}

const FAILURE_ACTIONS = new Set(['rollback', 'pause', 'continue']);

/**
 * update_config → a rolling rollout. Swarm replaces `parallelism` tasks at a time: stopping them
 * first is maxUnavailable = parallelism with no surge; starting first is maxSurge = parallelism.
 */
function readUpdateConfig(ctx: ImportContext, v: unknown, path: Path, s: CService): void {
  const cfg = readMap(ctx, v, path) ?? ({} as Obj);
  const rollout: Rollout = { strategy: 'rolling' };
  const order = readLiteral(ctx, cfg.order, [...path, 'order']);
  if (order === 'start-first' || order === 'stop-first') rollout.order = order;
  else if (order !== undefined)
    ctx.error('SCHEMA_VALUE', [...path, 'order'], `${dotted([...path, 'order'])} must be start-first or stop-first.`);
  const parallelism = readInt(ctx, cfg.parallelism, [...path, 'parallelism'], { min: 0, max: 10000 });
  if (parallelism === 0) rollout.strategy = 'recreate';
  else if (parallelism !== undefined && rollout.order === 'start-first')
    Object.assign(rollout, { maxSurge: parallelism, maxUnavailable: 0 });
  else if (parallelism !== undefined) Object.assign(rollout, { maxSurge: 0, maxUnavailable: parallelism });
  const action = readLiteral(ctx, cfg.failure_action, [...path, 'failure_action']);
  if (action !== undefined && FAILURE_ACTIONS.has(action)) rollout.failureAction = action as Rollout['failureAction'];
  else if (action !== undefined)
    ctx.error('SCHEMA_VALUE', [...path, 'failure_action'], `${dotted([...path, 'failure_action'])} must be rollback, pause or continue.`);
  const monitor = readDuration(ctx, cfg.monitor, [...path, 'monitor']);
  if (monitor !== undefined) rollout.monitor = monitor;
  for (const k of Object.keys(cfg)) {
    if (k.startsWith('x-') || ['order', 'parallelism', 'failure_action', 'monitor'].includes(k)) continue;
    ctx.unsupported(
      [...path, k],
      k === 'delay' || k === 'max_failure_ratio' ? `the rollout has no ${k}.` : 'not a key of Compose update_config.',
    );
  }
  s.rollout = rollout;
}
