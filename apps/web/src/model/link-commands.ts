import type { Blueprint, LinkCondition } from '@blaupause/model';
import { fail, hasService, ok, updateService } from './doc';
import type { CommandResult } from './types';

/** "from uses to": one link per pair; no self links (validation would flag both). */
export function addLink(bp: Blueprint, from: string, to: string, condition: LinkCondition = 'started'): CommandResult<Blueprint> {
  if (from === to) return fail('A service cannot use itself.');
  if (!hasService(bp, to)) return fail(`There is no service "${to}".`);
  return updateService(bp, from, (s) => {
    if (s.links?.some((l) => l.to === to)) return fail(`"${from}" uses "${to}" already.`);
    return ok({ ...s, links: [...(s.links ?? []), { to, condition }] });
  });
}

/** When the user may start: after the target started, became healthy, or completed. */
export function setLinkCondition(bp: Blueprint, from: string, to: string, condition: LinkCondition): CommandResult<Blueprint> {
  return updateService(bp, from, (s) => {
    if (!s.links?.some((l) => l.to === to)) return fail(`"${from}" does not use "${to}".`);
    return ok({ ...s, links: s.links.map((l) => (l.to === to ? { ...l, condition } : l)) });
  });
}

export function removeLink(bp: Blueprint, from: string, to: string): CommandResult<Blueprint> {
  return updateService(bp, from, (s) => {
    if (!s.links?.some((l) => l.to === to)) return fail(`"${from}" does not use "${to}".`);
    const links = s.links.filter((l) => l.to !== to);
    if (links.length > 0) return ok({ ...s, links });
    const { links: _dropped, ...rest } = s;
    return ok(rest);
  });
}
