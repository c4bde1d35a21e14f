import type { Blueprint } from '@blaupause/model';
import { fail, ok } from './doc';
import { isValidName } from './names';
import type { CommandResult, Elements } from './types';

type Section = 'services' | 'volumes' | 'networks' | 'configs' | 'secrets';
const SECTIONS: readonly Section[] = ['services', 'volumes', 'networks', 'configs', 'secrets'];

/**
 * Adds whole elements at once (what a paste adds): all or nothing. Names must be free and valid —
 * resolving collisions is the caller's job (the paste plan renames web → web-2), so a command that
 * was planned against another document fails instead of overwriting something.
 */
export function insertElements(bp: Blueprint, add: Elements): CommandResult<Blueprint> {
  let next: Blueprint = bp;
  for (const section of SECTIONS) {
    const entries = Object.entries(add[section] ?? {});
    if (entries.length === 0) continue;
    const existing: Record<string, unknown> = { ...(bp[section] ?? {}) };
    for (const [name, value] of entries) {
      if (!isValidName(name)) return fail(`"${name}" is not a valid name (lower-case letters, digits and "-").`);
      if (Object.hasOwn(existing, name)) return fail(`A ${section.slice(0, -1)} "${name}" exists already.`);
      existing[name] = structuredClone(value);
    }
    next = { ...next, [section]: existing };
  }
  const layout = Object.entries(add.layout ?? {});
  if (layout.length > 0) {
    const nodes = { ...next.layout?.nodes };
    for (const [id, p] of layout) nodes[id] = { ...p, x: Math.round(p.x), y: Math.round(p.y) };
    next = { ...next, layout: { ...next.layout, nodes } };
  }
  return ok(next);
}
