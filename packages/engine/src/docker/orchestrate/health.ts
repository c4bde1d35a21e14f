import type Docker from 'dockerode';
import type { ContainerCreateOptions } from 'dockerode';
import { durationNs } from '../create-options';

/**
 * Is a new replica ready? Healthy when it has a health check; running for `settleMs` when it
 * has none (so a crash at start is caught). An exit, or a health check that reports unhealthy,
 * fails at once; anything still starting at the deadline fails with the last probe output.
 */
export type Readiness = { ok: true } | { ok: false; id: string; reason: string };

export interface ReadyOptions {
  deadlineMs: number;
  /** Without a health check: how long the container must keep running. */
  settleMs?: number;
  pollMs?: number;
  signal?: AbortSignal | undefined;
}

export async function waitReady(docker: Docker, ids: readonly string[], o: ReadyOptions): Promise<Readiness> {
  const end = Date.now() + o.deadlineMs;
  const settle = o.settleMs ?? 1000;
  const pending = new Set(ids);
  let last = new Map<string, string>();
  while (pending.size > 0) {
    if (o.signal?.aborted) return { ok: false, id: [...pending][0] as string, reason: 'cancelled' };
    const next = new Map<string, string>();
    for (const id of [...pending]) {
      let info: Awaited<ReturnType<Docker.Container['inspect']>>;
      try {
        info = await docker.getContainer(id).inspect();
      } catch (e) {
        return { ok: false, id, reason: `it is gone (${(e as Error).message})` };
      }
      const s = info.State;
      const health = (s as { Health?: { Status?: string; Log?: { Output?: string; ExitCode?: number }[] } }).Health;
      if (!s.Running && !s.Restarting) return { ok: false, id, reason: `it exited with code ${s.ExitCode}` };
      if (health?.Status === 'healthy') pending.delete(id);
      else if (health?.Status === 'unhealthy') return { ok: false, id, reason: `its health check fails: ${probeOutput(health.Log)}` };
      else if (!health && s.Running && !s.Restarting && Date.now() - Date.parse(s.StartedAt) >= settle) pending.delete(id);
      else
        next.set(
          id,
          health ? `health ${health.Status ?? 'starting'}: ${probeOutput(health.Log)}` : s.Restarting ? 'restarting' : 'starting',
        );
    }
    last = next;
    if (pending.size === 0) break;
    if (Date.now() >= end) {
      const id = [...pending][0] as string;
      return { ok: false, id, reason: `not healthy within ${Math.round(o.deadlineMs / 100) / 10} s (${last.get(id) ?? 'starting'})` };
    }
    await new Promise((r) => setTimeout(r, Math.min(o.pollMs ?? 200, Math.max(10, end - Date.now()))));
  }
  return { ok: true };
}

function probeOutput(log: { Output?: string; ExitCode?: number }[] | undefined): string {
  const l = log?.at(-1);
  if (!l) return 'no probe has finished yet';
  const out = (l.Output ?? '').trim().split('\n').at(-1) ?? '';
  return `last probe exit ${l.ExitCode}${out ? `: ${out.slice(0, 200)}` : ''}`;
}

const DEFAULTS = { interval: 30e9, retries: 3, start: 0 };

/**
 * How long a new replica may take to turn healthy: the blueprint's `rollout.monitor` when set, else
 * what its health check allows before Docker would call it unhealthy (start period + (retries + 1)
 * intervals + one probe's timeout), at least 5 s; without a health check, 10 s.
 */
export function deadlineMs(options: ContainerCreateOptions, monitor?: string): number {
  if (monitor) return Math.max(1000, durationNs(monitor) / 1e6);
  const hc = options.Healthcheck;
  if (!hc?.Test || hc.Test[0] === 'NONE') return 10_000;
  const interval = hc.Interval || DEFAULTS.interval;
  const ns = (hc.StartPeriod || DEFAULTS.start) + ((hc.Retries || DEFAULTS.retries) + 1) * interval + (hc.Timeout || interval);
  return Math.max(5000, Math.round(ns / 1e6));
}
