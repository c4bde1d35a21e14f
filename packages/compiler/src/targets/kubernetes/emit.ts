import type { Emitter } from '../emitter';

// Placeholder until the kubernetes emitter lands (same session); replaced wholesale.
export const kubernetesEmitter: Emitter = { target: 'kubernetes', fileName: 'kubernetes.yaml', emit: () => [] };
