export {
  defaultOverlays,
  type KubeResources,
  type KustomizeFile,
  type KustomizeProblem,
  type KustomizeResult,
  kustomize,
  type OverlaySpec,
  splitImage,
} from './kustomize';
export { type ManifestObject, splitManifests } from './split';
