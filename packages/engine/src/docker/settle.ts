import type Docker from 'dockerode';
import type { EngineError } from '../types';
import { isUnreachable } from './errors';
import { logTail } from './logs-tail';
import { type ChangeFeed, POLLING } from './project-events';

/**
 * After an apply has started containers, watch them for a short window: a container that exits
 * with an error or restarts is reported (exit code, restart count, last log lines) instead of the
 * deploy looking fine. Returns at once when nothing was started, so a no-op deploy pays nothing.
 *
 * Each container's window counts from its own start (`at`) and lasts `windowMs`; the watch ends
 * when every window has. A container whose healthcheck has passed is settled at once: it is up
 * and answering, which is what the window waits to see (a later crash is the status stream's, as
 * after any window). Containers started early in a long deploy are therefore settled by the time
 * the last one starts, and the deploy pays at most `windowMs` after its last start, less when that
 * container turns healthy sooner.
 *
 * With a live event stream (`feed`, open since before the first start) a container is inspected
 * once, then again only when the engine reports an event of it; without one, every `pollMs`.
 */
export interface Started {
  id: string;
  name: string;
  service: string;
  elementId: string;
  /** When its start returned (Date.now()). */
  at?: number;
}

export async function settle(
  docker: Docker,
  started: readonly Started[],
  windowMs: number,
  pollMs = 250,
  feed: ChangeFeed = POLLING,
): Promise<EngineError[]> {
  const errors: EngineError[] = [];
  let pending = [...started];
  /** Windows over without a verdict: only suspects among them are reported. */
  const over: Started[] = [];
  // A container caught running again after a restart shows exit code 0 (the engine resets it on
  // start); it is reported once seen in its back-off (Restarting, with the real code) or at the end.
  const suspects = new Map<string, EngineError>();
  const now = Date.now();
  const startedAt = Math.floor(now / 1000) - 60;
  const until = (c: Started) => (c.at ?? now) + windowMs;
  const report = async (c: Started, error: EngineError) => errors.push({ ...error, logTail: await logTail(docker, c.id) });
  /** Event version of each container at its last inspect. */
  const seen = new Map<string, number>();
  while (pending.length > 0) {
    const due = pending.filter((c) => !seen.has(c.id) || !feed.live || seen.get(c.id) !== feed.version(c.id));
    for (const c of due) seen.set(c.id, feed.version(c.id));
    const infos = await Promise.all(
      due.map((c) =>
        docker
          .getContainer(c.id)
          .inspect()
          .then(
            (info) => ({ info }),
            (e: unknown) => ({ e }),
          ),
      ),
    );
    const done = new Set<string>();
    for (const [i, c] of due.entries()) {
      const r = infos[i] as { info: Docker.ContainerInspectInfo } | { e: unknown };
      if ('e' in r) {
        if (isUnreachable(r.e)) return errors; // reported by the caller's own failure path
        done.add(c.id); // removed meanwhile: nothing to report
        continue;
      }
      const error = verdict(c, r.info);
      if (error && (error.code !== 'CRASH_LOOP' || r.info.State.Restarting)) {
        await report(c, error);
        done.add(c.id);
      } else if (error) suspects.set(c.id, error);
      else if (r.info.State.Health?.Status === 'healthy' && r.info.State.Running) done.add(c.id);
    }
    // A window is over once its time is up and the container's last event has been looked at.
    const t = Date.now();
    const next: Started[] = [];
    for (const c of pending) {
      if (done.has(c.id)) continue;
      if (t >= until(c) && (!feed.live || seen.get(c.id) === feed.version(c.id))) over.push(c);
      else next.push(c);
    }
    pending = next;
    if (pending.length === 0) break;
    const left = Math.max(0, Math.min(...pending.map(until)) - Date.now());
    await feed.changed(new Map(pending.map((c) => [c.id, seen.get(c.id) ?? 0])), feed.live ? left : Math.min(pollMs, left));
  }
  for (const c of over) {
    const error = suspects.get(c.id);
    if (!error) continue;
    // Caught running between restarts: the engine's `die` events still know the last exit code.
    const code = await lastExitCode(docker, c.id, startedAt);
    const { exitCode: _reset, ...rest } = error;
    await report(
      c,
      code === undefined
        ? { ...rest, message: error.message.replace(/exit code 0, /, '') }
        : { ...rest, exitCode: code, message: error.message.replace(/exit code 0/, `exit code ${code}`) },
    );
  }
  return errors;
}

/** A crash loop (restarting, or restarted since it was created) or a non-zero exit; else undefined. */
export function verdict(c: Started, info: Docker.ContainerInspectInfo): EngineError | undefined {
  const s = info.State;
  const restarts = info.RestartCount ?? 0;
  if (s.Restarting || restarts > 0)
    return {
      code: 'CRASH_LOOP',
      message: `Container ${c.name} of service "${c.service}" is crash-looping: exit code ${s.ExitCode}, restarted ${restarts} time(s).`,
      hint: 'Read its last log lines; fix the command, configuration or image.',
      elementId: c.elementId,
      exitCode: s.ExitCode,
      restarts,
    };
  // An error exit under a restart policy is the first turn of a loop, whether or not the engine has restarted it yet.
  const policy = info.HostConfig?.RestartPolicy?.Name ?? 'no';
  if (s.Status === 'exited' && s.ExitCode !== 0 && policy !== 'no' && policy !== '')
    return {
      code: 'CRASH_LOOP',
      message: `Container ${c.name} of service "${c.service}" is crash-looping: exit code ${s.ExitCode}, restarted ${restarts} time(s) so far (restart policy ${policy}).`,
      hint: 'Read its last log lines; fix the command, configuration or image.',
      elementId: c.elementId,
      exitCode: s.ExitCode,
      restarts,
    };
  if (s.Status === 'exited' && s.ExitCode !== 0)
    return {
      code: 'CONTAINER_EXITED',
      message: `Container ${c.name} of service "${c.service}" exited with code ${s.ExitCode}.`,
      elementId: c.elementId,
      exitCode: s.ExitCode,
      restarts,
    };
  return undefined;
}

/** The exit code of the container's last `die` event since `since` (seconds), read from the engine's event log. */
export async function lastExitCode(docker: Docker, id: string, since: number): Promise<number | undefined> {
  try {
    const stream = (await docker.getEvents({
      since,
      until: Math.ceil(Date.now() / 1000),
      filters: { container: [id], event: ['die'] },
    })) as NodeJS.ReadableStream;
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    let code: number | undefined;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const exit = (JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } }).Actor?.Attributes?.exitCode;
      if (exit !== undefined) code = Number(exit);
    }
    return code;
  } catch {
    return undefined;
  }
}
