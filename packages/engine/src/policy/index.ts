export { dangerousSettingsError, unacknowledged } from './acknowledge';
export { BASELINE_CAPS, DOCKER_DEFAULT_CAPS, normaliseCap } from './capabilities';
export { type DockerPayload, type DockerPolicyContext, dockerDangers } from './docker';
export type { DangerCode, DangerFinding } from './finding';
export { type HostPathContext, type HostPathVerdict, hostPathVerdict } from './host-path';
export { kubernetesDangers } from './kubernetes';
