export { type Answer, type ClusterApi, createClusterApi, loadKubeConfig } from './client';
export { conflictsOf, type FieldConflict } from './conflicts';
export { listContexts } from './contexts';
export { createKubernetesDriver, KubernetesDriver, type KubernetesDriverOptions } from './driver';
export { applySetId, FIELD_MANAGER, PROJECT_LABEL as KUBERNETES_PROJECT_LABEL } from './labels';
export { decidePrune } from './prune';
