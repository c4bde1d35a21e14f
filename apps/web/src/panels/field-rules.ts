import { imageRefProblem } from '@blaupause/model';
import { isValidName } from '../model/names';

/** What the inspector checks as you type; the same rules the model's schema and validation apply. */
export function nameProblem(draft: string, taken: readonly string[]): string | undefined {
  if (!isValidName(draft)) return 'Lower-case letters, digits and "-", starting and ending with a letter or digit (at most 63).';
  if (taken.includes(draft)) return `"${draft}" is taken.`;
  return undefined;
}

export function imageProblem(draft: string): string | undefined {
  if (draft.trim() === '') return undefined; // allowed: the problems list then asks for an image
  const p = imageRefProblem(draft.trim());
  return p ? `The image reference ${p}.` : undefined;
}

export function replicasProblem(draft: string): string | undefined {
  const n = Number(draft);
  return draft.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 10_000 ? undefined : 'A whole number from 0 to 10000.';
}
