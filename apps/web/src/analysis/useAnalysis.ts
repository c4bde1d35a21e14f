import { selectBlueprint } from '../store/store';
import { useAnalyzer, useApp } from '../store/useApp';
import type { Analysis } from './analyze';

/** Problems and compiled targets of the current document; recomputed only when its semantics change. */
export function useAnalysis(): Analysis {
  const bp = useApp(selectBlueprint);
  return useAnalyzer()(bp);
}
