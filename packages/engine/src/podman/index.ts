export { PodmanApi, PodmanHttpError } from './api';
export { createPodmanKubeDriver, DEFAULT_PODMAN_SOCKET, PodmanKubeDriver, type PodmanKubeDriverOptions } from './driver';
export { PLABEL } from './labels';
export { compileForPodman, type KubeManifest, type PlannedPod, PODMAN_KUBERNETES_VERSION, toPodman } from './manifest';
