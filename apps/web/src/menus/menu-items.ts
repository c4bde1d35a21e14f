import { type Blueprint, elementKind, type LinkCondition } from '@blaupause/model';
import { edgeEnds } from '../flow/flow-ids';

/** What a context menu was opened on: a node or an edge by its canvas id, or the empty pane at a point. */
export type MenuTarget = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | { kind: 'pane' };

/** An action a menu item runs; the canvas maps each to a command or a view change. */
export type MenuAction =
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'add-helper'
  | 'auto-layout'
  | 'add-service'
  | 'add-volume'
  | 'select-all'
  | `condition:${LinkCondition}`;

export interface MenuItem {
  action: MenuAction;
  label: string;
  shortcut?: string;
  /** menuitemradio: whether it is the current choice. */
  checked?: boolean;
  /** Starts a group (a separator is drawn above it). */
  group?: boolean;
}

const CONDITIONS: Readonly<Record<LinkCondition, string>> = { started: 'has started', healthy: 'is healthy', completed: 'has completed' };

/** The menu's items for what it was opened on. Pure: what is offered depends on the document only. */
export function menuItems(bp: Blueprint, target: MenuTarget): MenuItem[] {
  if (target.kind === 'pane')
    return [
      { action: 'add-service', label: 'Add service here' },
      { action: 'add-volume', label: 'Add volume here' },
      { action: 'paste', label: 'Paste here', shortcut: 'Ctrl+V' },
      { action: 'select-all', label: 'Select all', shortcut: 'Ctrl+A', group: true },
      { action: 'auto-layout', label: 'Auto layout', shortcut: 'Ctrl+Shift+L' },
    ];
  if (target.kind === 'edge') {
    const ends = edgeEnds(target.id);
    if (!target.id.startsWith('link:') || !ends) {
      const label = target.id.startsWith('mount:') ? 'Remove mount' : target.id.startsWith('join:') ? 'Leave network' : 'Delete';
      return [{ action: 'delete', label, shortcut: 'Delete' }];
    }
    const [from, to] = ends;
    const current = bp.services[from]?.links?.find((l) => l.to === to)?.condition;
    return [
      ...(Object.entries(CONDITIONS) as [LinkCondition, string][]).map(([c, words]) => ({
        action: `condition:${c}` as const,
        label: `Start when ${to} ${words}`,
        checked: c === current,
      })),
      { action: 'delete', label: 'Remove link', shortcut: 'Delete', group: true },
    ];
  }
  const kind = elementKind(target.id);
  const clip: MenuItem[] = [
    { action: 'copy', label: 'Copy', shortcut: 'Ctrl+C' },
    { action: 'cut', label: 'Cut', shortcut: 'Ctrl+X' },
  ];
  if (kind === 'service')
    return [
      ...clip,
      { action: 'duplicate', label: 'Duplicate', shortcut: 'Ctrl+D' },
      { action: 'add-helper', label: 'Add helper container…', group: true },
      { action: 'auto-layout', label: 'Auto layout', shortcut: 'Ctrl+Shift+L' },
      { action: 'delete', label: 'Delete', shortcut: 'Delete', group: true },
    ];
  if (kind === 'volume' || kind === 'network') return [...clip, { action: 'delete', label: 'Delete', shortcut: 'Delete', group: true }];
  return [{ action: 'delete', label: 'Delete', shortcut: 'Delete' }];
}
