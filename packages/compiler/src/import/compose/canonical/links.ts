import type { LinkCondition, Path } from '@blaupause/model';
import { dotted, type ImportContext, isObj } from '../context';
import type { CDependency } from '../types';
import { readBool, readList, readLiteral, typeError } from '../values';

const CONDITIONS: Record<string, LinkCondition> = {
  service_started: 'started',
  service_healthy: 'healthy',
  service_completed_successfully: 'completed',
};

/** `depends_on:` as a list of names or a mapping name → {condition, required, restart}. */
export function readDependsOn(ctx: ImportContext, v: unknown, path: Path): CDependency[] {
  const out: CDependency[] = [];
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const service = readLiteral(ctx, item, [...path, i]);
      if (service !== undefined) out.push({ service, condition: 'started', at: [...path, i] });
    });
    return out;
  }
  if (!isObj(v)) {
    if (v !== null && v !== undefined) typeError(ctx, path, 'a list of services or a mapping', v);
    return out;
  }
  for (const [service, spec] of Object.entries(v)) {
    const at = [...path, service];
    const dep: CDependency = { service, condition: 'started', at };
    for (const [k, value] of Object.entries(isObj(spec) ? spec : {})) {
      const p = [...at, k];
      if (k.startsWith('x-')) continue;
      if (k === 'condition') {
        const c = readLiteral(ctx, value, p);
        if (c !== undefined && Object.hasOwn(CONDITIONS, c)) dep.condition = CONDITIONS[c] as LinkCondition;
        else if (c !== undefined)
          ctx.error(
            'SCHEMA_VALUE',
            p,
            `${dotted(p)} is "${c}"; it must be service_started, service_healthy or service_completed_successfully.`,
          );
      } else if (k === 'required') {
        const required = readBool(ctx, value, p);
        if (required === false) dep.required = false;
      } else if (k === 'restart') {
        if (readBool(ctx, value, p)) ctx.unsupported(p, `restarting this service when ${service} restarts is not carried.`);
      } else ctx.unsupported(p, 'not a key of a Compose dependency.');
    }
    if (spec !== null && spec !== undefined && !isObj(spec)) typeError(ctx, at, 'a mapping', spec);
    out.push(dep);
  }
  return out;
}

/** Legacy `links:` ("db" or "db:alias"): a dependency on the service; the alias is not carried. */
export function readLinks(ctx: ImportContext, v: unknown, path: Path): CDependency[] {
  const out: CDependency[] = [];
  readList(ctx, v, path)?.forEach((item, i) => {
    const at = [...path, i];
    const spec = readLiteral(ctx, item, at);
    if (spec === undefined) return;
    const [service = '', alias] = spec.split(':');
    if (alias !== undefined && alias !== service)
      ctx.approximated(
        at,
        `the alias "${alias}" is not carried: other containers reach the service as "${service}".`,
        'Use the service name as host name.',
      );
    out.push({ service, condition: 'started', at });
  });
  return out;
}
