import type { DiagnosticCode } from '../diagnostics/codes';
import { type Diagnostic, diag, type Path, type Severity } from '../diagnostics/diagnostic';
import { elementIdForPath } from '../ids';
import type { Blueprint } from '../schema/blueprint';
import type { Container } from '../schema/container';
import type { Service } from '../schema/service';

/** What every check receives: the blueprint, its services as entries (document order) and a reporter. */
export interface Ctx {
  bp: Blueprint;
  services: readonly (readonly [string, Service])[];
  report(code: DiagnosticCode, severity: Severity, path: Path, message: string, hint: string, elementId?: string): void;
}

export type Check = (ctx: Ctx) => void;

export function createCtx(
  bp: Blueprint,
  out: Diagnostic[],
  services: readonly (readonly [string, Service])[] = Object.entries(bp.services ?? {}),
): Ctx {
  return {
    bp,
    services,
    report(code, severity, path, message, hint, elementId) {
      // The element id follows from the path (link ids read the link's target from the blueprint).
      out.push(diag(code, severity, path, message, { elementId: elementId ?? elementIdForPath(path, bp), hint }));
    },
  };
}

type Report = Parameters<Ctx['report']>;

/** What a per-service check reported about one service object, under the name it had then. */
export type ServiceMemo = WeakMap<Service, { name: string; reports: Report[] }>;

export const serviceMemo = (): ServiceMemo => new WeakMap();

/**
 * Runs `each` for every service in document order and remembers what it reported per service
 * object and name: documents are immutable (every edit makes new objects along its path), so after
 * a canvas edit only the edited services are checked again. Only for checks whose reports about a
 * service follow from that service and its name alone (not other services, not the blueprint's
 * other parts); each report is made again from what was remembered, so element ids and order are
 * what a fresh check gives.
 */
export function perService(memo: ServiceMemo, ctx: Ctx, each: (ctx: Ctx, name: string, service: Service) => void): void {
  for (const [name, service] of ctx.services) {
    let seen = memo.get(service);
    if (seen?.name !== name) {
      const reports: Report[] = [];
      each({ ...ctx, report: (...r) => reports.push(r) }, name, service);
      seen = { name, reports };
      memo.set(service, seen);
    }
    for (const r of seen.reports) ctx.report(...r);
  }
}

/** Every container of a service as [name, container], in document order. */
export const containersOf = (s: Service): [string, Container][] => Object.entries(s.containers ?? {});

/** The main container of a pod (the first one if there are several; validation reports that). */
export function mainOf(s: Service): [string, Container] | undefined {
  for (const entry of containersOf(s)) if (entry[1].role === 'main') return entry;
  return undefined;
}

/** Whether a service may run more than one pod at once: it is then no single writer of anything. */
export const mayRunSeveral = (s: Service): boolean => s.mode === 'global' || s.replicas > 1 || (s.scaling?.max ?? 0) > 1;

/** "a", "a and b", "a, b and c" — for messages naming several elements. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const quote = (s: string): string => `"${s}"`;
