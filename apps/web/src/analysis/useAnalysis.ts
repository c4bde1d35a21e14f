import { useSyncExternalStore } from 'react';
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
