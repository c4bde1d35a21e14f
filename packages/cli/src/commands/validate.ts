import { readUserFile } from '../files';
import { loadInput } from '../load-input';
import type { Outcome } from '../outcome';
import type { Reported } from '../report';

/** Checks every named file; one unreadable file does not stop the others from being checked. */
export function validateCommand(files: readonly string[]): Outcome {
  const diagnostics: Reported[] = [];
  for (const file of files) {
    const read = readUserFile(file);
    if (!read.ok) diagnostics.push(read.diagnostic);
    else diagnostics.push(...loadInput(file, read.text).diagnostics);
  }
  return { diagnostics, files: [...files] };
}
