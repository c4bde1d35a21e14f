import type { Diagnostic } from '@blaupause/model';
import { useAnalysis } from '../analysis/useAnalysis';
import { COMPILED_FOR, type DeployTargetKind } from './targets';

/**
 * What the chosen target will not do as drawn, before anything is deployed: the compiler's fidelity
 * notes for the output this target runs, and the driver's own notes from the last plan (e.g. Podman
 * forcing one replica).
 */
export function TargetNotes({
  target,
  planNotes = [],
}: {
  target: DeployTargetKind;
  planNotes?: readonly { message: string; elementId?: string }[];
}) {
  const analysis = useAnalysis();
  const notes: readonly Pick<Diagnostic, 'message' | 'elementId'>[] = [
    ...analysis.compiled[COMPILED_FOR[target]].diagnostics,
    ...planNotes,
  ];
  if (notes.length === 0) return null;
  return (
    <details className="deploy-notes">
      <summary>
        {notes.length} fidelity {notes.length === 1 ? 'note' : 'notes'} for this target
      </summary>
      <ul>
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes have no identity; the list is rebuilt as a whole
          <li key={i}>
            {n.elementId && <code>{n.elementId}</code>} {n.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
