import { type Blueprint, elementId, elementKind } from '@blaupause/model';
import { edgeEnds } from '../flow/flow-ids';
import type { Command } from '../model/types';

/** Whether a canvas element id (ids.ts, plus mount edges) names something in the document. */
export function elementExists(bp: Blueprint, id: string): boolean {
  const rest = id.slice(id.indexOf(':') + 1);
  switch (elementKind(id)) {
    case 'service':
      return Object.hasOwn(bp.services, rest);
    case 'volume':
      return !!bp.volumes && Object.hasOwn(bp.volumes, rest);
    case 'network':
      return !!bp.networks && Object.hasOwn(bp.networks, rest);
    case 'link': {
      const [from, to] = edgeEnds(id) ?? ['', ''];
      return Object.hasOwn(bp.services, from) && !!bp.services[from]?.links?.some((l) => l.to === to);
    }
    default:
      if (id.startsWith('join:')) return joinExists(bp, id);
      return id.startsWith('mount:') && mountExists(bp, id);
  }
}

function joinExists(bp: Blueprint, id: string): boolean {
  const [service, network] = edgeEnds(id) ?? ['', ''];
  const s = Object.hasOwn(bp.services, service) ? bp.services[service] : undefined;
  return !!s?.networks?.includes(network) && !!bp.networks && Object.hasOwn(bp.networks, network);
}

function mountExists(bp: Blueprint, id: string): boolean {
  const [service, volume] = edgeEnds(id) ?? ['', ''];
  const s = Object.hasOwn(bp.services, service) ? bp.services[service] : undefined;
  return !!s && Object.values(s.containers).some((c) => c.mounts?.some((m) => m.type === 'volume' && m.source === volume));
}

/** The element ids a rename command changes: the renamed element stays selected under its new name. */
function renamedIds(cmd: Command | undefined): [string, string] | undefined {
  if (cmd?.kind === 'renameService') return [elementId.service(cmd.from), elementId.service(cmd.to)];
  if (cmd?.kind === 'renameVolume') return [elementId.volume(cmd.from), elementId.volume(cmd.to)];
  if (cmd?.kind === 'renameNetwork') return [elementId.network(cmd.from), elementId.network(cmd.to)];
  return undefined;
}

/**
 * The selection after a document change: renamed services, volumes and networks stay selected, vanished elements drop out.
 * The same array when nothing changed: every view of the selection (the canvas projection, the YAML
 * preview's highlighted lines, the inspector) compares it by identity, and an edit of the selected
 * service would otherwise redo their work in the edit's keydown task.
 */
export function reconcileSelection<T extends readonly string[]>(selection: T, bp: Blueprint, cmd?: Command): T | string[] {
  const renamed = renamedIds(cmd);
  const next = selection.map((id) => (renamed && id === renamed[0] ? renamed[1] : id)).filter((id) => elementExists(bp, id));
  return next.length === selection.length && next.every((id, i) => id === selection[i]) ? selection : next;
}
