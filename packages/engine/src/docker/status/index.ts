/** Live status of Docker containers (DESIGN §5): see README.md in this folder. */

export type { ContainerEvent, EventAction } from './events';
export { parseEvent, WATCHED_ACTIONS } from './events';
export type { HubEvent, StatusHub, StatusHubOptions, WatchSource } from './hub';
export { createStatusHub } from './hub';
export type { Identity } from './identity';
export { identityOf, labelFilter } from './identity';
export { ndjsonSplitter } from './ndjson';
export { AsyncQueue } from './queue';
export type { Facts, RestartPolicy, Tracked } from './state';
export { applyEvent, CRASH_LOOP, canPredict, refresh, settle } from './state';
export { cpuPercent, memoryBytes } from './stats';
export type { WatchOptions } from './watch';
export { watchStatus } from './watch';
