import { type Blueprint, type Diagnostic, elementId, elementKind, type Severity, type Target } from '@blaupause/model';
import { exposureId } from './flow-ids';

/** A fidelity note as a node shows it: which target, what is lost or approximated. */
export type NoteView = { target: Target; message: string; lost: boolean };

/** What a node or edge shows about its diagnostics: the worst problem severity, the problems, the notes. */
export type Marks = { severity?: Severity; problems: string[]; notes: NoteView[] };

/** What an unmarked element shows; shared by every such node, so never mutated. */
export const NO_MARKS: Marks = { problems: [], notes: [] };

export const isFidelityNote = (d: Diagnostic) => d.code.startsWith('FIDELITY_');

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The canvas node or edge a diagnostic marks. Containers are drawn inside their service's node;
 * what concerns a published or ingress port (`services.<s>.ports.<i>…`) marks that port's exposure
 * node, which is where the reader looks for it. Blueprint-wide diagnostics mark nothing.
 */
export function markedId(bp: Blueprint, d: Diagnostic): string | undefined {
  const id = d.elementId;
  if (!id) return undefined;
  const kind = elementKind(id);
  if (kind === 'blueprint') return undefined;
  if (kind === 'container') return elementId.service(id.slice('container:'.length, id.indexOf('/')));
  if (kind === 'service') {
    const [top, name, sub, index] = d.path;
    if (top === 'services' && typeof name === 'string' && sub === 'ports' && typeof index === 'number') {
      const port = Object.hasOwn(bp.services, name) ? bp.services[name]?.ports?.[index] : undefined;
      if (port && (port.publish !== undefined || port.ingress)) return exposureId(name, port.port, port.protocol);
    }
  }
  return id;
}

/** Diagnostics grouped by what they mark; within a group each message once, notes per target. */
export function marksByElement(bp: Blueprint, diagnostics: readonly Diagnostic[]): Map<string, Marks> {
  const out = new Map<string, Marks>();
  for (const [id, group] of groupByMarked(bp, diagnostics)) out.set(id, marksOf(group));
  return out;
}

/** The diagnostics by the id they mark (markedId), each group in the diagnostics' order. */
export function groupByMarked(bp: Blueprint, diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const id = markedId(bp, d);
    if (!id) continue;
    const group = out.get(id);
    if (group) group.push(d);
    else out.set(id, [d]);
  }
  return out;
}

/** What one element shows of the diagnostics that mark it: each message once, notes per target, the worst severity. */
export function marksOf(group: readonly Diagnostic[]): Marks {
  const m: Marks = { problems: [], notes: [] };
  for (const d of group) {
    if (isFidelityNote(d) && d.target) {
      const target = d.target;
      if (!m.notes.some((n) => n.target === target && n.message === d.message))
        m.notes.push({ target, message: d.message, lost: d.code === 'FIDELITY_LOST' });
      continue;
    }
    if (!m.problems.includes(d.message)) m.problems.push(d.message);
    if (!m.severity || RANK[d.severity] > RANK[m.severity]) m.severity = d.severity;
  }
  return m;
}

const TARGET_LABEL: Record<Target, string> = { compose: 'Compose', swarm: 'Swarm', kubernetes: 'Kubernetes' };
export const targetLabel = (t: Target) => TARGET_LABEL[t];

/** Notes as text grouped by target ("Kubernetes: 2 notes" then one line each): tooltips and accessible names. */
export function notesText(notes: readonly NoteView[]): string {
  const lines: string[] = [];
  for (const t of ['compose', 'swarm', 'kubernetes'] as const) {
    const mine = notes.filter((n) => n.target === t);
    if (mine.length === 0) continue;
    lines.push(`${TARGET_LABEL[t]}:`);
    for (const n of mine) lines.push(`• ${n.lost ? 'lost' : 'approximated'}: ${n.message}`);
  }
  return lines.join('\n');
}
