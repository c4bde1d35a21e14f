/**
 * Budgets for untrusted YAML (see research/threat-model-and-faults.md §2): a byte cap before
 * parsing, an alias cap high enough for real files full of `<<: *defaults`, and a node and depth
 * budget walked before anything serialises or validates the value (billion laughs, deep nesting).
 */
export interface ReadLimits {
  maxBytes: number;
  maxAliases: number;
  maxNodes: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxAliases: 10_000,
  maxNodes: 100_000,
  maxDepth: 64,
};

/** Keys that could reach an object's prototype if ever merged naively; refused anywhere. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
