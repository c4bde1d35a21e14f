import { type Identity, identityOf } from './identity';

/**
 * The container actions a watch subscribes to. Everything else (exec_* from health checks, attach,
 * resize, top, commit…) is filtered out by the engine, so a busy health check costs us nothing.
 * `health_status` is matched fuzzily by the engine ("health_status: healthy").
 */
export const WATCHED_ACTIONS = ['create', 'start', 'die', 'kill', 'oom', 'destroy', 'health_status'] as const;

export type EventAction = 'create' | 'start' | 'die' | 'kill' | 'oom' | 'destroy' | 'healthy' | 'unhealthy';

/** One engine event, reduced to what the state machine needs. */
export interface ContainerEvent {
  id: string;
  action: EventAction;
  identity: Identity;
  image: string;
  exitCode?: number;
  /** Engine time, float nanoseconds. */
  t: number;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  time?: number;
  timeNano?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/** Undefined for records that are not container events we act on (an unknown action is not an error). */
export function parseEvent(raw: unknown): ContainerEvent | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as RawEvent;
  if (r.Type !== undefined && r.Type !== 'container') return undefined;
  const id = r.Actor?.ID ?? r.id;
  const action = actionOf(r.Action ?? r.status ?? '');
  if (!id || !action) return undefined;
  const attrs = r.Actor?.Attributes ?? {};
  const t = typeof r.timeNano === 'number' ? r.timeNano : typeof r.time === 'number' ? r.time * 1e9 : 0;
  const ev: ContainerEvent = { id, action, identity: identityOf(attrs), image: attrs.image ?? '', t };
  if (action === 'die') {
    const code = Number.parseInt(attrs.exitCode ?? '', 10);
    if (Number.isFinite(code)) ev.exitCode = code;
  }
  return ev;
}

function actionOf(action: string): EventAction | undefined {
  if (action.startsWith('health_status')) {
    const s = action.slice(action.indexOf(':') + 1).trim();
    return s === 'healthy' || s === 'unhealthy' ? s : undefined;
  }
  switch (action) {
    case 'create':
    case 'start':
    case 'die':
    case 'kill':
    case 'oom':
    case 'destroy':
      return action;
    default:
      return undefined;
  }
}
