import { useCallback, useSyncExternalStore } from 'react';
import { useAnalysisSource } from '../store/useApp';
import type { Analysis } from './analyze';

/**
 * Problems and compiled targets of the current document: the newest analysis the worker has sent
 * (it follows the store; a document that only moved is not analysed again).
 */
export function useAnalysis(): Analysis {
  const source = useAnalysisSource();
  return useSyncExternalStore(source.subscribe, source.current);
}

/**
 * One part of the analysis (e.g. `(a) => a.problems`): the component renders again only when that
 * part changes. Parts the worker did not change keep their identity across analyses (the worker
 * sends deltas, worker/delta.ts), so an edit that changes only the compiled texts does not
 * re-render a consumer of the problems. `select` must return a part of the analysis, not a new
 * object (that would change on every analysis); pass a stable function (module level or memoised).
 */
export function useAnalysisPart<T>(select: (a: Analysis) => T): T {
  const source = useAnalysisSource();
  const get = useCallback(() => select(source.current()), [source, select]);
  return useSyncExternalStore(source.subscribe, get);
}
