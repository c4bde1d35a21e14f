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
 * Unset timings keep the Kubernetes defaults. startPeriod becomes initialDelaySeconds: the
 * first probe waits that long, where Docker would count a success in that time at once.
 */
export function probes(k: KubeContext, hc: Healthcheck | undefined, at: Path, id: string): Probes {
  if (!hc) return {};
  const probe = timings(k, hc, [...at, 'healthcheck'], id, handler(hc.test));
  return hc.liveness ? { readinessProbe: probe, livenessProbe: { ...probe } } : { readinessProbe: probe };
}

function handler(test: HealthTest): Obj {
  if ('exec' in test) return { exec: { command: [...test.exec] } };
  // Docker runs CMD-SHELL with /bin/sh -c; so does the probe.
  if ('shell' in test) return { exec: { command: ['sh', '-c', test.shell] } };
  if ('http' in test) {
    const { path, port, scheme } = test.http;
    return { httpGet: { path, port, ...(scheme ? { scheme: scheme.toUpperCase() } : {}) } };
  }
  return { tcpSocket: { port: test.tcp.port } };
}

/** Adds the timing fields to the probe handler (in a fixed key order). */
function timings(k: KubeContext, hc: Healthcheck, at: Path, id: string, out: Obj): Obj {
  const seconds = (field: 'interval' | 'timeout' | 'startPeriod', key: string, min: number) => {
    const d = hc[field];
    if (d === undefined) return;
    const { value, exact } = durationSeconds(d, min);
    out[key] = value;
    if (!exact) k.note('approximated', [...at, field], id, `Kubernetes counts probe ${field} in whole seconds: ${d} becomes ${value}s.`);
  };
  seconds('startPeriod', 'initialDelaySeconds', 0);
  seconds('interval', 'periodSeconds', 1);
  seconds('timeout', 'timeoutSeconds', 1);
  if (hc.retries !== undefined) out.failureThreshold = hc.retries;
  return out;
}
