import type { Blueprint } from '@blaupause/model';
import type { TextRequest } from './protocol';

/** The worker's side of autosave (no worker globals, so it can be tested). */
export interface SaveHost {
  /** The document the analysis host assembled for request `seq` (called for every request, in order). */
  record(seq: number, blueprint: Blueprint): void;
  /**
   * `JSON.stringify` of that document as the page holds it: its parts in the page's key order, the
   * page's layout text for `layout`. Throws when the worker holds another request's document (its
   * patch failed) or lacks a part the page names.
   */
  text(request: Pick<TextRequest, 'seq' | 'keys' | 'layout'>): string;
  /** Makes the texts of the recorded document's services ahead (an idle worker's warm-up): the first save then joins them. */
  prepare(): void;
}

/**
 * Autosave writes the whole document as JSON: at 1,000 services that is ~25 ms of stringify, so the
 * worker — which holds the same document, rebuilt from the page's patches — makes the text. The
 * assembler keeps every untouched part and service object across edits (patch.ts), so each text is
 * kept per object: an edit of one service stringifies that service and joins the others' texts.
 * Byte-identical to `JSON.stringify` of the page's document: the worker's objects are structured
 * clones of the page's (same keys in the same order; an undefined value is left out either way),
 * and the top level follows the page's own key order.
 */
export function createSaveHost(): SaveHost {
  let latest: { seq: number; blueprint: Blueprint } | undefined;
  const cache = new WeakMap<object, string>();

  const textOf = (value: unknown, make: () => string = () => JSON.stringify(value)): string => {
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
    textOf(services, () => {
      const pieces: string[] = [];
      for (const name of Object.keys(services)) {
        const svc = services[name];
        if (svc !== undefined) pieces.push(`${JSON.stringify(name)}:${textOf(svc)}`);
      }
      return `{${pieces.join(',')}}`;
    });

  return {
    record(seq, blueprint) {
      latest = { seq, blueprint };
    },
    prepare() {
      if (latest) servicesText(latest.blueprint.services as Record<string, unknown>);
    },
    text({ seq, keys, layout }) {
      if (latest?.seq !== seq) throw new Error(`the worker holds the document of request ${latest?.seq ?? 'none'}, not ${seq}`);
      const parts = latest.blueprint as unknown as Record<string, unknown>;
      const pieces: string[] = [];
      for (const key of keys) {
        const value = key === 'layout' ? layout : parts[key];
        if (value === undefined) throw new Error(`the worker's document of request ${seq} has no ${key}`);
        const text =
          key === 'layout' ? (value as string) : key === 'services' ? servicesText(value as Record<string, unknown>) : textOf(value);
        pieces.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${pieces.join(',')}}`;
    },
  };
}
