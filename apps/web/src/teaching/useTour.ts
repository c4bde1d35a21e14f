import type { Blueprint } from '@blaupause/model';
import { useCallback, useRef, useState } from 'react';
import { withAutoLayout } from '../layout/auto-layout';
import { selectBlueprint } from '../store/store';
import { useAppStore, useDocuments } from '../store/useApp';
import { TOUR, type TourStep } from './content';

export interface Tour {
  /** Index into TOUR, undefined when no tour runs. */
  index: number | undefined;
  step: TourStep | undefined;
  go: (index: number) => Promise<void>;
  next: () => void;
  prev: () => void;
  /** Why the last step's blueprint did not open. */
  error: string | undefined;
  /** Ends the tour and puts the user's own blueprint back. */
  leave: () => void;
}

/**
 * The guided tour: each step loads its template into the designer (as the templates menu does,
 * one undoable command) so the worker compiles it; the blueprint open before the tour is kept
 * and put back when the tour ends. Consecutive steps on the same template do not reload it, so
 * the view can morph from one model to the other.
 */
export function useTour(onStep: (step: TourStep) => void): Tour {
  const store = useAppStore();
  const documents = useDocuments();
  const [index, setIndex] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const saved = useRef<Blueprint | undefined>(undefined);
  const loaded = useRef<string | undefined>(undefined);
  const current = useRef<number | undefined>(undefined);

  const go = useCallback(
    async (i: number) => {
      const step = TOUR[Math.max(0, Math.min(TOUR.length - 1, i))];
      if (!step) return;
      if (current.current === undefined) saved.current = selectBlueprint(store.getState());
      current.current = TOUR.indexOf(step);
      setIndex(current.current);
      setError(undefined);
      onStep(step);
      if (loaded.current !== step.template) {
        loaded.current = step.template;
        try {
          const blueprint = await withAutoLayout(await documents.template(step.template));
          if (current.current === TOUR.indexOf(step) || TOUR[current.current ?? -1]?.template === step.template) {
            store.getState().dispatch({ kind: 'replaceDocument', blueprint });
          }
        } catch (e) {
          loaded.current = undefined;
          setError(`The tour could not open ${step.template}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    },
    [store, documents, onStep],
  );

  const leave = useCallback(() => {
    if (current.current === undefined) return;
    current.current = undefined;
    loaded.current = undefined;
    setIndex(undefined);
    const before = saved.current;
    saved.current = undefined;
    if (before) store.getState().dispatch({ kind: 'replaceDocument', blueprint: before });
  }, [store]);

  const next = useCallback(() => void go((current.current ?? -1) + 1), [go]);
  const prev = useCallback(() => void go(Math.max(0, (current.current ?? 0) - 1)), [go]);
  return { index, step: index === undefined ? undefined : TOUR[index], error, go, next, prev, leave };
}
