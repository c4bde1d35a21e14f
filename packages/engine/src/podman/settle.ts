import { demuxer } from '../docker/logs/demux';
import { lineAssembler } from '../docker/logs/lines';
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
 * One that exited with an error is CONTAINER_EXITED; one Podman has restarted three times or more
 * is CRASH_LOOP (both with their last log lines). Later exits are the status stream's to report.
 */
export async function settlePods(
  ctx: { api: PodmanApi; settleMs: number; signal?: AbortSignal },
  pods: readonly PlannedPod[],
): Promise<EngineError[]> {
  if (pods.length === 0 || ctx.settleMs <= 0) return [];
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
      if (!exited && restarts < 3) continue;
      const logTail = await tail(ctx.api, i.Id, 20);
      errors.push({
        code: restarts >= 3 ? 'CRASH_LOOP' : 'CONTAINER_EXITED',
        message:
          restarts >= 3
            ? `${c.elementId} keeps exiting (${restarts} restarts, exit code ${i.State.ExitCode ?? '?'}).`
            : `${c.elementId} exited with code ${i.State.ExitCode ?? '?'} right after it started.`,
        hint: 'Read its last log lines; fix the command, the configuration or the image.',
        elementId: c.elementId,
        exitCode: i.State.ExitCode,
        restarts,
        logTail,
      });
    }
  return errors;
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
