import { tracked } from '@trpc/server';
import { z } from 'zod';
import { type AppDeps, targetOf } from '../deps';
import { unwrap } from '../errors';
import { DeployTarget, ElementName, ProjectName } from '../schemas';
import { procedure, router } from '../trpc';

/** Follow one container (or a whole service) with a tail. The driver redacts nothing it does not know; secrets stay out of env echoes by design. */
export function logsRouter(deps: AppDeps) {
  return router({
    follow: procedure
      .input(
        z.object({
          project: ProjectName,
          service: ElementName,
          container: ElementName.optional(),
          replica: z.number().int().min(1).max(1000).optional(),
          tail: z.number().int().min(0).max(5000).default(200),
          lastEventId: z.string().max(128).nullish(),
          target: DeployTarget,
        }),
      )
      .subscription(async function* ({ input, signal }) {
        const { lastEventId: _resume, target, ...options } = input;
        const { driver } = unwrap(targetOf(deps, target));
        for await (const line of driver.logs({ ...options, follow: true, ...(signal ? { signal } : {}) })) yield tracked(line.id, line);
      }),
  });
}
