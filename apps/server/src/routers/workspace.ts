import { z } from 'zod';
import type { AppDeps } from '../deps';
import { unwrap } from '../errors';
import { WorkspaceName } from '../schemas';
import { procedure, router } from '../trpc';

/** Blueprint files in the workspace folder (services/workspace.ts holds the rules). */
export function workspaceRouter({ workspace }: AppDeps) {
  return router({
    list: procedure.query(async () => ({ dir: workspace.dir, files: unwrap(await workspace.list()) })),
    read: procedure.input(z.object({ name: WorkspaceName })).query(async ({ input }) => unwrap(await workspace.read(input.name))),
    write: procedure
      .input(z.object({ name: WorkspaceName, text: z.string() }))
      .mutation(async ({ input }) => unwrap(await workspace.write(input.name, input.text))),
    delete: procedure.input(z.object({ name: WorkspaceName })).mutation(async ({ input }) => unwrap(await workspace.remove(input.name))),
  });
}
