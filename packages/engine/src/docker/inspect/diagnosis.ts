import type { EngineError, PlanAction, ProgressEvent, ResourceAction } from '../../types';

/** What a person needs after a failed deploy: where it failed, what the engine said, what to try. */
export interface RunDiagnosis {
  ok: boolean;
  /** The step that failed (the first one), in words, with its element. */
  failedStep?: { what: string; elementId?: string; message?: string };
  /** The run's errors, first the one that stopped it. */
  errors: EngineError[];
  exitCode?: number;
  logTail: string[];
  /** The failed container as the engine sees it now, when there is one. */
  container?: ContainerFacts;
  tryNext: string[];
}

export interface ContainerFacts {
  name: string;
  status: string;
  exitCode: number;
  restarts: number;
  oomKilled: boolean;
  /** Its last log lines now (fresher than the error's, when the container kept running). */
  logTail?: string[];
}

/** Pure: a run's progress events (+ the failed container's state, when the caller inspected it) → a diagnosis. */
export function diagnoseRun(events: readonly ProgressEvent[], container?: ContainerFacts): RunDiagnosis {
  const errors = events.flatMap((e) => (e.kind === 'error' ? [e.error] : []));
  const done = events.find((e) => e.kind === 'done');
  const ok = done?.kind === 'done' ? done.ok && errors.length === 0 : errors.length === 0;
  const failed = events.find((e) => e.kind === 'step' && e.phase === 'failed');
  const first = errors[0];
  const out: RunDiagnosis = { ok, errors, logTail: [], tryNext: [] };
  if (failed?.kind === 'step') {
    out.failedStep = {
      what: describeAction(failed.action),
      ...optional('elementId', failed.action.elementId),
      ...optional('message', failed.message),
    };
  } else if (first) {
    // No step failed: the settle window (exits, crash loops) or a check before any step reported it.
    out.failedStep = {
      what: first.step ?? AFTER_START[first.code] ?? first.code,
      ...optional('elementId', first.elementId),
      message: first.message,
    };
  }
  const exitCode = first?.exitCode ?? container?.exitCode;
  if (exitCode !== undefined && (first?.exitCode !== undefined || container?.status === 'exited')) out.exitCode = exitCode;
  out.logTail = container?.logTail?.length ? container.logTail : (first?.logTail ?? []);
  if (container) out.container = container;
  out.tryNext = first ? suggestions(first, container) : [];
  return out;
}

function describeAction(a: PlanAction | ResourceAction): string {
  if ('resource' in a) return `${a.kind} ${a.resource} ${a.name}${a.reason === 'build' ? ' (build)' : ''}`;
  return `${a.kind} ${a.service}${a.container && a.container !== a.service ? `/${a.container}` : ''}${a.replica ? ` #${a.replica}` : ''}`;
}

const AFTER_START: Partial<Record<EngineError['code'], string>> = {
  CONTAINER_EXITED: 'after its start: the container exited',
  CRASH_LOOP: 'after its start: the container keeps restarting',
};

const EXIT_MEANING: Record<number, string> = {
  0: 'The process ended normally: its command does not keep running. A service needs a long-running command (a server, not a one-off job).',
  1: 'The program failed on its own: read its last log lines for the reason (configuration, a missing variable, a peer it cannot reach).',
  125: 'The engine could not run the container (a bad option): read the engine’s message.',
  126: 'The command is not executable: check its path and file mode in the image.',
  127: 'The command was not found in the image: check the command and arguments, or the image’s PATH.',
  137: 'The process was killed (SIGKILL), usually for memory: raise the memory limit, or look for a leak.',
  139: 'The process crashed (segmentation fault): a bug or an image built for another platform.',
  143: 'The process was stopped (SIGTERM).',
};

function suggestions(e: EngineError, c: ContainerFacts | undefined): string[] {
  const out: string[] = [];
  if (e.hint) out.push(e.hint);
  const code = e.exitCode ?? c?.exitCode;
  switch (e.code) {
    case 'BUILD_FAILED':
      out.push(`Fix ${e.step ? `“${e.step}”` : 'the failing step'} in the Dockerfile; the build output above shows what the engine ran.`);
      break;
    // The error's own hint says it for its cause (DNS or login, which port): the general line only without one.
    case 'IMAGE_PULL_FAILED':
      if (!e.hint)
        out.push('Check the image name and tag; without a registry, build the image locally or give the container a build context.');
      break;
    case 'PORT_IN_USE':
      if (!e.hint) out.push('Publish another host port, or stop what holds this one (another deployment, a local server).');
      break;
    case 'CONTAINER_EXITED':
    case 'CRASH_LOOP':
      if (c?.oomKilled) out.push('The kernel killed it for memory (OOM): raise its memory limit.');
      if (code !== undefined)
        out.push(
          EXIT_MEANING[code] ?? `It exited with code ${code}, the program’s own: its last log lines say why; fix that, then deploy again.`,
        );
      if (e.code === 'CRASH_LOOP') out.push('It restarts and fails again: fix the cause first; the restart policy only repeats it.');
      break;
    case 'DEPENDENCY_FAILED':
      out.push('A service it links to failed first: diagnose that one; this one was left created, not started.');
      break;
    case 'DEPENDENCY_TIMEOUT':
      out.push('The linked service did not reach its condition in time: check its health check, or raise the link’s timeout.');
      break;
    case 'DANGEROUS_SETTINGS':
      out.push('Review the dangerous settings and acknowledge each one, or remove them from the blueprint.');
      break;
    case 'ENGINE_UNREACHABLE':
    case 'ENGINE_RESTARTED':
      out.push('Start the container engine (or point DOCKER_HOST at it), then deploy again: a re-run converges.');
      break;
    default:
      out.push('Deploy again after fixing the cause: what was done stays, and a re-run converges.');
  }
  return [...new Set(out)];
}

function optional<K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, V>);
}
