import { tracked } from '@trpc/server';
import { z } from 'zod';
import { type AppDeps, targetOf } from '../deps';
import { type AppError, appError, engineErrorFrom, unwrap } from '../errors';
import { Acknowledge, BlueprintInput, DeployTarget, ElementName, ProjectName, RunId } from '../schemas';
import { requireValid } from '../services/blueprints';
import { procedure, router } from '../trpc';

const Target = z.object({ blueprint: BlueprintInput, project: ProjectName.optional(), target: DeployTarget });

/**
 * Plan, deploy, destroy, list. Deploy (the driver's apply; `apply` is a word tRPC reserves) and destroy are mutations that start a run and answer its id at
 * once; `progress` follows a run over SSE with tracked ids, so a reconnect resumes where it left.
 */
export function deploymentsRouter(deps: AppDeps) {
  const { runs } = deps;
  const driverOf = (target: Parameters<typeof targetOf>[1]) => unwrap(targetOf(deps, target)).driver;
  return router({
    plan: procedure.input(Target).query(async ({ input }) => {
      const driver = driverOf(input.target);
      const bp = unwrap(requireValid(input.blueprint));
      const project = input.project ?? bp.metadata.name;
      return unwrap(await driver.plan(bp, { project, baseDir: deps.workspace.dir }).catch(thrown));
    }),

    // `acknowledge`: ids of the plan's dangers the user confirmed; the driver checks them against its own findings.
    deploy: procedure.input(Target.extend({ acknowledge: Acknowledge.default([]) })).mutation(({ input }) => {
      const driver = driverOf(input.target);
      const bp = unwrap(requireValid(input.blueprint));
      // Host paths (bind sources, config files, build contexts) resolve inside the workspace folder.
      const project = input.project ?? bp.metadata.name;
      return unwrap(runs.startApply(bp, project, deps.workspace.dir, input.acknowledge, { kind: input.target, driver }));
    }),

    destroy: procedure
      .input(z.object({ project: ProjectName, volumes: z.array(ElementName).max(256).default([]), target: DeployTarget }))
      .mutation(({ input }) =>
        unwrap(runs.startDestroy(input.project, input.volumes, { kind: input.target, driver: driverOf(input.target) })),
      ),

    list: procedure.input(z.object({ target: DeployTarget }).optional()).query(async ({ input }) =>
      unwrap(
        await driverOf(input?.target ?? 'docker')
          .list()
          .catch(thrown),
      ),
    ),

    runs: procedure.query(() => runs.list()),

    progress: procedure
      .input(
        z.object({
          runId: RunId,
          lastEventId: z
            .string()
            .regex(/^\d{1,9}$/)
            .nullish(),
        }),
      )
      .subscription(async function* ({ input, signal }) {
        if (!runs.get(input.runId)) unwrap(appError('UNKNOWN_RUN', 'No such deploy run (the server may have restarted).'));
        const from = input.lastEventId == null ? 0 : Number(input.lastEventId) + 1;
        for await (const { seq, event } of runs.follow(input.runId, from, signal ?? new AbortController().signal)) {
          yield tracked(String(seq), event);
        }
      }),
  });
}

function thrown(e: unknown): { ok: false; error: AppError } {
  return { ok: false, error: engineErrorFrom(e) };
}
