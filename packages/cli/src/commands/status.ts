import type { ContainerStatus, StatusEvent, TargetKind } from '@blaupause/engine';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError, formatTable, stateAndHealth, statusRows } from '../engine-render';
import type { Io } from '../io';
import { sanitize } from '../render';
import { takeSnapshot } from '../snapshot';

export interface StatusArgs {
  /** The deploy target (docker unless --target names another). */
  target?: TargetKind;
  /** The kubeconfig context (--target kubernetes). */
  context?: string;
  project?: string;
  watch: boolean;
  json: boolean;
}

/** `status`: a table of our containers (one project, or all of ours), once or live. */
export async function statusCommand(args: StatusArgs, io: Io, deps: EngineDeps): Promise<number> {
  if (args.watch) return watch(args, io, deps);
  const driver = await deps.driver(args.target, args.context);
  const snap = await takeSnapshot(driver, args.project, deps.signal);
  if (!snap.ok) {
    if (args.json) io.stdout.write(`${JSON.stringify({ ok: false, errors: [snap.error] }, null, 2)}\n`);
    else io.stderr.write(formatEngineError(snap.error));
    return exitCodeFor([snap.error]);
  }
  if (args.json) io.stdout.write(`${JSON.stringify({ ok: true, containers: snap.containers }, null, 2)}\n`);
  else io.stdout.write(table(snap.containers, args.project));
  return EXIT.ok;
}

function table(list: readonly ContainerStatus[], project: string | undefined): string {
  if (list.length === 0) return project ? `No containers of project ${project}.\n` : 'No containers deployed by Blaupause.\n';
  return formatTable(statusRows(list, project === undefined));
}

/**
 * Follows the status stream until Ctrl+C. On a terminal the table is redrawn on every change;
 * otherwise (a pipe, a log file) each change is appended as one line. With --json every event is
 * one JSON line. CPU/memory samples are left out: they would drown the state changes.
 */
async function watch(args: StatusArgs, io: Io, deps: EngineDeps): Promise<number> {
  const driver = await deps.driver(args.target, args.context);
  const current = new Map<string, ContainerStatus>();
  const redraw = io.stdout.isTTY && !args.json;
  let connected = true;
  for await (const ev of driver.watch(args.project, deps.signal)) {
    if (ev.kind === 'stats') continue;
    if (args.json) {
      io.stdout.write(`${JSON.stringify(ev)}\n`);
      continue;
    }
    if (ev.kind === 'engine') {
      if (!ev.connected && connected) io.stderr.write(formatEngineError(unreachableOf(ev)).replace(/\n$/, ' (retrying)\n'));
      connected = ev.connected;
      continue;
    }
    if (ev.kind === 'snapshot') {
      current.clear();
      for (const c of ev.containers) current.set(key(c), c);
      io.stdout.write(
        redraw
          ? `\u001b[H\u001b[2J${header(args.project)}${table([...current.values()], args.project)}`
          : table(ev.containers, args.project),
      );
      continue;
    }
    if (ev.status.state === 'removed') current.delete(key(ev.status));
    else current.set(key(ev.status), ev.status);
    io.stdout.write(
      redraw ? `\u001b[H\u001b[2J${header(args.project)}${table([...current.values()], args.project)}` : `${changeLine(ev.status)}\n`,
    );
  }
  return EXIT.ok;
}

const key = (c: ContainerStatus) => `${c.project}/${c.service}/${c.container}/${c.replica}`;

const header = (project: string | undefined) =>
  `Status of ${project ? `project ${project}` : 'all Blaupause projects'} (live; Ctrl+C to stop)\n\n`;

function changeLine(s: ContainerStatus): string {
  const { state, health } = stateAndHealth(s);
  const time = new Date(s.at).toISOString().slice(11, 23);
  const who = `${s.project}/${s.service}${s.container !== s.service ? `/${s.container}` : ''} #${s.replica}`;
  const extra = [health !== '-' ? health : '', s.restarts ? `${s.restarts} restarts` : '', s.ports.join(', ')].filter(Boolean).join(', ');
  return sanitize(`${time} ${who} ${state}${extra ? ` (${extra})` : ''}`);
}

function unreachableOf(ev: Extract<StatusEvent, { kind: 'engine' }>) {
  return { code: 'ENGINE_UNREACHABLE' as const, message: ev.message ?? 'The container engine cannot be reached.' };
}
