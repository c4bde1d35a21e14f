import { demuxer } from '../docker/logs/demux';
import { lineAssembler } from '../docker/logs/lines';
import { ndjsonSplitter } from '../docker/status/ndjson';
import type { EngineError } from '../types';
import type { PodmanApi } from './api';
import type { PlannedPod } from './manifest';

interface Inspect {
  Id: string;
  Name: string;
  RestartCount?: number;
  State?: { Status?: string; ExitCode?: number; Running?: boolean };
}

/**
 * After the pods were played: wait `settleMs`, then look once at their long-running containers.
 * One that exited with an error, or that Podman already restarted once, is CONTAINER_EXITED; one
 * restarted twice or more is CRASH_LOOP (both with the last exit code from Podman's `died`
 * events and the last log lines). Later exits are the status stream's to report.
 */
export async function settlePods(
  ctx: { api: PodmanApi; settleMs: number; signal?: AbortSignal },
  pods: readonly PlannedPod[],
): Promise<EngineError[]> {
  if (pods.length === 0 || ctx.settleMs <= 0) return [];
  const since = Math.floor(Date.now() / 1000) - 600;
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ctx.settleMs);
    ctx.signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
  const errors: EngineError[] = [];
  for (const pod of pods)
    for (const c of pod.containers) {
      if (c.init) continue;
      const name = `${pod.pod}-${c.name}`;
      const i = await ctx.api.get<Inspect>(`/containers/${encodeURIComponent(name)}/json`).catch(() => undefined);
      if (!i?.State) continue;
      const restarts = i.RestartCount ?? 0;
      const exited = !i.State.Running && (i.State.ExitCode ?? 0) !== 0;
      // A new pod's container that Podman restarted already has exited; a running one shows exit 0.
      if (!exited && restarts === 0) continue;
      const exitCode = exited ? i.State.ExitCode : await lastExitCode(ctx.api, i.Id, since);
      const logTail = await tail(ctx.api, i.Id, 20);
      const looping = restarts >= 2;
      errors.push({
        code: looping ? 'CRASH_LOOP' : 'CONTAINER_EXITED',
        message: looping
          ? `${c.elementId} keeps exiting (${restarts} restarts, exit code ${exitCode ?? '?'}).`
          : `${c.elementId} exited with code ${exitCode ?? '?'} right after it started.`,
        hint: 'Read its last log lines; fix the command, the configuration or the image.',
        elementId: c.elementId,
        exitCode,
        restarts,
        logTail,
      });
    }
  return errors;
}

/** The exit code of the container's last `died` event (Podman resets State.ExitCode on restart). */
async function lastExitCode(api: PodmanApi, id: string, since: number): Promise<number | undefined> {
  try {
    const res = await api.stream('GET', '/events', {
      query: { stream: false, since: String(since), filters: { type: ['container'], event: ['died'], container: [id] } },
    });
    let last: number | undefined;
    const split = ndjsonSplitter();
    for await (const chunk of res)
      for (const e of split.push(chunk as Buffer)) {
        const code = Number.parseInt(
          (e as { Actor?: { Attributes?: Record<string, string> } }).Actor?.Attributes?.containerExitCode ?? '',
          10,
        );
        if (Number.isFinite(code)) last = code;
      }
    return last;
  } catch {
    return undefined;
  }
}

export async function tail(api: PodmanApi, id: string, lines: number): Promise<string[]> {
  try {
    const res = await api.stream('GET', `/containers/${encodeURIComponent(id)}/logs`, {
      query: { stdout: true, stderr: true, tail: lines },
    });
    const d = demuxer();
    const asm = { stdout: lineAssembler(), stderr: lineAssembler() };
    const out: string[] = [];
    for await (const chunk of res) for (const f of d.push(chunk as Buffer)) out.push(...asm[f.stream].push(f.payload));
    out.push(...asm.stdout.flush(), ...asm.stderr.flush());
    return out.slice(-lines);
  } catch {
    return [];
  }
}
