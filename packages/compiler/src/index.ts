export * from './blueprint-yaml';
export * from './compile';
export * from './import';
export { createIncrementalCompiler, type IncrementalCompiler } from './incremental/incremental';
export * from './plan/plan';
export * from './targets/emitter';
export * from './targets/kustomize';
export { restartPolicy, rollbackConfig, swarmConstraint, type UpdateConfig, updateConfig } from './targets/swarm/deploy';
export * from './yaml';
