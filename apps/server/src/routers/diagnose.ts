import {
  diagnoseRun,
  type ExecOutput,
  type ExecSession,
  inspectContainer,
  LABEL,
  logTail,
  ownedContainer,
  type ProgressEvent,
  secretEnvNames,
  startExec,
} from '@blaupause/engine';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { appError, unwrap } from '../errors';
import { BlueprintInput, ProjectName, RunId } from '../schemas';
import { requireValid } from '../services/blueprints';
import { portHolderHint, portOf, withPortHolder } from '../services/port-holder';
import { procedure, router } from '../trpc';
import { dockerOf } from './images';

/** A container id (hex) or name, as the engine knows it. */
const ContainerRef = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'a container id or name');
const Ref = z.object({ project: ProjectName, container: ContainerRef });
const SessionId = z.string().uuid();

export type DiagnoseExecEvent = { kind: 'session'; sessionId: string } | ExecOutput;

/**
 * Looking inside containers of our deployments (issue 10): inspect (secrets masked), a terminal
 * (exec over SSE; input and resize by mutation with the session's id), and the diagnosis of a
 * failed deploy. The engine side checks ownership by labels first: any other container is NOT_OWNED.
 */
export function diagnoseRouter(deps: AppDeps) {
  const sessions = new Map<string, ExecSession>();
  const session = (id: string): ExecSession => {
    const s = sessions.get(id);
    if (s && !s.closed) return s;
    return unwrap(appError('NOT_FOUND', 'No such terminal session (it ended, or the server restarted).'));
  };
  return router({
    inspect: procedure.input(Ref.extend({ blueprint: BlueprintInput.optional() })).query(async ({ input }) => {
      const { docker, endpoint } = dockerOf(deps);
      const secretNames = input.blueprint ? secretEnvNames(unwrap(requireValid(input.blueprint))) : [];
      return unwrap(await inspectContainer(docker, { project: input.project, container: input.container, secretNames, endpoint }));
    }),

    exec: procedure
      .input(
        Ref.extend({
          cmd: z.array(z.string().max(4096)).min(1).max(64).optional(),
          tty: z.boolean().default(true),
          cols: z.number().int().min(1).max(1000).default(80),
          rows: z.number().int().min(1).max(1000).default(24),
        }),
      )
      .subscription(async function* ({ input, signal }): AsyncGenerator<DiagnoseExecEvent> {
        const { docker, endpoint } = dockerOf(deps);
        const s = unwrap(
          await startExec(docker, {
            project: input.project,
            container: input.container,
            ...(input.cmd ? { cmd: input.cmd } : {}),
            tty: input.tty,
            cols: input.cols,
            rows: input.rows,
            endpoint,
            ...(signal ? { signal } : {}),
          }),
        );
        sessions.set(s.id, s);
        try {
          yield { kind: 'session', sessionId: s.id };
          for await (const o of s.output) yield o;
        } finally {
          // The page went away (the subscription ended) or the process did: the session ends either way.
          s.close();
          sessions.delete(s.id);
        }
      }),

    input: procedure.input(z.object({ sessionId: SessionId, data: z.string().max(65_536) })).mutation(({ input }) => {
      session(input.sessionId).write(input.data);
      return { ok: true };
    }),

    resize: procedure
      .input(z.object({ sessionId: SessionId, cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) }))
      .mutation(async ({ input }) => {
        await session(input.sessionId).resize(input.cols, input.rows);
        return { ok: true };
      }),

    close: procedure.input(z.object({ sessionId: SessionId })).mutation(({ input }) => {
      sessions.get(input.sessionId)?.close();
      return { ok: true };
    }),

    /** A finished run's diagnosis: the failing step, the engine's message, the failed container's exit code and last lines, what to try. */
    run: procedure.input(z.object({ runId: RunId })).query(async ({ input, signal }) => {
      const info = deps.runs.get(input.runId);
      if (!info) return unwrap(appError('UNKNOWN_RUN', 'No such deploy run (the server may have restarted).'));
      const events: ProgressEvent[] = [];
      if (info.done)
        for await (const { event } of deps.runs.follow(input.runId, 0, signal ?? new AbortController().signal)) events.push(event);
      else return unwrap(appError('BUSY', 'The run is still going; ask again when it has ended.'));
      const failed = events.find((e) => e.kind === 'error' && e.error.elementId?.startsWith('container:'));
      const elementId = failed?.kind === 'error' ? failed.error.elementId : undefined;
      if (info.target !== 'docker' || info.kind !== 'apply') return diagnoseRun(events);
      const { docker, endpoint } = dockerOf(deps);
      // A port in use: say who holds it (another deployment, a Compose project, a host process).
      const first = events.find((e) => e.kind === 'error');
      const port = first?.kind === 'error' && first.error.code === 'PORT_IN_USE' ? portOf(first.error.message) : undefined;
      if (port !== undefined) {
        const listed = await docker.listContainers({ all: true }).catch(() => undefined);
        const d = diagnoseRun(events);
        return listed
          ? {
              ...d,
              tryNext: withPortHolder(
                d.tryNext,
                portHolderHint(port, listed, info.project),
                first?.kind === 'error' ? first.error.hint : undefined,
              ),
            }
          : d;
      }
      if (!elementId) return diagnoseRun(events);
      const [c] = await docker
        .listContainers({
          all: true,
          filters: { label: [`${LABEL.project}=${info.project}`, `${LABEL.managed}=true`, `${LABEL.element}=${elementId}`] },
        })
        .catch(() => []);
      if (!c) return diagnoseRun(events);
      const owned = await ownedContainer(docker, { project: info.project, container: c.Id }, endpoint);
      if (!owned.ok) return diagnoseRun(events);
      const st = owned.value.State;
      return diagnoseRun(events, {
        name: owned.value.Name.replace(/^\//, ''),
        status: st.Status,
        exitCode: st.ExitCode,
        restarts: owned.value.RestartCount ?? 0,
        oomKilled: st.OOMKilled,
        logTail: await logTail(docker, c.Id),
      });
    }),
  });
}
