export * from './docker';
export * from './docker/orchestrate';
export * from './kubernetes';
export * from './podman';
export * from './policy';
export * from './swarm';
export type * from './types';
export { TARGET_KINDS } from './types';
