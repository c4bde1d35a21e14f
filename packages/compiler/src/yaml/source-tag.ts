/**
 * Emitters mark the objects they build with the blueprint element they came from; the YAML
 * writer turns those marks into line ranges (the source map). The mark is a non-enumerable
 * symbol property, so it never shows up in output or in deep-equal comparisons.
 */
const SOURCE = Symbol.for('blaupause.source');

export function tag<T extends object>(value: T, elementId: string): T {
  Object.defineProperty(value, SOURCE, { value: elementId, enumerable: false, configurable: true });
  return value;
}

export function tagOf(value: object): string | undefined {
  return (value as { [SOURCE]?: string })[SOURCE];
}

/** One element's lines in one output text: 1-based, inclusive. */
export interface SourceRange {
  elementId: string;
  startLine: number;
  endLine: number;
}
