export * from './docker';
export * from './policy';
export type * from './types';
export { TARGET_KINDS } from './types';
export * from './docker/orchestrate';
export * from './swarm';
export * from './podman';
