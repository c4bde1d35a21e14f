/**
 * Strings the compiler derives from names — element ids (`container:svc-3/app`), generated
 * service names (`svc-3-proxy`), `service:svc-3`, `wait-for-svc-1`, `tcp-8080`, link URLs — kept
 * from compile to compile, keyed by the parts they are made of.
 *
 * Why: such a string, made afresh by every compile, is a new cons string that the writer's caches
 * (scalars, key heads, whole lines: Maps keyed by string) must hash — a flattening copy and a
 * runtime call — and compare by content before they find the entry an earlier compile made. About
 * 14k of a 1,000-service compile's lookups were of such strings and cost ~0.2–0.3 µs each, against
 * ~20 ns for a string whose hash is known (PIPELINE.md, "seventh pass"). The same string object
 * again, flat and with its hash cached, is found at once; the parts it is keyed by are a
 * blueprint's names, property keys the engine has hashed already. A derived string is a pure
 * function of its parts, so what comes back equals what would have been made.
 *
 * Bounded like the writer's caches: all memos are cleared together past MAX_DERIVED strings.
 */
import { flat } from './yaml/scalar';

const MAX_DERIVED = 50_000;
const memos: Derived<never, never>[] = [];
let count = 0;

export class Derived<A extends string | number, B extends string | number> {
  private readonly byFirst = new Map<A, Map<B, string>>();

  constructor(private readonly make: (a: A, b: B) => string) {
    memos.push(this as unknown as Derived<never, never>);
  }

  /** make(a, b), the same string as the last time it was asked for with these parts. */
  get(a: A, b: B): string {
    let byB = this.byFirst.get(a);
    let s = byB?.get(b);
    if (s !== undefined) return s;
    if (++count > MAX_DERIVED) {
      for (const m of memos) m.byFirst.clear();
      count = 1;
      byB = undefined;
    }
    if (byB === undefined) {
      byB = new Map();
      this.byFirst.set(a, byB);
    }
    s = flat(this.make(a, b));
    byB.set(b, s);
    return s;
  }
}
