import type { Driver, StatusHub } from '@blaupause/engine';
import type { DeployRuns } from './services/deploy-runs';
import type { Workspace } from './services/workspace';

/** What the routers need, constructed once in the composition root (main.ts) and injected. */
export interface AppDeps {
  driver: Driver;
  /** One engine watch per project shared by every subscriber, with resumable ids (built over driver.watch). */
  statusHub: StatusHub;
  workspace: Workspace;
  runs: DeployRuns;
}
