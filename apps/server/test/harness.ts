import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStatusHub, DockerDriver, type Driver, type TargetKind } from '@blaupause/engine';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { labelTestRun } from '../../../scripts/docker-env.mjs';
import { type AppRouter, createAppRouter } from '../src/app-router';
import { startServer } from '../src/http/server';
import { DeployRuns } from '../src/services/deploy-runs';
import { composeOrchestration } from '../src/services/orchestration';
import { Workspace } from '../src/services/workspace';
import { FetchEventSource } from './event-source';

export const TOKEN = 'a'.repeat(64);

/** A built-app stand-in: index.html plus one asset, enough to test static serving and SPA fallback. */
export function fakeStaticDir(root: string): string {
  const dir = join(root, 'web');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Blaupause</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

/**
 * The real HTTP server on an ephemeral loopback port, with the given driver injected. A Docker
 * driver's engine client labels what it creates with the test-run label (so `npm test` can sweep
 * what an interrupted run left).
 */
export async function startTestServer<D extends Driver>(
  d: D,
  more: { targets?: Partial<Record<Exclude<TargetKind, 'docker'>, Driver>>; orchestrate?: boolean } = {},
) {
  if (d instanceof DockerDriver) labelTestRun(d.docker);
  const root = mkdtempSync(join(tmpdir(), 'blaupause-server-'));
  const workspace = new Workspace(join(root, 'workspace'));
  // The orchestrator and supervisors as main.ts composes them (a real Docker driver only).
  const orch = more.orchestrate && d instanceof DockerDriver ? composeOrchestration(d) : undefined;
  const runs = new DeployRuns(d, orch?.runOptions);
  const statusHub = createStatusHub((project, signal) => d.watch(project, signal));
  const targets = Object.fromEntries(
    Object.entries(more.targets ?? {}).map(([kind, t]) => [kind, { driver: t, statusHub: createStatusHub((p, s) => t.watch(p, s)) }]),
  );
  const router = createAppRouter({
    driver: d,
    statusHub,
    workspace,
    runs,
    targets,
    ...(orch ? { orchestration: { orchestrator: orch.orchestrator, supervisors: orch.supervisors } } : {}),
  });
  // Every procedure that runs, in order: the guard tests assert refused requests add nothing here.
  const audit: string[] = [];
  const running = await startServer({
    router,
    staticDir: fakeStaticDir(root),
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    audit: ({ path }) => audit.push(path),
  });
  const client = makeClient(running.origin, TOKEN);
  return {
    ...running,
    driver: d,
    audit,
    client,
    workspace,
    root,
    async stop() {
      runs.close();
      orch?.supervisors.close();
      await running.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function makeClient(origin: string, token: string) {
  const url = `${origin}/api/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, connectionParams: { token }, EventSource: FetchEventSource }),
        false: httpBatchLink({ url, methodOverride: 'POST', headers: { 'x-blaupause-token': token } }),
      }),
    ],
  });
}

/** Collects a subscription's data until `until` says stop (or the timeout fails the test). */
export function collect<T>(
  subscribe: (handlers: { onData: (d: T) => void; onError: (e: unknown) => void }) => { unsubscribe(): void },
  until: (seen: T[]) => boolean,
  timeoutMs = 5_000,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const seen: T[] = [];
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`timed out after ${seen.length} events: ${JSON.stringify(seen).slice(0, 500)}`));
    }, timeoutMs);
    const sub = subscribe({
      onData(d) {
        seen.push(d);
        if (until(seen)) {
          clearTimeout(timer);
          sub.unsubscribe();
          resolve(seen);
        }
      },
      onError(e) {
        clearTimeout(timer);
        sub.unsubscribe();
        reject(e);
      },
    });
  });
}
