import type { EngineError, TargetKind } from '@blaupause/engine';
import { type EngineDeps, exitCodeFor } from '../engine-deps';
import type { Io } from '../io';
import { ProgressPrinter } from './progress';

export interface DownArgs {
  /** The deploy target (docker unless --target names another). */
  target?: TargetKind;
  /** The kubeconfig context (--target kubernetes). */
  context?: string;
  project: string;
  volumes: string[] | 'all';
  json: boolean;
}

/**
 * `down`: removes the project's containers and networks — only ours, by ownership label — and
 * named volumes only when the user names them (or says --all-volumes): data is never implied.
 */
export async function downCommand(args: DownArgs, io: Io, deps: EngineDeps): Promise<number> {
  const driver = await deps.driver(args.target, args.context);
  const printer = args.json ? undefined : new ProgressPrinter(io, args.project);
  const errors: EngineError[] = [];
  const removed: string[] = [];
  const removedVolumes: string[] = [];
  const options = { signal: deps.signal, ...(args.volumes === 'all' ? { allVolumes: true } : { volumes: args.volumes }) };
  for await (const ev of driver.destroy(args.project, options)) {
    if (ev.kind === 'error') errors.push(ev.error);
    if (ev.kind === 'step' && ev.phase === 'done') {
      removed.push('resource' in ev.action ? `${ev.action.resource} ${ev.action.name}` : ev.action.elementId);
      if ('resource' in ev.action && ev.action.resource === 'volume') removedVolumes.push(ev.action.name);
    }
    printer?.event(ev);
  }
  printer?.end();
  // A name that matched nothing is said, not silently passed over: the user expected data to go.
  const missing = args.volumes === 'all' ? [] : args.volumes.filter((v) => !removedVolumes.includes(`${args.project}_${v}`));
  if (args.json) {
    io.stdout.write(
      `${JSON.stringify({ ok: errors.length === 0, project: args.project, removed, volumesNotFound: missing, errors }, null, 2)}\n`,
    );
    return exitCodeFor(errors);
  }
  for (const v of missing) io.stderr.write(`warning: no volume "${v}" in project ${args.project} (nothing deleted for it)\n`);
  if (errors.length) return exitCodeFor(errors);
  if (removed.length === 0)
    io.stdout.write(`Nothing of project ${args.project} was found (containers, networks and volumes are ours only by label).\n`);
  else
    io.stdout.write(
      `Project ${args.project} is down.${args.volumes === 'all' ? '' : ' Named volumes not listed with --volumes are kept.'}\n`,
    );
  return exitCodeFor(errors);
}
