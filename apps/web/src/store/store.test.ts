import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { createAppStore, selectBlueprint, selectCanRedo, selectCanUndo } from './store';

const make = () => createAppStore(templateBlueprint('seed-compose'));

describe('app store', () => {
  it('every command is undoable and redoable', () => {
    const store = make();
    const { dispatch } = store.getState();
    const start = selectBlueprint(store.getState());
    expect(selectCanUndo(store.getState())).toBe(false);
    expect(dispatch({ kind: 'addService', name: 'api', image: 'node:22' })).toBe(true);
    expect(dispatch({ kind: 'addLink', from: 'haproxy', to: 'api' })).toBe(true);
    const after = selectBlueprint(store.getState());
    store.getState().undo();
    store.getState().undo();
    expect(selectBlueprint(store.getState())).toBe(start);
    expect(selectCanRedo(store.getState())).toBe(true);
    store.getState().redo();
    store.getState().redo();
    expect(selectBlueprint(store.getState())).toBe(after);
  });

  it('a refused command changes nothing, records nothing and says why', () => {
    const store = make();
    expect(store.getState().dispatch({ kind: 'addService', name: 'weba' })).toBe(false);
    expect(store.getState().lastError).toMatch(/exists/);
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('a drag is one undo step however many moves it made', () => {
    const store = make();
    const start = selectBlueprint(store.getState());
    for (let x = 0; x < 5; x++)
      store.getState().dispatch({ kind: 'moveNodes', moves: [{ id: 'service:weba', x, y: 0 }] }, { transient: true });
    store.getState().endGesture();
    expect(selectBlueprint(store.getState()).layout?.nodes['service:weba']).toEqual({ x: 4, y: 0 });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(selectBlueprint(store.getState())).toBe(start);
  });

  it('selection follows a rename and drops what was removed, also on undo', () => {
    const store = make();
    store.getState().select(['service:weba', 'link:haproxy->webb']);
    store.getState().dispatch({ kind: 'renameService', from: 'weba', to: 'web-a' });
    expect(store.getState().selection).toEqual(['service:web-a', 'link:haproxy->webb']);
    store.getState().dispatch({ kind: 'removeService', name: 'webb' });
    expect(store.getState().selection).toEqual(['service:web-a']);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().selection).toEqual([]);
  });

  it('an edit that keeps the selection keeps its array (views compare it by identity)', () => {
    const store = make();
    store.getState().select(['service:weba']);
    const selection = store.getState().selection;
    store.getState().dispatch({ kind: 'setReplicas', service: 'weba', replicas: 3 });
    expect(store.getState().selection).toBe(selection);
    store.getState().undo();
    expect(store.getState().selection).toBe(selection);
    store.getState().dispatch({ kind: 'renameService', from: 'weba', to: 'web-a' });
    expect(store.getState().selection).toEqual(['service:web-a']);
  });

  it('replacing the document is undoable and clears a selection that no longer exists', () => {
    const store = make();
    store.getState().dispatch({ kind: 'removeService', name: 'weba' });
    store.getState().select(['service:haproxy']);
    const edited = selectBlueprint(store.getState());
    const fresh = templateBlueprint('seed-compose');
    store.getState().dispatch({ kind: 'replaceDocument', blueprint: { ...fresh, services: {} } });
    expect(store.getState().selection).toEqual([]);
    store.getState().undo();
    expect(selectBlueprint(store.getState())).toBe(edited);
  });
});
