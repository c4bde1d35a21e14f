import type { Diagnostic, Path } from '../diagnostics/diagnostic';

export type Doc = Record<string, unknown>;

/** What one migration step returns: the rewritten document and where its paths came from. */
export interface StepResult {
  value: Doc;
  /** Problems found while migrating, with paths into the step's input. */
  diagnostics: Diagnostic[];
  /** Maps a path of the rewritten document to the path of the same thing in the input. */
  sourcePath: (path: Path) => Path;
  /** One line per kind of change, for the MIGRATED message. */
  changes: string[];
}

/** One step from an older apiVersion to the next; never mutates its input. */
export interface Migration {
  from: string;
  to: string;
  up(doc: Doc): StepResult;
}

export const isRecord = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);
