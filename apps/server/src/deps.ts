import type { Driver } from '@blaupause/engine';
import type { DeployRuns } from './services/deploy-runs';
import type { Workspace } from './services/workspace';

/** What the routers need, constructed once in the composition root (main.ts) and injected. */
export interface AppDeps {
  driver: Driver;
  workspace: Workspace;
  runs: DeployRuns;
}
