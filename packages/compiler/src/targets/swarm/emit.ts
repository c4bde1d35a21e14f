import type { Emitter } from '../emitter';

// Placeholder until the swarm emitter lands (same session); replaced wholesale.
export const swarmEmitter: Emitter = { target: 'swarm', fileName: 'swarm.yaml', emit: () => [] };
