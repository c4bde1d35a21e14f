// Types for scripts/podman-env.mjs, so TypeScript tests can import it.
import type { EnsuredService, ImageResult } from './env-common.mjs';
export declare const TEST_IMAGE: string;
export declare const DEFAULT_PODMAN_SOCKET: string;
export declare function podmanSocket(): string;
export declare function ping(socket?: string, timeoutMs?: number): Promise<boolean>;
export declare function ensureContainersConf(path?: string): boolean;
export declare function startPodmanService(
  socket?: string,
  timeoutMs?: number,
): Promise<{ pid: number; socket: string; logFile: string; stop(): Promise<void> }>;
export declare function ensurePodman(): Promise<EnsuredService>;
export declare function ensurePodmanImages(): Promise<ImageResult>;
