import type Docker from 'dockerode';
import type { EngineError } from '../types';
import { isUnreachable } from './errors';
import { logTail } from './logs-tail';

/**
 * After an apply has started containers, watch them for a short window: a container that exits
 * with an error or restarts is reported (exit code, restart count, last log lines) instead of the
 * deploy looking fine. Returns at once when nothing was started, so a no-op deploy pays nothing.
 */
export interface Started {
  id: string;
  name: string;
  service: string;
  elementId: string;
}

export async function settle(docker: Docker, started: readonly Started[], windowMs: number, pollMs = 250): Promise<EngineError[]> {
  const errors: EngineError[] = [];
  let pending = [...started];
  // A container caught running again after a restart shows exit code 0 (the engine resets it on
  // start); it is reported once seen in its back-off (Restarting, with the real code) or at the end.
  const suspects = new Map<string, EngineError>();
  const startedAt = Math.floor(Date.now() / 1000) - 60;
  const deadline = Date.now() + windowMs;
  const report = async (c: Started, error: EngineError) => errors.push({ ...error, logTail: await logTail(docker, c.id) });
  while (pending.length > 0) {
    const next: Started[] = [];
    for (const c of pending) {
      let info: Docker.ContainerInspectInfo;
      try {
        info = await docker.getContainer(c.id).inspect();
      } catch (e) {
        if (isUnreachable(e)) return errors; // reported by the caller's own failure path
        continue; // removed meanwhile: nothing to report
      }
      const error = verdict(c, info);
      if (error && (error.code !== 'CRASH_LOOP' || info.State.Restarting)) await report(c, error);
      else {
        if (error) suspects.set(c.id, error);
        next.push(c);
      }
    }
    pending = next;
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
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
