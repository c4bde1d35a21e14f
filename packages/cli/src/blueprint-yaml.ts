import { emitYaml } from '@blaupause/compiler';

/**
 * A blueprint as YAML, top-level keys in the order people read a blueprint: what it is, its
 * parameters, its services, then the resources they use. Any other key (layout) follows.
 * Written by the compiler's YAML writer: deterministic, and proved to read back unchanged.
 */
const ORDER = ['apiVersion', 'kind', 'metadata', 'parameters', 'services', 'volumes', 'networks', 'configs', 'secrets'];

export function blueprintYaml(blueprint: object): string {
  const source = blueprint as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (source[key] !== undefined) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!ORDER.includes(key) && source[key] !== undefined) ordered[key] = source[key];
  return emitYaml(ordered).text;
}
