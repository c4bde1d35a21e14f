import type Docker from 'dockerode';
import type { ProgressEvent } from '../../types';
import type { Desired } from '../desired';
import { pullImage } from '../images';
import { buildImage } from './run';

/**
 * Provides one missing image of a desired state: built when a container's `build:` names it
 * (its tag carries the build hash), pulled otherwise. Failures throw EngineFailure
 * (BUILD_FAILED / IMAGE_PULL_FAILED), before anything is created.
 */
export function provideImage(
  docker: Docker,
  desired: Desired,
  image: string,
  endpoint: string,
  emit: (e: ProgressEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const build = [...(desired.builds?.values() ?? [])].find((b) => b.tag === image);
  return build ? buildImage(docker, build, endpoint, emit, signal) : pullImage(docker, image, endpoint, emit);
}
