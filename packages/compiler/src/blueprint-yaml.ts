import { type Blueprint, minimalForm } from '@blaupause/model';
import { emitYaml } from './yaml';

/**
 * A blueprint as a person would write it: defaults left out (minimalForm), top-level keys in the
 * order people read a blueprint — what it is, its parameters, its services, then the resources
 * they use; anything else (layout) last. Written by the compiler's YAML writer: deterministic, and
 * proved to read back unchanged. Used for saved files, the Blueprint tab and `blaupause import`.
 */
const ORDER = ['apiVersion', 'kind', 'metadata', 'parameters', 'services', 'volumes', 'networks', 'configs', 'secrets'];

export function blueprintYaml(bp: Blueprint): string {
  const source = minimalForm(bp) as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (source[key] !== undefined) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!ORDER.includes(key) && source[key] !== undefined) ordered[key] = source[key];
  return emitYaml(ordered).text;
}
