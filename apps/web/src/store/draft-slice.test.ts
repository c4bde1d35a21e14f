import { diag } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { createAppStore, selectBlueprint } from './store';

const make = () => createAppStore(templateBlueprint('seed-compose'));

describe('draft slice', () => {
  it('holds the unapplied draft problems apart from the document and its history', () => {
    const store = make();
    const doc = selectBlueprint(store.getState());
    const problem = diag('DANGLING_LINK', 'error', ['services', 'haproxy', 'links', 1, 'to'], 'no webbx', {
      source: { line: 25, col: 11 },
    });
    store.getState().setDraftProblems([problem]);
    expect(store.getState().draftProblems).toEqual([problem]);
    expect(selectBlueprint(store.getState())).toBe(doc);
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().setDraftProblems([]);
    expect(store.getState().draftProblems).toEqual([]);
  });

  it('clearing what is already clear notifies nobody', () => {
    const store = make();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setDraftProblems([]);
    expect(calls).toBe(0);
  });

  it('every reveal request is a new one, also for the same line', () => {
    const store = make();
    store.getState().revealDraft(25, 11);
    const first = store.getState().draftReveal;
    store.getState().revealDraft(25, 11);
    const second = store.getState().draftReveal;
    expect(first).toEqual({ line: 25, col: 11, seq: 1 });
    expect(second).toEqual({ line: 25, col: 11, seq: 2 });
    expect(second).not.toBe(first);
  });
});
