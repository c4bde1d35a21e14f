import type { EngineError, LogLine, TargetKind } from '@blaupause/engine';
import { type EngineDeps, EXIT, exitCodeFor } from '../engine-deps';
import { formatEngineError } from '../engine-render';
import type { Io } from '../io';
import { sanitize } from '../render';

export interface LogsArgs {
  /** The deploy target (docker unless --target names another). */
  target?: TargetKind;
  /** The kubeconfig context (--target kubernetes). */
  context?: string;
  project: string;
  service: string;
  container?: string;
  tail?: number;
  follow: boolean;
  json: boolean;
}

/**
 * `logs`: the tail of one service's containers (or one pod container), merged in engine-time order,
 * then with --follow new lines until Ctrl+C. Each line is prefixed like docker compose does, with
 * the container and replica. A project or service that is not deployed is said, not an empty output.
 */
export async function logsCommand(args: LogsArgs, io: Io, deps: EngineDeps): Promise<number> {
  const driver = await deps.driver(args.target, args.context);
  const list = await driver.list();
  if (!list.ok) return fail(io, args, list.error);
  const deployment = list.value.find((d) => d.project === args.project);
  if (!deployment?.services.includes(args.service)) {
    const known = deployment ? `its services: ${deployment.services.join(', ')}` : 'see "blaupause status" for what is deployed';
    const what = deployment ? `Project ${args.project} has no service "${args.service}"` : `No project "${args.project}" is deployed`;
    return fail(io, args, { code: 'NOT_FOUND', message: `${what}.`, hint: known });
  }
  const lines = driver.logs({
    project: args.project,
    service: args.service,
    follow: args.follow,
    signal: deps.signal,
    ...(args.container ? { container: args.container } : {}),
    ...(args.tail !== undefined ? { tail: args.tail } : {}),
  });
  try {
    for await (const line of lines) io.stdout.write(args.json ? `${JSON.stringify(line)}\n` : `${prefix(line)} | ${sanitize(line.text)}\n`);
  } catch (e) {
    // The driver throws its errors as data (EngineFailure carries an EngineError); nothing else is expected.
    const error = (e as { error?: EngineError }).error;
    if (!error) throw e;
    return fail(io, args, error);
  }
  return EXIT.ok;
}

/** "web-1" for the main container, "web/log-shipper-1" for a helper: as recognisable as compose's prefix. */
function prefix(line: LogLine): string {
  const m = /^container:([^/]+)\/(.+)$/.exec(line.elementId);
  const who = m && m[1] !== m[2] ? `${m[1]}/${m[2]}` : (m?.[1] ?? line.elementId);
  return sanitize(`${who}-${line.replica}`);
}

function fail(io: Io, args: LogsArgs, error: EngineError): number {
  if (args.json) io.stdout.write(`${JSON.stringify({ ok: false, errors: [error] })}\n`);
  else io.stderr.write(formatEngineError(error));
  return exitCodeFor([error]);
}
