import type { ServiceMemo } from '../../incremental/memo';
import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { renderEntries, StreamedMapping } from '../../yaml';
import { dockerServiceName } from './docker-service';

/** Receives a pod's Docker services in output order. */
export type AddService = (name: string, service: unknown) => void;

/**
 * The `services:` mapping of a Compose or Swarm file. `pods` are the planned services with a main
 * container; `addPod` records a pod's notes and passes its services to `add`, in output order.
 * The pods are built one at a time as the writer reaches them, so no whole tree of services is
 * alive at once. That only gives an object's output when every generated name is distinct (an
 * object keeps a repeated `<service>-<container>` at its first position with the last value)
 * and none is an array index (an object puts "42" before every other key); otherwise the mapping
 * is built whole, exactly as before.
 */
export function dockerServices(
  pods: readonly PlannedService[],
  addPod: (s: PlannedService, add: AddService) => void,
  memo?: { memo: ServiceMemo; extra: (s: PlannedService) => readonly unknown[] },
): unknown {
  if (streamable(pods)) return new StreamedMapping(memo ? podByPodMemo(pods, addPod, memo.memo, memo.extra) : podByPod(pods, addPod));
  const services: Record<string, unknown> = {};
  for (const s of pods)
    addPod(s, (name, service) => {
      services[name] = service;
    });
  return services;
}

const podByPod = (pods: readonly PlannedService[], addPod: (s: PlannedService, add: AddService) => void) => new PodByPod(pods, addPod);

type Entry = readonly [string, unknown];
const DONE: IteratorResult<Entry> = Object.freeze({ done: true, value: undefined });

/**
 * The services of each pod in turn, a pod built when the writer reaches it: a generator's
 * work without a generator, and with one result object, reused (a for-of reads it at once).
 */
class PodByPod implements IterableIterator<Entry> {
  private readonly batch: Entry[] = [];
  private at = 0;
  private pod = 0;
  private readonly result: { done: false; value: Entry } = { done: false, value: ['', undefined] };
  private readonly add: AddService = (name, service) => {
    this.batch.push([name, service]);
  };

  constructor(
    private readonly pods: readonly PlannedService[],
    private readonly addPod: (s: PlannedService, add: AddService) => void,
  ) {}

  next(): IteratorResult<Entry> {
    while (this.at >= this.batch.length) {
      if (this.pod >= this.pods.length) return DONE;
      this.batch.length = 0;
      this.at = 0;
      this.addPod(this.pods[this.pod++] as PlannedService, this.add);
    }
    this.result.value = this.batch[this.at++] as Entry;
    return this.result;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * As podByPod, each pod rendered once (at depth 1, under the root's `services:`) and reused by
 * later compiles while its inputs stay the same; the key of each entry is only a placeholder.
 */
function* podByPodMemo(
  pods: readonly PlannedService[],
  addPod: (s: PlannedService, add: AddService) => void,
  memo: ServiceMemo,
  extra: (s: PlannedService) => readonly unknown[],
) {
  for (const s of pods) {
    const rendered = memo.service(s, extra(s), () => {
      const batch: (readonly [string, unknown])[] = [];
      addPod(s, (name, service) => {
        batch.push([name, service]);
      });
      return renderEntries(batch, 1);
    });
    yield [s.name, rendered] as const;
  }
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

function streamable(pods: readonly PlannedService[]): boolean {
  // A main container is named after its service (distinct: keys of the blueprint), a helper or
  // init `<service>-<container>` (distinct within its pod, never an array index). Such a name can
  // only meet another when some service's name is another's followed by "-": only then is every
  // name made and compared.
  const names = new Set<string>();
  for (const s of pods) {
    const c = s.name.charCodeAt(0);
    if (c >= 48 && c <= 57 && ARRAY_INDEX.test(s.name)) return false;
    names.add(s.name);
  }
  for (const s of pods)
    for (let i = s.name.indexOf('-'); i > 0; i = s.name.indexOf('-', i + 1)) if (names.has(s.name.slice(0, i))) return allDistinct(pods);
  return true;
}

function allDistinct(pods: readonly PlannedService[]): boolean {
  const seen = new Set<string>();
  const distinct = (s: PlannedService, pc: PlannedContainer): boolean => {
    const name = dockerServiceName(s, pc);
    // Only a name starting with a digit can be an array index.
    const c = name.charCodeAt(0);
    if (seen.has(name) || (c >= 48 && c <= 57 && ARRAY_INDEX.test(name))) return false;
    seen.add(name);
    return true;
  };
  for (const s of pods) {
    for (const pc of s.inits) if (!distinct(s, pc)) return false;
    if (s.main && !distinct(s, s.main)) return false;
    for (const pc of s.helpers) if (!distinct(s, pc)) return false;
  }
  return true;
}
