// Types for scripts/podman-env.mjs, so TypeScript tests can import it.
export declare const TEST_IMAGE: string;
export declare const DEFAULT_PODMAN_SOCKET: string;
export declare function podmanSocket(): string;
export declare function ping(socket?: string, timeoutMs?: number): Promise<boolean>;
export declare function ensureContainersConf(path?: string): boolean;
export declare function startPodmanService(
  socket?: string,
  timeoutMs?: number,
): Promise<{ pid: number; socket: string; logFile: string; stop(): Promise<void> }>;
export declare function ensurePodman(): Promise<{
  started: boolean;
  socket: string;
  pid?: number;
  logFile?: string;
  stop(): Promise<void>;
}>;
export declare function ensurePodmanImages(): Promise<{ built: boolean; image: string }>;
