import type { Blueprint } from '../schema/blueprint';
import type { Container } from '../schema/container';
import type { Service } from '../schema/service';

/**
 * The document as a person writes it: values equal to the schema's defaults left out (role main,
 * replicas 1, condition started, protocol tcp, ...). Reading the result back gives the same
 * document (tested), so this only changes how the Blueprint tab and saved files read.
 */
export function minimalForm(bp: Blueprint): Blueprint {
  const services: Record<string, Service> = {};
  for (const [name, s] of Object.entries(bp.services)) services[name] = minimalService(s);
  const volumes = bp.volumes && Object.fromEntries(Object.entries(bp.volumes).map(([n, v]) => [n, omit(v, { access: 'single-writer' })]));
  return { ...bp, services, ...(volumes ? { volumes } : {}) } as Blueprint;
}

function minimalService(s: Service): Service {
  const out: Record<string, unknown> = omit(s, { mode: 'replicated', replicas: 1 });
  if (s.ports)
    out.ports = s.ports.map((p) => ({
      ...omit(p, { protocol: 'tcp' }),
      ...(p.ingress ? { ingress: omit(p.ingress, { path: '/' }) } : {}),
    }));
  if (s.links) out.links = s.links.map((l) => omit(l, { condition: 'started' }));
  if (s.scaling) out.scaling = omit(s.scaling, { targetCPU: 80 });
  if (s.rollout) out.rollout = omit(s.rollout, { strategy: 'rolling' });
  if (s.placement) out.placement = { ...s.placement, constraints: s.placement.constraints.map((c) => omit(c, { op: '==' })) };
  const containers: Record<string, Container> = {};
  for (const [n, c] of Object.entries(s.containers)) containers[n] = minimalContainer(c);
  out.containers = containers;
  return out as Service;
}

function minimalContainer(c: Container): Container {
  const out: Record<string, unknown> = omit(c, { role: 'main' });
  const test = c.healthcheck?.test;
  if (c.healthcheck && test && 'http' in test) out.healthcheck = { ...c.healthcheck, test: { http: omit(test.http, { path: '/' }) } };
  return out as Container;
}

/** A copy of `value` without the keys whose value equals the given default. Key order is kept. */
function omit<T extends object>(value: T, defaults: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!(Object.hasOwn(defaults, k) && defaults[k] === v)) out[k] = v;
  return out as T;
}
