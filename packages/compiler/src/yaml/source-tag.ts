/**
 * Emitters mark the objects they build with the blueprint element they came from; the YAML
 * writer turns those marks into line ranges (the source map). The mark is a private class field
 * stamped onto the object, so it never shows up in output, in Object.keys / Reflect.ownKeys, or
 * in deep-equal comparisons. (A private field is added like any property store; the
 * non-enumerable symbol property it replaces went through Object.defineProperty, which cost
 * several times more and was a tenth of the Kubernetes emitter's time.)
 */

/** A base class whose constructor returns the object passed in, so that a subclass's fields land on it. */
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the "return override" lets Source put its field on any object
    return target;
  }
}

class Source extends Stamp {
  #elementId: string;

  private constructor(target: object, elementId: string) {
    super(target);
    this.#elementId = elementId;
  }

  static set(value: object, elementId: string): void {
    if (#elementId in value) (value as Source).#elementId = elementId;
    else new Source(value, elementId);
  }

  static get(value: object): string | undefined {
    return #elementId in value ? (value as Source).#elementId : undefined;
  }
}

export function tag<T extends object>(value: T, elementId: string): T {
  Source.set(value, elementId);
  return value;
}

export function tagOf(value: object): string | undefined {
  return Source.get(value);
}

/** One element's lines in one output text: 1-based, inclusive. */
export interface SourceRange {
  elementId: string;
  startLine: number;
  endLine: number;
}
