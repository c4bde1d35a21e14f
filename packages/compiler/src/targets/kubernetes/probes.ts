import type { Healthcheck, HealthTest, Path } from '@blaupause/model';
import type { KubeContext, Obj } from './context';
import { durationSeconds } from './units';

export interface Probes {
  readinessProbe?: Obj;
  livenessProbe?: Obj;
}

/**
 * A healthcheck becomes a readinessProbe (it gates the Service's endpoints, which is what
 * "healthy" means to the services linking here) and, when marked, a livenessProbe too.
 * Unset timings keep the Kubernetes defaults. startPeriod goes to the livenessProbe only, as
 * initialDelaySeconds: failures in that time must not restart the container. The readiness
 * probe starts at once: a pod is not ready until its first success, and ready with it, which is
 * what Docker's start period means ("starting" until the first success, which counts at once).
 */
export function probes(k: KubeContext, hc: Healthcheck | undefined, at: Path, id: string): Probes {
  if (!hc) return NO_PROBES;
  const readinessProbe = timings(k, hc, at, id, handler(hc.test));
  if (!hc.liveness) return { readinessProbe };
  const { periodSeconds, timeoutSeconds, failureThreshold } = readinessProbe;
  const initialDelaySeconds = whole(k, hc, at, id, 'startPeriod', 0);
  return { readinessProbe, livenessProbe: { ...handler(hc.test), initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold } };
}

function handler(test: HealthTest): Obj {
  // The blueprint's own list: output is only read.
  if ('exec' in test) return { exec: { command: test.exec } };
  // Docker runs CMD-SHELL with /bin/sh -c; so does the probe.
  if ('shell' in test) return { exec: { command: ['sh', '-c', test.shell] } };
  if ('http' in test) {
    const { path, port, scheme } = test.http;
    return { httpGet: { path, port, ...(scheme ? { scheme: scheme.toUpperCase() } : {}) } };
  }
  return { tcpSocket: { port: test.tcp.port } };
}

const NO_PROBES: Probes = Object.freeze({});

/** A duration of the healthcheck in whole seconds (rounded up, with a note under the container's path `at`); undefined when unset. */
function whole(k: KubeContext, hc: Healthcheck, at: Path, id: string, field: 'interval' | 'timeout' | 'startPeriod', min: number) {
  const d = hc[field];
  if (d === undefined) return undefined;
  const { value, exact } = durationSeconds(d, min);
  if (!exact)
    k.note('approximated', [...at, 'healthcheck', field], id, `Kubernetes counts probe ${field} in whole seconds: ${d} becomes ${value}s.`);
  return value;
}

/** Adds the timing fields to the probe handler (in a fixed key order; the start period is liveness's). */
function timings(k: KubeContext, hc: Healthcheck, at: Path, id: string, out: Obj): Obj {
  out.periodSeconds = whole(k, hc, at, id, 'interval', 1);
  out.timeoutSeconds = whole(k, hc, at, id, 'timeout', 1);
  out.failureThreshold = hc.retries;
  return out;
}
