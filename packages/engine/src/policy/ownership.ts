import type Docker from 'dockerode';
import type { ResourceStep } from '../docker/diff';
import { statusOf } from '../docker/errors';
import { LABEL } from '../docker/labels';
import type { EngineError } from '../types';

/**
 * The engine's volume create is idempotent by name: asking for `<project>_data` when somebody else's
 * volume of that name exists answers theirs, and our containers would then mount — read and write —
 * data we did not create. Networks and containers answer 409 instead, which already stops a deploy.
 * So before anything is created, every volume the plan creates must not exist yet (or be ours).
 */
export async function foreignVolumes(docker: Docker, volumes: readonly ResourceStep[]): Promise<EngineError | undefined> {
  for (const v of volumes) {
    if (v.action.kind !== 'create' || !v.desired || v.desired.external) continue;
    let labels: Record<string, string> | undefined;
    try {
      labels = (await docker.getVolume(v.desired.name).inspect()).Labels ?? {};
    } catch (e) {
      if (statusOf(e) === 404) continue;
      throw e;
    }
    if (labels[LABEL.managed] === 'true' && labels[LABEL.project] === v.desired.labels[LABEL.project]) continue;
    return {
      code: 'NOT_OWNED',
      message: `A volume named "${v.desired.name}" exists and was not created by this deployment; it is not mounted. Nothing was created.`,
      hint: 'Remove or rename that volume, mark the blueprint volume external to use it on purpose, or deploy under another project name.',
      elementId: v.desired.elementId,
    };
  }
  return undefined;
}
