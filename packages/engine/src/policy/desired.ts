import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { allContainers, type Desired } from '../docker/desired';
import { dockerDangers, volumeDangers } from './docker';
import type { DangerFinding } from './finding';

/**
 * The Docker driver's hook: the findings of every container it would create, from the very options
 * it sends (a helper's `container:<main>` is swapped for the main's id at create time — still ours).
 */
export function desiredDangers(desired: Desired, baseDir: string | undefined): DangerFinding[] {
  const containers = allContainers(desired);
  const ctx = { ownContainers: new Set(containers.map((c) => c.name)), baseDir, homeDir: homedir(), realpath };
  return [
    ...dockerDangers(
      containers.map((c) => ({ elementId: c.elementId, options: c.options })),
      ctx,
    ),
    ...volumeDangers(
      desired.volumes.filter((v) => !v.external),
      ctx,
    ),
  ];
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    // Missing: the engine refuses a bind of a path that does not exist, so there is nothing to follow.
    return undefined;
  }
}
