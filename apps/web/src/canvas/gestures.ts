import { type Blueprint, elementId, elementKind } from '@blaupause/model';
import { edgeEnds } from '../flow/flow-ids';
import { uniqueName } from '../model/names';
import type { Command } from '../model/types';

const nameOf = (id: string) => id.slice(id.indexOf(':') + 1);

/**
 * What deleting canvas elements means for the document: one batch (one undo step). Edges go
 * first, so deleting a node together with its edges never removes a link twice.
 */
export function deletionCommand(nodeIds: readonly string[], edgeIds: readonly string[]): Command | undefined {
  const commands: Command[] = [];
  const removedServices = new Set(nodeIds.filter((id) => elementKind(id) === 'service').map(nameOf));
  for (const id of edgeIds) {
    const ends = edgeEnds(id);
    if (!ends) continue;
    const [from, to] = ends;
    if (id.startsWith('link:') && !removedServices.has(to) && !removedServices.has(from)) commands.push({ kind: 'removeLink', from, to });
    else if (id.startsWith('mount:')) commands.push({ kind: 'unmountVolume', service: from, volume: to });
    else if (id.startsWith('join:') && !removedServices.has(from)) commands.push({ kind: 'leaveNetwork', service: from, network: to });
  }
  for (const id of nodeIds) {
    if (elementKind(id) === 'service') commands.push({ kind: 'removeService', name: nameOf(id) });
    else if (elementKind(id) === 'volume') commands.push({ kind: 'removeVolume', name: nameOf(id) });
    else if (elementKind(id) === 'network') commands.push({ kind: 'removeNetwork', name: nameOf(id) });
  }
  if (commands.length === 0) return undefined;
  return commands.length === 1 ? commands[0] : { kind: 'batch', commands };
}

/**
 * Dragging from a service's handle: to another service is a link ("uses"), to a volume a mount,
 * to a network segment a membership (joining an already joined network is refused by the command).
 */
export function connectionCommand(source: string, target: string): Command | undefined {
  if (elementKind(source) !== 'service' || source === target) return undefined;
  const from = nameOf(source);
  if (elementKind(target) === 'service') return { kind: 'addLink', from, to: nameOf(target), condition: 'started' };
  if (elementKind(target) === 'volume')
    return { kind: 'mountVolume', service: from, volume: nameOf(target), target: `/data/${nameOf(target)}` };
  if (elementKind(target) === 'network') return { kind: 'joinNetwork', service: from, network: nameOf(target) };
  return undefined;
}

/** Applies React Flow's select changes to the selection, keeping the order things were selected in. */
export function nextSelection(current: readonly string[], changes: ReadonlyArray<{ id: string; selected: boolean }>): string[] {
  let next = [...current];
  for (const c of changes) {
    next = next.filter((id) => id !== c.id);
    if (c.selected) next.push(c.id);
  }
  return next;
}

const DUPLICATE_OFFSET = 40;

/** Duplicates the selected services (one undo step), each next to its original; returns the copies' ids too. */
export function duplicationCommand(bp: Blueprint, selection: readonly string[]): { command: Command; ids: string[] } | undefined {
  const taken = new Set(Object.keys(bp.services));
  const commands: Command[] = [];
  const ids: string[] = [];
  for (const id of selection) {
    if (elementKind(id) !== 'service') continue;
    const name = nameOf(id);
    const as = uniqueName(name.replace(/-\d+$/, ''), taken); // a copy of web-2 is web-3, not web-2-2
    taken.add(as);
    const from = bp.layout?.nodes[id];
    const at = from ? { x: from.x + DUPLICATE_OFFSET, y: from.y + DUPLICATE_OFFSET } : undefined;
    commands.push({ kind: 'duplicateService', name, as, ...(at ? { at } : {}) });
    ids.push(elementId.service(as));
  }
  if (commands.length === 0) return undefined;
  return { command: commands.length === 1 ? (commands[0] as Command) : { kind: 'batch', commands }, ids };
}
