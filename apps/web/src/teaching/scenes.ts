import type { CompileResult } from '@blaupause/compiler';
import type { Target } from '@blaupause/model';
import { oneLevel } from './one-level';
import { oneLevelScene } from './scene-one';
import { twoLevelScene } from './scene-two';
import type { Scene, ViewId } from './scene-types';
import { twoLevel } from './two-level';

export interface TeachingScenes {
  scenes: Record<ViewId, Scene>;
  /** The compiled texts the scenes were read from (for the YAML excerpts). */
  compose: string;
  kubernetes: string;
}

/** Both views of one analysis: the Compose output read as a container graph, the Kubernetes output as 2-level objects. */
export function teachingScenes(compiled: Record<Target, CompileResult>): TeachingScenes {
  const composeFile = compiled.compose.files[0];
  const kubeFile = compiled.kubernetes.files[0];
  const one = oneLevel(composeFile);
  const roles = new Map(one.containers.map((c) => [c.element, c.role]));
  const two = twoLevel(kubeFile, roles);
  return {
    scenes: { one: oneLevelScene(one), two: twoLevelScene(two) },
    compose: composeFile?.content ?? '',
    kubernetes: kubeFile?.content ?? '',
  };
}
