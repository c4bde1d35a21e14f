import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { appError, engineErrorFrom, toTRPCError, unwrap } from '../errors';
import { Acknowledge, BlueprintInput, ElementName, ProjectName } from '../schemas';
import { requireValid } from '../services/blueprints';
import { procedure, router } from '../trpc';

const Service = z.object({ project: ProjectName, service: ElementName });

/**
 * The Docker target's orchestrator (issue 7): scaling a running service, canary rollouts with
 * promote and abort, the rollout state of each service, and the auto-healing supervisor's events
 * and switch. Operations are runs like deploys (one per project at a time, progress over SSE).
 */
export function orchestrationRouter(deps: AppDeps) {
  const orch = (): NonNullable<AppDeps['orchestration']> => {
    if (deps.orchestration) return deps.orchestration;
    throw toTRPCError({ code: 'UNSUPPORTED', message: 'This server has no orchestrator (Docker target only).' });
  };
  return router({
    status: procedure.input(z.object({ project: ProjectName })).query(async ({ input }) => {
      const r = await orch()
        .orchestrator.status(input.project)
        .catch((e) => ({ ok: false as const, error: engineErrorFrom(e) }));
      return { services: unwrap(r), healing: orch().supervisors.running(input.project) };
    }),

    scale: procedure
      .input(Service.extend({ replicas: z.number().int().min(0).max(100) }))
      .mutation(({ input }) =>
        unwrap(
          deps.runs.startOp(input.project, 'docker', 'scale', (signal) =>
            orch().orchestrator.scale(input.project, input.service, input.replicas, { signal }),
          ),
        ),
      ),

    canary: procedure
      .input(
        z.object({
          blueprint: BlueprintInput,
          project: ProjectName.optional(),
          service: ElementName,
          replicas: z.number().int().min(1).max(100).optional(),
          acknowledge: Acknowledge.default([]),
        }),
      )
      .mutation(({ input }) => {
        const bp = unwrap(requireValid(input.blueprint));
        const project = input.project ?? bp.metadata.name;
        return unwrap(
          deps.runs.startOp(project, 'docker', 'canary', (signal) =>
            orch().orchestrator.canary(bp, {
              project,
              service: input.service,
              acknowledge: input.acknowledge,
              signal,
              ...(input.replicas !== undefined ? { replicas: input.replicas } : {}),
            }),
          ),
        );
      }),

    promote: procedure
      .input(Service)
      .mutation(({ input }) =>
        unwrap(
          deps.runs.startOp(input.project, 'docker', 'promote', (signal) =>
            orch().orchestrator.promote(input.project, input.service, { signal }),
          ),
        ),
      ),

    abort: procedure
      .input(Service)
      .mutation(({ input }) =>
        unwrap(
          deps.runs.startOp(input.project, 'docker', 'abort', (signal) =>
            orch().orchestrator.abort(input.project, input.service, { signal }),
          ),
        ),
      ),

    /** Switches auto-healing of one service on or off while the project runs. */
    heal: procedure.input(Service.extend({ on: z.boolean() })).mutation(({ input }) => {
      if (!orch().supervisors.setEnabled(input.project, input.service, input.on))
        return unwrap(appError('NOT_FOUND', `${input.project} is not supervised (deploy it first).`));
      return { service: input.service, on: input.on };
    }),

    /** What the supervisor did (restarted, recreated, healed, gave up …), from the kept log on, then live. */
    events: procedure
      .input(
        z.object({
          project: ProjectName,
          lastEventId: z
            .string()
            .regex(/^\d{1,12}$/)
            .nullish(),
        }),
      )
      .subscription(async function* ({ input, signal }) {
        const after = input.lastEventId ? Number(input.lastEventId) : 0;
        for await (const { seq, event } of orch().supervisors.follow(input.project, after, signal ?? new AbortController().signal))
          yield tracked(String(seq), event);
      }),
  });
}
