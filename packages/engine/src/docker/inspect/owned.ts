import type Docker from 'dockerode';
import type { EngineError, Result } from '../../types';
import { isUnreachable, statusOf, toEngineError } from '../errors';
import { LABEL } from '../labels';

export interface OwnedRef {
  project: string;
  /** Container id (or a unique prefix) or name. */
  container: string;
}

/**
 * The inspect answer of a container of ours, or NOT_OWNED: before anything reads or runs inside
 * a container, its labels must say it is managed by us and belongs to the project asked about.
 * Nothing of a foreign container is returned (not even its labels).
 */
export async function ownedContainer(docker: Docker, ref: OwnedRef, endpoint: string): Promise<Result<Docker.ContainerInspectInfo>> {
  try {
    const info = await docker.getContainer(ref.container).inspect();
    const labels = info.Config?.Labels ?? {};
    if (labels[LABEL.managed] !== 'true' || labels[LABEL.project] !== ref.project) return { ok: false, error: notOwned(ref) };
    return { ok: true, value: info };
  } catch (e) {
    if (!isUnreachable(e) && statusOf(e) === 404)
      return { ok: false, error: { code: 'NOT_FOUND', message: `There is no container "${ref.container}" (it may have been removed).` } };
    return { ok: false, error: toEngineError(e, endpoint, 'Inspecting the container') };
  }
}

function notOwned(ref: OwnedRef): EngineError {
  return {
    code: 'NOT_OWNED',
    message: `Container "${ref.container}" is not part of deployment "${ref.project}"; only containers this tool deployed can be inspected or entered.`,
    hint: 'Pick a container of one of your deployments.',
  };
}
