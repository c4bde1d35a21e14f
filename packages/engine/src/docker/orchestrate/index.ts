export { desiredFromInspect } from './clone';
export type { BackoffOptions, HealEvent, HealKind, Supervisor, SupervisorOptions } from './heal-types';
export {
  type CanaryOptions,
  createOrchestrator,
  type OrchestrateOptions,
  Orchestrator,
  type ServiceRollout,
} from './orchestrator';
export { checkPlacement, type PlacementProblem } from './placement';
export { createSupervisor } from './supervisor';
