/** What a YAML document is, judged from its top-level keys (the first document of a file decides). */
export type SourceFormat = 'blueprint' | 'compose' | 'kubernetes' | 'unknown';

/** Top-level keys of the Compose specification besides `services`. */
const COMPOSE_KEYS = new Set(['version', 'name', 'volumes', 'networks', 'configs', 'secrets', 'include', 'models']);

/**
 * blueprint: apiVersion blaupause.dev/... (or kind Blueprint); kubernetes: apiVersion or kind
 * (List included) — Compose files never have either; compose: a `services` mapping, or only
 * Compose top-level keys (and x- extensions) with at least one of them present.
 */
export function detectFormat(value: unknown): SourceFormat {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'unknown';
  const v = value as Record<string, unknown>;
  const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : undefined;
  if (apiVersion?.startsWith('blaupause.dev/') || v.kind === 'Blueprint') return 'blueprint';
  if (apiVersion !== undefined || typeof v.kind === 'string') return 'kubernetes';
  const services = v.services;
  if (typeof services === 'object' && services !== null && !Array.isArray(services)) return 'compose';
  const keys = Object.keys(v);
  const compose = keys.filter((k) => COMPOSE_KEYS.has(k) || k === 'services');
  if (compose.length > 0 && keys.every((k) => COMPOSE_KEYS.has(k) || k === 'services' || k.startsWith('x-'))) return 'compose';
  return 'unknown';
}

export const FORMAT_NAMES: Record<SourceFormat, string> = {
  blueprint: 'a Blaupause blueprint',
  compose: 'a Compose file',
  kubernetes: 'Kubernetes YAML',
  unknown: 'of an unknown format',
};
