import type { AppDeps } from './deps';
import { blueprintsRouter } from './routers/blueprints';
import { deploymentsRouter } from './routers/deployments';
import { diagnoseRouter } from './routers/diagnose';
import { engineRouter } from './routers/engine';
import { imagesRouter } from './routers/images';
import { logsRouter } from './routers/logs';
import { orchestrationRouter } from './routers/orchestration';
import { statusRouter } from './routers/status';
import { workspaceRouter } from './routers/workspace';
import { router } from './trpc';

/** The API: one router per domain, each given only the dependencies it uses. */
export function createAppRouter(deps: AppDeps) {
  return router({
    engine: engineRouter(deps),
    blueprints: blueprintsRouter(),
    deployments: deploymentsRouter(deps),
    status: statusRouter(deps),
    logs: logsRouter(deps),
    orchestration: orchestrationRouter(deps),
    workspace: workspaceRouter(deps),
    images: imagesRouter(deps),
    diagnose: diagnoseRouter(deps),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
