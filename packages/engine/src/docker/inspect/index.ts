export { logTail } from '../logs-tail';
export { type ContainerFacts, diagnoseRun, type RunDiagnosis } from './diagnosis';
export { type ContainerInspection, type InspectOptions, inspectContainer } from './inspect';
export { type EnvEntry, MASK, maskEnv, SECRET_NAME, secretEnvNames } from './mask';
export { type OwnedRef, ownedContainer } from './owned';
