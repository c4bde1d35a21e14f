import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth and undefined left out: two option objects that
 * mean the same produce the same text whatever order they were built in.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The config hash of a container, as Compose's com.docker.compose.config-hash: sha256 hex. */
export function configHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}
