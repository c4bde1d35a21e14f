import type { ImportContext } from './context';
import { type HealthcheckInput, opt } from './context';
import { seconds } from './convert';
import { type Cursor, deepEqual, isObj } from './reader';

type HealthTestInput = HealthcheckInput['test'];

/**
 * Probes → the blueprint healthcheck. The blueprint has one test per container: readiness is
 * always derived from it, liveness only when marked. So a livenessProbe equal to the readiness
 * probe (but for initialDelaySeconds) becomes `liveness: true`; a different one cannot be carried
 * and is reported. The start period is the livenessProbe's initialDelaySeconds, as the emitter
 * writes it; a readinessProbe's own delay has no blueprint form (its pod turns ready with the
 * first success): it becomes the start period, with a note.
 */
export function readProbes(
  c: Cursor,
  namedPorts: ReadonlyMap<string, number>,
  ctx: ImportContext,
  elementId: string,
): HealthcheckInput | undefined {
  const readiness = c.peek('readinessProbe');
  const liveness = c.peek('livenessProbe');
  if (isObj(readiness)) {
    const hc = readProbe(c.map('readinessProbe') as Cursor, namedPorts, ctx, elementId);
    const readyDelay = delayOf(readiness);
    if (hc && readyDelay !== undefined) readinessDelayNote(c, readyDelay, ctx, elementId);
    if (!isObj(liveness)) return hc;
    c.take('livenessProbe');
    if (hc && deepEqual(withoutDelay(readiness), withoutDelay(liveness))) {
      const start = delayOf(liveness);
      const { startPeriod: _, ...rest } = hc;
      return { ...rest, ...opt('startPeriod', start !== undefined ? seconds(start) : undefined), liveness: true };
    }
    ctx.unsupported(
      [...c.path, 'livenessProbe'],
      'The livenessProbe differs from the readinessProbe; a blueprint healthcheck has one test, so only the readiness probe was imported.',
      elementId,
      'Make both probes equal to import the check as a healthcheck with liveness: true.',
    );
    return hc;
  }
  if (!isObj(liveness)) return undefined;
  const hc = readProbe(c.map('livenessProbe') as Cursor, namedPorts, ctx, elementId);
  if (!hc) return undefined;
  ctx.approximated(
    [...c.path, 'livenessProbe'],
    'The livenessProbe became the healthcheck (liveness: true); exported again, it also gives the container a readiness probe.',
    elementId,
  );
  return { ...hc, liveness: true };
}

const delayOf = (probe: Record<string, unknown>): number | undefined => {
  const d = probe.initialDelaySeconds;
  return typeof d === 'number' && Number.isInteger(d) && d > 0 ? d : undefined;
};

const withoutDelay = (probe: Record<string, unknown>): Record<string, unknown> => {
  const { initialDelaySeconds: _, ...rest } = probe;
  return rest;
};

function readinessDelayNote(c: Cursor, delay: number, ctx: ImportContext, elementId: string): void {
  ctx.approximated(
    [...c.path, 'readinessProbe', 'initialDelaySeconds'],
    `The readiness probe waits ${delay}s before its first check; it became the healthcheck's start period, and exported again the pod turns ready with its first success (as on Docker).`,
    elementId,
  );
}

function readProbe(
  p: Cursor,
  namedPorts: ReadonlyMap<string, number>,
  ctx: ImportContext,
  elementId: string,
): HealthcheckInput | undefined {
  const test = readTest(p, namedPorts, ctx, elementId);
  if (!test) {
    for (const k of p.keys()) p.take(k);
    ctx.unsupported(
      p.path,
      'The probe has no exec, httpGet or tcpSocket check that a blueprint healthcheck can carry; it was not imported.',
      elementId,
    );
    return undefined;
  }
  const period = p.int('periodSeconds');
  const timeout = p.int('timeoutSeconds');
  const retries = p.int('failureThreshold');
  const delay = p.int('initialDelaySeconds');
  p.defaults({ successThreshold: [1] });
  return {
    test,
    ...opt('interval', period !== undefined && period > 0 ? seconds(period) : undefined),
    ...opt('timeout', timeout !== undefined && timeout > 0 ? seconds(timeout) : undefined),
    ...opt('retries', retries !== undefined && retries > 0 ? retries : undefined),
    ...opt('startPeriod', delay !== undefined && delay > 0 ? seconds(delay) : undefined),
  };
}

function readTest(p: Cursor, namedPorts: ReadonlyMap<string, number>, ctx: ImportContext, elementId: string): HealthTestInput | undefined {
  if (isObj(p.peek('exec'))) {
    const command = (p.map('exec') as Cursor).strList('command');
    if (!command?.length) return undefined;
    // `sh -c "..."` is how a shell test is written in a probe: read it back as one.
    if (command.length === 3 && (command[0] === 'sh' || command[0] === '/bin/sh') && command[1] === '-c')
      return { shell: command[2] as string };
    return { exec: command };
  }
  if (isObj(p.peek('httpGet'))) {
    const h = p.map('httpGet') as Cursor;
    const port = probePort(h, namedPorts, ctx, elementId);
    if (port === undefined) return undefined;
    const scheme = h.str('scheme');
    const path = h.str('path');
    return {
      http: {
        port,
        ...opt('path', path?.startsWith('/') ? path : undefined),
        ...opt('scheme', scheme === 'HTTPS' ? ('https' as const) : undefined),
      },
    };
  }
  if (isObj(p.peek('tcpSocket'))) {
    const port = probePort(p.map('tcpSocket') as Cursor, namedPorts, ctx, elementId);
    return port === undefined ? undefined : { tcp: { port } };
  }
  return undefined;
}

/** A probe port: a number, or the name of a containerPort of the same container. */
function probePort(h: Cursor, namedPorts: ReadonlyMap<string, number>, ctx: ImportContext, elementId: string): number | undefined {
  const port = h.intOrStr('port');
  if (typeof port === 'number') return port >= 1 && port <= 65535 ? port : undefined;
  if (port === undefined) return undefined;
  const n = namedPorts.get(port);
  if (n === undefined)
    ctx.add(
      'IMPORT_UNSUPPORTED_KEY',
      'warning',
      [...h.path, 'port'],
      `The probe names port "${port}", which the container does not declare.`,
      {
        elementId,
        hint: 'Use the port number, or declare the port with that name under ports.',
      },
    );
  return n;
}
