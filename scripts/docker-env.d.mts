// Types for scripts/docker-env.mjs, so TypeScript tests can import it.
export declare const TEST_IMAGE: string;
export declare function dockerSocket(): string;
export declare function ping(socket?: string, timeoutMs?: number): Promise<boolean>;
export interface DockerdHandle {
  pid: number;
  socket: string;
  logFile: string;
  stop(): Promise<void>;
}
export interface DockerdOptions {
  socket?: string;
  dataRoot?: string;
  execRoot?: string;
  pidFile?: string;
  bridge?: string;
  addressPool?: string;
  iptables?: boolean;
  extraArgs?: string[];
  logFile?: string;
  timeoutMs?: number;
}
export declare function startDockerd(opts?: DockerdOptions): Promise<DockerdHandle>;
export declare function ensureDocker(): Promise<{
  started: boolean;
  socket: string;
  pid?: number;
  logFile?: string;
  stop(): Promise<void>;
}>;
export declare function ensureTestImages(socket?: string): Promise<{ built: boolean; image: string }>;
