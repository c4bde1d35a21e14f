export * from './build';
export type { Desired, DesiredContainer, DesiredService } from './desired';
export { desiredState } from './desired';
export { diff } from './diff';
export { createDockerDriver, DockerDriver, type DockerDriverOptions, dockerOptions, type StreamFunctions } from './driver';
export * from './exec';
export * from './inspect';
export { LABEL } from './labels';
export { createStatusHub, type HubEvent, type StatusHub, type StatusHubOptions } from './status';
