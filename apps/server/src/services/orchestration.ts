import { createOrchestrator, type DockerDriver, type Orchestrator } from '@blaupause/engine';
import type { DeployRunsOptions } from './deploy-runs';
import { Supervisors } from './supervisors';

/**
 * The Docker target's orchestration, composed once (main.ts, and the tests that want it): the
 * orchestrator, one auto-healing supervisor per deployed project, and the run hooks that tie them
 * to deploys — Docker deploys roll changed services; a successful deploy starts healing the
 * project, a tear-down stops it.
 */
export function composeOrchestration(driver: DockerDriver): {
  orchestrator: Orchestrator;
  supervisors: Supervisors;
  runOptions: DeployRunsOptions;
  /** Starts healing the projects that were deployed before this server started. */
  resume(): Promise<void>;
} {
  const orchestrator = createOrchestrator(driver);
  const supervisors = new Supervisors(driver);
  return {
    orchestrator,
    supervisors,
    runOptions: {
      dockerApply: (bp, options) => orchestrator.update(bp, options),
      onDone: (run, ok) => {
        if (run.target !== 'docker') return;
        if (run.kind === 'destroy') supervisors.stop(run.project);
        else if (ok && run.kind === 'apply') supervisors.ensure(run.project);
      },
    },
    async resume() {
      const r = await driver.list();
      if (r.ok) for (const d of r.value) supervisors.ensure(d.project);
    },
  };
}
