export { type SwarmDesired, swarmDesired } from './desired';
export { createSwarmDriver, SwarmDriver, type SwarmDriverOptions } from './driver';
export { ENDPOINT_MODE_LABEL, PUBLISH_MODE_LABEL } from './spec';
