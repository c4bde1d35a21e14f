import type { Blueprint, Diagnostic } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { createProjector } from './projector';
import { toFlow } from './to-flow';

function run(bp: Blueprint, cmd: Command): Blueprint {
  const r = applyCommand(bp, cmd);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('projector', () => {
  it('projects again when the selection or the diagnostics change', () => {
    const project = vi.fn(toFlow);
    const projector = createProjector(project);
    const bp = templateBlueprint('seed-compose');
    projector(bp, [], []);
    const selected = projector(bp, [], ['service:weba']);
    expect(selected.nodes.find((n) => n.id === 'service:weba')?.selected).toBe(true);
    projector(bp, [{ code: 'MISSING_IMAGE', severity: 'error', path: [], elementId: 'service:weba', message: 'x' }], ['service:weba']);
    expect(project).toHaveBeenCalledTimes(3);
  });

  it('reuses unchanged nodes and edges while dragging, and restores default positions on undo', () => {
    const project = vi.fn(toFlow);
    const projector = createProjector(project);
    const selection: string[] = [];
    const none: Diagnostic[] = [];
    const bp = templateBlueprint('seed-compose');
    const first = projector(bp, none, selection);
    const moved = run(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 900, y: 40 }] });
    const second = projector(moved, none, selection);
    expect(project).toHaveBeenCalledTimes(1);
    expect(second).toEqual(toFlow(moved));
    expect(second.edges).toBe(first.edges);
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual(['service:weba']);
    expect(projector(moved, none, selection)).toBe(second);
    const undone = projector(bp, none, selection);
    expect(undone).toEqual(toFlow(bp));
    expect(project).toHaveBeenCalledTimes(1);
  });

  it('projects again when the semantics change', () => {
    const project = vi.fn(toFlow);
    const projector = createProjector(project);
    const selection: string[] = [];
    const bp = templateBlueprint('seed-compose');
    projector(bp, [], selection);
    const renamed = run(bp, { kind: 'renameService', from: 'weba', to: 'web-a' });
    expect(projector(renamed, [], selection)).toEqual(toFlow(renamed));
    expect(project).toHaveBeenCalledTimes(2);
  });

  it('keeps the objects of unchanged nodes and edges when the semantics, selection or marks change', () => {
    const projector = createProjector();
    const none: Diagnostic[] = [];
    const bp = templateBlueprint('seed-compose');
    const first = projector(bp, none, []);
    const edited = run(bp, { kind: 'setImage', service: 'weba', container: 'nginx', image: 'nginx:1.27' });
    const second = projector(edited, none, []);
    expect(second).toEqual(toFlow(edited));
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual(['service:weba']);
    expect(second.edges).toBe(first.edges);
    const picked = projector(edited, none, ['service:webb']);
    expect(picked.nodes.filter((n, i) => n !== second.nodes[i]).map((n) => n.id)).toEqual(['service:webb']);
    const marked: Diagnostic[] = [{ code: 'MISSING_IMAGE', severity: 'error', path: [], elementId: 'service:haproxy', message: 'x' }];
    const third = projector(edited, marked, ['service:webb']);
    expect(third).toEqual(toFlow(edited, marked, ['service:webb']));
    expect(third.nodes.filter((n, i) => n !== picked.nodes[i]).map((n) => n.id)).toEqual(['service:haproxy']);
    expect(projector(edited, [...marked], ['service:webb']).nodes).toBe(third.nodes);
  });
});
