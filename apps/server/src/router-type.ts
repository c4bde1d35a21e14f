/** The API's type for the web app (type-only import; Biome forbids value imports of the server there). */
export type { AppRouter } from './app-router';
export type { AppError, AppErrorCode } from './errors';
export type { Connectivity } from './routers/engine';
export type { RunInfo } from './services/deploy-runs';
export type { WorkspaceFile } from './services/workspace';
