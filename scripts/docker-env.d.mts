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
export declare const TEST_RUN_LABEL: string;
export declare function testRunId(): string;
export interface DialRequest {
  method: string;
  path: string;
  options?: Record<string, unknown> & { _body?: Record<string, unknown> };
}
export declare function withTestRunLabel<R extends DialRequest>(req: R, id?: string): R;
/** Makes `docker` (dockerode) put TEST_RUN_LABEL on every container, network and volume it creates. */
export declare function labelTestRun<D extends { modem: unknown }>(docker: D): D;
export declare const UNLABELLED_TEST_PROJECTS: RegExp[];
export declare const STALE_MS: number;
export interface EngineResource {
  kind: 'container' | 'network' | 'volume';
  id: string;
  name: string;
  labels: Record<string, string>;
  createdMs: number;
  state?: string;
}
export interface SweepOptions {
  host?: string;
  alive?: (pid: number) => boolean;
  now?: number;
  /** The engine was started by this run: nothing else uses it yet. */
  engineStartedHere?: boolean;
  staleMs?: number;
}
export type Judged<R> = R & { why: string };
export declare function selectLeftovers<R extends EngineResource>(
  resources: R[],
  options?: SweepOptions,
): { sweep: Judged<R>[]; keep: Judged<R>[] };
export declare function listEngineResources(socket?: string): Promise<EngineResource[]>;
export declare function sweepTestLeftovers(
  socket?: string,
  options?: SweepOptions,
): Promise<{ removed: Judged<EngineResource>[]; failed: (Judged<EngineResource> & { error: string })[] }>;
