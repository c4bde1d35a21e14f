import { lazyTextPieces } from '@blaupause/compiler';
import { writeUserFile } from './files';
import { type Io, type Out, useColor } from './io';
import { formatReport, sortReported } from './render';
import { isError, type Reported } from './report';

/**
 * What a command produced, and the one place that turns it into stdout, stderr, an output
 * file and an exit code (0 ok, 1 invalid input). Commands themselves never print.
 */
export interface Outcome {
  diagnostics: Reported[];
  /** The files the user named, in order (diagnostics are sorted by them). */
  files: string[];
  /**
   * The product (YAML), when one was made. compile's is a lazy text (defineLazyText of
   * @blaupause/compiler): present() writes its pieces and joins them only for --json.
   */
  output?: string;
}

/** The output as pieces to write one after another (never joined here), or undefined without output. */
function outputPieces(outcome: Outcome): readonly string[] | undefined {
  return lazyTextPieces(outcome, 'output') ?? (outcome.output === undefined ? undefined : [outcome.output]);
}

export interface Presentation {
  json: boolean;
  /** -o: write the product here instead of stdout. */
  outFile?: string;
  /** validate reports on stdout (the report is its product); compile and import on stderr. */
  reportTo: 'stdout' | 'stderr';
  /** Print the summary line even when there is nothing to report. */
  alwaysSummary: boolean;
}

export function present(outcome: Outcome, how: Presentation, io: Io): number {
  const diagnostics = sortReported(outcome.diagnostics, outcome.files);
  let ok = !diagnostics.some(isError);
  let writeError: string | undefined;
  const pieces = outputPieces(outcome);
  if (pieces !== undefined && how.outFile !== undefined) {
    const written = writeUserFile(how.outFile, pieces);
    if (!written.ok) {
      writeError = written.message;
      ok = false;
    }
  }
  if (how.json) {
    const toStdout = pieces !== undefined && how.outFile === undefined;
    const body = { ok, diagnostics, ...(toStdout ? { output: outcome.output } : {}), ...(writeError ? { error: writeError } : {}) };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  if (pieces !== undefined && how.outFile === undefined) for (const piece of pieces) io.stdout.write(piece);
  const report: Out = how.reportTo === 'stdout' ? io.stdout : io.stderr;
  if (diagnostics.length || how.alwaysSummary) report.write(formatReport(diagnostics, outcome.files, useColor(io, report)));
  if (writeError) io.stderr.write(`blaupause: ${writeError}\n`);
  else if (pieces !== undefined && how.outFile !== undefined) io.stderr.write(`Wrote ${how.outFile}.\n`);
  return ok ? 0 : 1;
}
