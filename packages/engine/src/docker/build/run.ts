import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import type { EngineError, ProgressEvent } from '../../types';
import { EngineFailure, engineMessage, isUnreachable, unreachable } from '../errors';
import type { BuildPlan } from './prepare';

interface BuildMessage {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string };
}

/**
 * Builds one image through the Engine API (POST /build): the context packed as a tar of exactly
 * the hashed entries, the engine's output streamed as `build` progress events line by line. A
 * failure is BUILD_FAILED naming the Dockerfile step that failed and the engine's message.
 */
export async function buildImage(
  docker: Docker,
  plan: BuildPlan,
  endpoint: string,
  emit: (e: ProgressEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const keep = new Set(plan.entries);
  const tar = pack(plan.contextDir, {
    entries: plan.entries,
    // tar-fs walks folders named in `entries`; only the listed files are sent.
    ignore: (name: string) => !keep.has(name.slice(plan.contextDir.length + 1)),
  });
  const state = { step: undefined as string | undefined, lines: [] as string[] };
  let failure: EngineError | undefined;
  try {
    const stream = await docker.buildImage(tar as unknown as NodeJS.ReadableStream, {
      t: plan.tag,
      dockerfile: plan.dockerfile,
      buildargs: plan.args,
      labels: plan.labels,
      rm: true,
      forcerm: true,
      ...(plan.target ? { target: plan.target } : {}),
      ...(plan.noCache ? { nocache: true } : {}),
      ...(signal ? { abortSignal: signal } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err: Error | null) => (err ? reject(err) : resolve()),
        (m: BuildMessage) => {
          if (m.error || m.errorDetail) {
            failure ??= buildFailure(plan, m.errorDetail?.message ?? m.error ?? 'unknown error', state.step, state.lines);
            return;
          }
          for (const text of (m.stream ?? m.status ?? '').split('\n')) {
            const line = text.trimEnd();
            if (!line) continue;
            if (/^Step \d+\/\d+ : /.test(line)) state.step = line;
            state.lines.push(line);
            if (state.lines.length > 20) state.lines.shift();
            emit({ kind: 'build', image: plan.tag, elementId: plan.elementId, text: line, at: Date.now() });
          }
        },
      );
    });
  } catch (e) {
    // A context file gone while it was packed (ENOENT with its path) is the build's failure, not the engine's.
    const path = (e as { path?: unknown } | undefined)?.path;
    const contextGone = typeof path === 'string' && path.startsWith(plan.contextDir);
    if (isUnreachable(e) && !contextGone) throw new EngineFailure(unreachable(e, endpoint));
    if (signal?.aborted) throw new EngineFailure({ code: 'CANCELLED', message: 'Deploy cancelled during an image build.' });
    throw new EngineFailure(failure ?? buildFailure(plan, engineMessage(e), state.step, state.lines));
  }
  if (failure) throw new EngineFailure(failure);
  if (plan.alsoTag) {
    const { repo, tag } = splitReference(plan.alsoTag);
    await docker.getImage(plan.tag).tag({ repo, tag });
  }
}

/** The failing step: the last "Step n/m : …" the engine announced, else the Dockerfile line a parse error names. */
export function buildFailure(plan: BuildPlan, message: string, step: string | undefined, lines: string[]): EngineError {
  const line = /line (\d+)/i.exec(message)?.[1];
  const where = step ?? (line ? `${plan.dockerfile} line ${line}` : undefined);
  return {
    code: 'BUILD_FAILED',
    message: `Image for container "${plan.container}" of service "${plan.service}" could not be built${where ? ` at ${where}` : ''}: ${message.trim()}`,
    hint: 'Fix the Dockerfile step (the build output is in the progress), then run it again (deploy, or build from the images view / `blaupause images --build`); nothing was created.',
    elementId: plan.elementId,
    ...(where ? { step: where } : {}),
    logTail: lines.slice(-10),
  };
}

/** "registry:5000/app:1.2" → repo "registry:5000/app", tag "1.2"; no tag → "latest". */
export function splitReference(ref: string): { repo: string; tag: string } {
  const at = ref.lastIndexOf(':');
  if (at > ref.lastIndexOf('/')) return { repo: ref.slice(0, at), tag: ref.slice(at + 1) };
  return { repo: ref, tag: 'latest' };
}
