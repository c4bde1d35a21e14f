#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createAppRouter } from './app-router';
import { auditLog } from './audit-log';
import { readConfig } from './config';
import { createDrivers, withHub } from './drivers';
import { PortInUseError, startServer } from './http/server';
import { DeployRuns } from './services/deploy-runs';
import { composeOrchestration } from './services/orchestration';
import { Workspace } from './services/workspace';

/**
 * The composition root: drivers and services are constructed here, once, and injected into the
 * routers (DESIGN §9.6). Nothing else in the server creates a driver. Returns the exit code when
 * the server could not start; otherwise the process lives until SIGINT/SIGTERM.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const read = readConfig(argv, env);
  if (!read.ok) {
    (read.help ? console.log : console.error)(read.message);
    return read.help ? 0 : 2;
  }
  const { config } = read;
  const { driver, targets, kube } = createDrivers(env);
  const workspace = new Workspace(config.workspaceDir);
  const { orchestrator, supervisors, runOptions, resume } = composeOrchestration(driver, join(workspace.dir, '.healed-projects.json'));
  const runs = new DeployRuns(driver, runOptions);
  void resume();
  // A page reload re-subscribes within a moment: the hub keeps the engine watch open meanwhile (saves a re-list).
  const { statusHub } = withHub(driver);
  const router = createAppRouter({ driver, statusHub, workspace, runs, targets, kube, orchestration: { orchestrator, supervisors } });
  // 256 bits, fresh per launch; printed once in the URL below and never logged elsewhere.
  const token = config.token ?? randomBytes(32).toString('hex');

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      router,
      staticDir: config.staticDir,
      host: config.host,
      port: config.port,
      token,
      devOrigins: config.devOrigins,
      audit: auditLog(env.BLAUPAUSE_AUDIT_LOG),
    });
  } catch (e) {
    runs.close();
    console.error(e instanceof PortInUseError ? e.message : `could not start: ${(e as Error).message}`);
    return 1;
  }
  console.log(`Blaupause is running: ${running.url}`);
  console.log(`  workspace: ${workspace.dir}`);
  for (const o of config.devOrigins) console.log(`  also accepting the dev server at ${o} (open it with the same #token=…)`);
  console.log('  Ctrl+C to stop');
  const stop = () => {
    runs.close();
    supervisors.close();
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

const code = await main(process.argv.slice(2), process.env);
if (code !== undefined) process.exit(code);
