import type { Blueprint, Diagnostic, Target } from '@blaupause/model';
import { type CompileResult, compile, TARGETS } from '../compile';
import { DUTIES, type DutyId, dutyOfNote } from './duties';
import { type Column, FACTS, type Fact, type Level } from './facts';
import { featuresOf } from './features';

export { DUTIES, type DutyId, dutyOfNote } from './duties';
export type { Column, Level } from './facts';

export interface CapabilityCell {
  level: Level;
  /** Why this level: the target's behaviour for this blueprint, and its notes when there are any. */
  why: string;
  /** The compiler's fidelity notes for this target that concern this duty. */
  evidence: Diagnostic[];
}

export interface CapabilityRow {
  duty: DutyId;
  label: string;
  /** The lecture's wording of the duty. */
  seed: string;
  cells: Record<Column, CapabilityCell>;
}

export interface CapabilityMatrix {
  columns: readonly { id: Column; label: string }[];
  rows: CapabilityRow[];
}

export const COLUMNS: readonly { id: Column; label: string }[] = [
  { id: 'docker', label: 'Docker via Blaupause' },
  { id: 'compose', label: 'Compose' },
  { id: 'swarm', label: 'Swarm' },
  { id: 'kubernetes', label: 'Kubernetes' },
];

/** What each target automates for this blueprint; compiles it for Compose, Swarm and Kubernetes. */
export function capabilityMatrix(blueprint: Blueprint): CapabilityMatrix {
  const compiled = Object.fromEntries(TARGETS.map((t) => [t, compile(blueprint, t)])) as Record<Target, CompileResult>;
  return capabilityMatrixOf(blueprint, compiled);
}

/**
 * The same from results compiled already (the web app's analysis worker has them): only their
 * fidelity notes are read. Every note lands in exactly one cell: its target's column, the row of
 * dutyOfNote(). Notes lower an `automated` fact to `partial`; they never raise a level.
 */
export function capabilityMatrixOf(blueprint: Blueprint, compiled: Record<Target, Pick<CompileResult, 'diagnostics'>>): CapabilityMatrix {
  const f = featuresOf(blueprint);
  const notes = new Map<string, Diagnostic[]>();
  for (const t of TARGETS)
    for (const d of compiled[t].diagnostics) {
      const key = `${dutyOfNote(d)} ${t}`;
      const at = notes.get(key);
      if (at) at.push(d);
      else notes.set(key, [d]);
    }
  const rows = DUTIES.map((duty): CapabilityRow => {
    const cells = {} as Record<Column, CapabilityCell>;
    for (const { id } of COLUMNS) {
      const evidence = id === 'docker' ? [] : (notes.get(`${duty.id} ${id}`) ?? []);
      const fact: Fact = duty.id === 'other' ? otherFact(id, evidence) : f.services === 0 ? empty() : FACTS[duty.id][id](f);
      cells[id] = withNotes(fact, evidence);
    }
    return { duty: duty.id, label: duty.label, seed: duty.seed, cells };
  });
  return { columns: COLUMNS, rows };
}

function withNotes(fact: Fact, evidence: Diagnostic[]): CapabilityCell {
  if (!evidence.length) return { ...fact, evidence };
  const lost = evidence.filter((d) => d.code === 'FIDELITY_LOST').length;
  const counted = [lost ? `${lost} lost` : '', evidence.length - lost ? `${evidence.length - lost} approximated` : '']
    .filter(Boolean)
    .join(', ');
  const level = fact.level === 'automated' || fact.level === 'not-applicable' ? 'partial' : fact.level;
  return { level, why: `${fact.why} The compiler notes for this blueprint: ${counted}.`, evidence };
}

function otherFact(column: Column, evidence: Diagnostic[]): Fact {
  if (column === 'docker') return { level: 'not-applicable', why: 'The Docker driver has no fidelity notes of its own.' };
  return evidence.length
    ? { level: 'partial', why: 'Settings this target cannot carry as written.' }
    : { level: 'not-applicable', why: 'No other difference for this blueprint.' };
}

const empty = (): Fact => ({ level: 'not-applicable', why: 'The blueprint has no services yet.' });
