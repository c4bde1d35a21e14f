import { dirname, resolve } from 'node:path';
import type { DeployPlan, Driver, EngineError, TargetKind } from '@blaupause/engine';
import type { Blueprint } from '@blaupause/model';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError, formatPlan, publishedLine } from '../engine-render';
import { loadOpened, openInput } from '../folder';
import { type Io, useColor } from '../io';
import { formatReport } from '../render';
import { isError, type Reported } from '../report';
import { takeSnapshot } from '../snapshot';
import { ProgressPrinter } from './progress';

export interface DeployArgs {
  /** The deploy target (docker unless --target names another). */
  target?: TargetKind;
  /** The kubeconfig context (--target kubernetes). */
  context?: string;
  kind: 'deploy' | 'plan';
  file: string;
  project?: string;
  /** Ids of dangerous settings the user acknowledged (--allow-dangerous). */
  allowDangerous?: string[];
  json: boolean;
}

/**
 * `deploy` and `plan`: the file is read (a Compose or Kubernetes file imported first, as compile
 * does) and validated before any engine call; a file with errors never reaches the engine.
 * Bind sources and config files resolve inside the file's folder (DeployOptions.baseDir).
 */
export async function deployCommand(args: DeployArgs, io: Io, deps: EngineDeps): Promise<number> {
  const loaded = load(args.file);
  const bp = loaded.blueprint;
  if (!bp || loaded.diagnostics.some(isError)) {
    if (args.json) writeJson(io, { ok: false, diagnostics: loaded.diagnostics });
    else io.stderr.write(formatReport(loaded.diagnostics, [args.file], useColor(io, io.stderr)));
    return EXIT.failed;
  }
  if (!args.json && loaded.diagnostics.length) io.stderr.write(formatReport(loaded.diagnostics, [args.file], useColor(io, io.stderr)));
  // The blueprint's name is the default project, as Compose uses the file's `name:`.
  const project = args.project ?? bp.metadata.name;
  const options = { project, baseDir: loaded.baseDir, signal: deps.signal, acknowledge: args.allowDangerous ?? [] };
  const driver = await deps.driver(args.target, args.context);

  if (args.kind === 'plan') {
    const r = await driver.plan(bp, options);
    const errors = r.ok ? [] : [r.error];
    if (args.json) writeJson(io, { ok: r.ok, project, diagnostics: loaded.diagnostics, ...(r.ok ? { plan: r.value } : {}), errors });
    else if (r.ok) io.stdout.write(formatPlan(r.value));
    else io.stderr.write(formatEngineError(r.error));
    return exitCodeFor(errors);
  }
  return apply(driver, bp, options, { diagnostics: loaded.diagnostics, json: args.json }, io, deps);
}

async function apply(
  driver: Driver,
  bp: Blueprint,
  options: { project: string; baseDir: string; signal: AbortSignal; acknowledge: string[] },
  how: { diagnostics: Reported[]; json: boolean },
  io: Io,
  deps: EngineDeps,
): Promise<number> {
  const printer = how.json ? undefined : new ProgressPrinter(io, options.project);
  const errors: EngineError[] = [];
  let plan: DeployPlan | undefined;
  let durationMs = 0;
  let stepsDone = 0;
  for await (const ev of driver.apply(bp, options)) {
    if (ev.kind === 'step' && ev.phase === 'done') stepsDone++;
    if (ev.kind === 'plan') plan = ev.plan;
    if (ev.kind === 'error') errors.push(ev.error);
    if (ev.kind === 'done') durationMs = ev.durationMs;
    printer?.event(ev);
  }
  printer?.end();
  const failed = exitCodeFor(errors);
  // The summary's containers and ports come from the engine, not from what we meant to do.
  const unreachable = failed === EXIT.unreachable || failed === EXIT.cancelled;
  const snap = unreachable ? undefined : await takeSnapshot(driver, options.project, deps.signal);
  const containers = snap?.ok ? snap.containers : [];
  if (how.json) {
    const body = { ok: errors.length === 0, project: options.project, diagnostics: how.diagnostics, ...(plan ? { plan } : {}), errors };
    writeJson(io, { ...body, durationMs, containers });
    return failed;
  }
  const seconds = (durationMs / 1000).toFixed(1);
  if (errors.length) {
    const ended = failed === EXIT.cancelled ? 'was cancelled' : 'failed';
    io.stderr.write(`Deploy of project ${options.project} ${ended} after ${seconds} s.\n`);
    // Only when something was done: a refusal before any change (dangers, a name taken) leaves nothing.
    if (stepsDone > 0) io.stderr.write('What was done stays (labelled): fix the problem and run deploy again, it continues from there.\n');
    return failed;
  }
  const running = containers.filter((c) => ['running', 'healthy', 'starting'].includes(c.state)).length;
  const total = `${containers.length} container${containers.length === 1 ? '' : 's'}`;
  const head = plan?.noop ? `Project ${options.project} is up to date` : `Deployed project ${options.project} in ${seconds} s`;
  io.stdout.write(`${head}: ${running} of ${total} running.\n`);
  const published = containers.flatMap((c) => c.ports.map((p) => publishedLine(c, p)));
  if (published.length) io.stdout.write(`Published ports:\n${published.join('\n')}\n`);
  return EXIT.ok;
}

/** The file, or a folder's Compose file with its .env; the folder the file is in is the base for host paths. */
function load(path: string): { blueprint?: Blueprint; diagnostics: Reported[]; baseDir: string } {
  const opened = openInput(path);
  if (!opened.ok) return { diagnostics: opened.diagnostics, baseDir: resolve(path) };
  const { file } = opened;
  const baseDir = dirname(resolve(file));
  const { input } = loadOpened(opened);
  return { diagnostics: input.diagnostics, baseDir, ...(input.blueprint ? { blueprint: input.blueprint } : {}) };
}

function writeJson(io: Io, body: unknown): void {
  io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
}
