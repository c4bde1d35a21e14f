import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createOrchestrator, type DockerDriver, type Orchestrator } from '@blaupause/engine';
import type { DeployRunsOptions } from './deploy-runs';
import { Supervisors } from './supervisors';

/**
 * The Docker target's orchestration, composed once (main.ts, and the tests that want it): the
 * orchestrator, one auto-healing supervisor per project deployed through this server, and the run
 * hooks that tie them to deploys — Docker deploys roll changed services; a successful deploy starts
 * healing the project, a tear-down stops it. The projects healed are remembered in `stateFile`
 * (in the workspace), so a restarted server heals them again — and only them: projects deployed by
 * the CLI or another server are theirs, never this server's to re-create.
 */
export function composeOrchestration(
  driver: DockerDriver,
  stateFile?: string,
): {
  orchestrator: Orchestrator;
  supervisors: Supervisors;
  runOptions: DeployRunsOptions;
  /** Starts healing the projects this server healed before it was restarted (those still deployed). */
  resume(): Promise<void>;
  /** The state file is written (tests). */
  saved(): Promise<void>;
} {
  const orchestrator = createOrchestrator(driver);
  const supervisors = new Supervisors(driver);
  const healed = new Set<string>();
  let saving = Promise.resolve();
  const save = () => {
    if (!stateFile) return;
    const text = `${JSON.stringify([...healed].sort())}\n`;
    // One write at a time, atomically (a rename over the old file).
    saving = saving.then(() =>
      mkdir(dirname(stateFile), { recursive: true, mode: 0o700 })
        .then(() => writeFile(`${stateFile}.tmp`, text, { mode: 0o600 }))
        .then(() => rename(`${stateFile}.tmp`, stateFile))
        .catch(() => undefined),
    );
  };
  return {
    orchestrator,
    supervisors,
    runOptions: {
      dockerApply: (bp, options) => orchestrator.update(bp, options),
      onDone: (run, ok) => {
        if (run.target !== 'docker') return;
        if (run.kind === 'destroy') {
          supervisors.stop(run.project);
          healed.delete(run.project);
          save();
        } else if (ok && run.kind === 'apply') {
          supervisors.ensure(run.project);
          healed.add(run.project);
          save();
        }
      },
    },
    saved: () => saving,
    async resume() {
      if (!stateFile) return;
      const before = await readFile(stateFile, 'utf8')
        .then((t) => JSON.parse(t) as unknown)
        .catch(() => []);
      const names = Array.isArray(before) ? before.filter((p): p is string => typeof p === 'string') : [];
      const r = await driver.list();
      if (!r.ok) return;
      const deployed = new Set(r.value.map((d) => d.project));
      for (const p of names)
        if (deployed.has(p)) {
          healed.add(p);
          supervisors.ensure(p);
        }
      save();
    },
  };
}
