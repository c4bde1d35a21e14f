import type { Emitter } from '../emitter';

// Placeholder until the compose emitter lands (same session); replaced wholesale.
export const composeEmitter: Emitter = { target: 'compose', fileName: 'compose.yaml', emit: () => [] };
