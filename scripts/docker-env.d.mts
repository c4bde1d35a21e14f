// Types for scripts/docker-env.mjs, so TypeScript tests can import it.
import type { EnsuredService, ImageResult } from './env-common.mjs';
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
  /** 'none' only inside `netns`: dockerd deletes the namespace's docker0 then. */
  bridge?: string;
  /** Run dockerd in this named network namespace (created when missing), apart from the host's interfaces. */
  netns?: string;
  addressPool?: string;
  iptables?: boolean;
  extraArgs?: string[];
  logFile?: string;
  timeoutMs?: number;
}
export declare function startDockerd(opts?: DockerdOptions): Promise<DockerdHandle>;
export declare function removeNetns(name: string): void;
export declare function ensureDocker(): Promise<EnsuredService>;
export declare function ensureTestImages(socket?: string): Promise<ImageResult>;
export declare function ensureBusyboxImage(image: string, socket?: string, addFiles?: (rootDir: string) => void): Promise<ImageResult>;
