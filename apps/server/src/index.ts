/** The server as a library (tests, `blaupause serve`): the pieces main.ts composes. */

export type { AppRouter } from './app-router';
export { createAppRouter } from './app-router';
export { readConfig, type ServerConfig } from './config';
export type { AppDeps } from './deps';
export { createDrivers, unavailableDriver } from './drivers';
export { DEFAULT_PORT, PortInUseError, type RunningServer, startServer, TRPC_PATH } from './http/server';
export { DeployRuns } from './services/deploy-runs';
export { defaultWorkspaceDir, Workspace } from './services/workspace';
