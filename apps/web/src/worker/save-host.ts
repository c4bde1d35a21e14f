import type { Blueprint } from '@blaupause/model';

/** The worker's side of autosave (no worker globals, so it can be tested). */
export interface SaveHost {
  /** The document the analysis host assembled for request `seq` (called for every request, in order). */
  record(seq: number, blueprint: Blueprint): void;
  /**
   * `JSON.stringify` of each part of that document, by key (`layout` is never sent to the worker:
   * the page adds it). Throws when the worker holds another request's document (its patch failed).
   */
  texts(seq: number): Record<string, string>;
}

/**
 * Autosave writes the whole document as JSON: at 1,000 services that is ~25 ms of stringify, so the
 * worker — which holds the same document, rebuilt from the page's patches — makes the text. The
 * assembler keeps every untouched part and service object across edits (patch.ts), so each text is
 * kept per object: an edit of one service stringifies that service and joins the others' texts.
 * Byte-identical to `JSON.stringify` of the page's part: the worker's objects are structured
 * clones of the page's (same keys in the same order; an undefined value is left out either way).
 */
export function createSaveHost(): SaveHost {
  let latest: { seq: number; blueprint: Blueprint } | undefined;
  const cache = new WeakMap<object, string>();

  const text = (value: unknown, make: () => string = () => JSON.stringify(value)): string => {
    if (typeof value !== 'object' || value === null) return make();
    let t = cache.get(value);
    if (t === undefined) {
      t = make();
      cache.set(value, t);
    }
    return t;
  };
  /** As JSON.stringify(services), from each service's own kept text. */
  const servicesText = (services: Record<string, unknown>) =>
    text(services, () => {
      const pieces: string[] = [];
      for (const name of Object.keys(services)) {
        const svc = services[name];
        if (svc !== undefined) pieces.push(`${JSON.stringify(name)}:${text(svc)}`);
      }
      return `{${pieces.join(',')}}`;
    });

  return {
    record(seq, blueprint) {
      latest = { seq, blueprint };
    },
    texts(seq) {
      if (latest?.seq !== seq) throw new Error(`the worker holds the document of request ${latest?.seq ?? 'none'}, not ${seq}`);
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(latest.blueprint)) {
        if (value === undefined || key === 'layout') continue;
        out[key] = key === 'services' ? servicesText(value as Record<string, unknown>) : text(value);
      }
      return out;
    },
  };
}
