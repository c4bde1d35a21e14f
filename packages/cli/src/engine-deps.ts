import type { Driver, EngineError, TargetKind } from '@blaupause/engine';

/**
 * What the engine commands need besides the output streams, constructed by the composition root
 * (main.ts) and injected (DESIGN §9.6): the driver is made only when a command needs one, so
 * `validate` never touches an engine.
 */
export interface EngineDeps {
  /**
   * The driver for DOCKER_HOST or the default socket; constructing it connects to nothing. Async
   * because the engine (dockerode) is loaded only here: validate and compile never pay for it.
   */
  driver(target?: TargetKind, context?: string): Promise<Driver>;
  /** Ctrl+C: a deploy stops between steps, a watch or a follow ends cleanly. */
  signal: AbortSignal;
  /** Runs a program (argv array, no shell) with our stdio; resolves to its exit code. For `serve`. */
  runProcess(argv: readonly string[]): Promise<number>;
  /** Whether a file exists (serve looks for the built server). */
  exists(path: string): boolean;
  /** This module's folder, from which the repository is found (serve). */
  here: string;
}

/**
 * Exit codes beyond 0 (ok), 1 (invalid input or a failed deploy) and 2 (usage): the one table, so
 * a script can tell "no engine" from "the deploy failed". 130 is the shell's code for Ctrl+C.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3, cancelled: 130 } as const;

export function exitCodeFor(errors: readonly EngineError[]): number {
  if (errors.length === 0) return EXIT.ok;
  if (errors.some((e) => e.code === 'ENGINE_UNREACHABLE')) return EXIT.unreachable;
  if (errors.every((e) => e.code === 'CANCELLED')) return EXIT.cancelled;
  return EXIT.failed;
}

/** The driver's own hint names Docker; on a command line we can say exactly what to run. */
export const UNREACHABLE_HINT =
  'Start an engine: `node scripts/docker-env.mjs up` (in the Blaupause repository), `sudo systemctl start docker` or `sudo dockerd &`; ' +
  'if it listens elsewhere, set DOCKER_HOST (e.g. DOCKER_HOST=unix:///run/podman/podman.sock).';
