export { desiredFromInspect } from './clone';
export type { BackoffOptions, HealEvent, HealKind, Supervisor, SupervisorOptions } from './heal-types';
export {
  type CanaryOptions,
  createOrchestrator,
  type OrchestrateOptions,
  Orchestrator,
} from './orchestrator';
export { checkPlacement, type PlacementProblem } from './placement';
export type { ServiceRollout } from './state';
export { createSupervisor } from './supervisor';
