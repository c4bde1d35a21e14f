// Types for what scripts/env-common.mjs gives the env scripts' TypeScript users.
/** A service the tests use: `started` when this call started it; stop() ends only such a one. */
export interface EnsuredService {
  started: boolean;
  socket: string;
  pid?: number;
  logFile?: string;
  stop(): Promise<void>;
}
/** What an image step reports: the tag, and whether it was built/imported now or was present. */
export interface ImageResult {
  built: boolean;
  image: string;
}
