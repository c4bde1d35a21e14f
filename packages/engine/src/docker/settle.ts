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
 * With a live event stream (`feed`, open since before the first start) each container has been
 * watched from its own start: the window ends `windowMs` after the latest start, and a container
 * is inspected again only when the engine reports an event of it. Without one, every container is
 * inspected every `pollMs` until `windowMs` from now.
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
  // A container caught running again after a restart shows exit code 0 (the engine resets it on
  // start); it is reported once seen in its back-off (Restarting, with the real code) or at the end.
  const suspects = new Map<string, EngineError>();
  const now = Date.now();
  const startedAt = Math.floor(now / 1000) - 60;
  const deadline = feed.live ? Math.max(now, ...started.map((c) => (c.at ?? now) + windowMs)) : now + windowMs;
  const report = async (c: Started, error: EngineError) => errors.push({ ...error, logTail: await logTail(docker, c.id) });
  /** Event version of each container at its last inspect. */
  const seen = new Map<string, number>();
  while (pending.length > 0) {
    const due = pending.filter((c) => !feed.live || seen.get(c.id) !== feed.version(c.id));
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
    }
    pending = pending.filter((c) => !done.has(c.id));
    if (Date.now() >= deadline) break;
    const left = Math.max(0, deadline - Date.now());
    await feed.changed(new Map(pending.map((c) => [c.id, seen.get(c.id) ?? 0])), feed.live ? left : Math.min(pollMs, left));
  }
  for (const c of pending) {
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
