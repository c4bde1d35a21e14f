import { type Diagnostic, type Path, sortDiagnostics } from '@blaupause/model';
import type { PlannedService } from '../plan/plan';
import type { Take } from '../targets/kubernetes/names';
import type { Rendered } from '../yaml';

/** A fidelity note as the emitter recorded it (see EmitContext.note). */
export interface NoteCall {
  kind: 'lost' | 'approximated';
  path: Path;
  elementId: string;
  message: string;
  hint: string | undefined;
  /** The diagnostic made from this call, once one was (kept, so a replay reuses it). */
  made: Diagnostic | undefined;
}

/** Where notes go; while `recording` is set, every note is appended to it too. */
export interface NoteSink {
  replay(call: NoteCall): void;
  recording: NoteCall[] | undefined;
}

/** Name allocators shared by all services of a target (the Kubernetes Service and Deployment names). */
export interface Journaled {
  journal: Take[] | undefined;
  replay(takes: readonly Take[]): boolean;
  release(takes: readonly Take[]): void;
}

interface Entry {
  key: readonly unknown[];
  rendered: Rendered;
  notes: NoteCall[];
  takes: Take[][];
}

/**
 * What one target's incremental compiles remember: per service, the output it rendered, the
 * notes it recorded and the shared names it took, under the inputs it was made from. Everything
 * is dropped when anything shared by all services changed (see globalKey).
 */
export class ServiceCache {
  global: readonly unknown[] | undefined;
  readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** The notes of the last compile, sorted: the order the next sort starts from. */
  private sorted: readonly Diagnostic[] = [];
  /** The notes of the last compile as they were made (unsorted). */
  private listed: readonly Diagnostic[] = [];
  /** The notes of the last compile by message: a note made again equal to one of them is that object. */
  lastNotes: Map<string, Diagnostic | Diagnostic[]> | undefined;

  /** Keeps the entries when the shared inputs are the same objects as last time, else drops them. */
  begin(global: readonly unknown[]): void {
    if (!this.global || !sameKey(this.global, global)) this.entries.clear();
    this.global = global;
  }

  /**
   * The notes sorted as sortDiagnostics sorts them, starting from the last compile's sorted order.
   * Replayed notes, and notes made again with the same content (see Notes in compile.ts), are the
   * same objects as then, so in that order they are sorted already; only notes new since then are
   * sorted in (a merge sort that finds runs needs few comparisons for them), and without any the
   * sort is skipped. The result does not depend on the input order: notes are deduplicated by
   * code, path and message, so no two of them compare equal.
   */
  sortNotes(list: readonly Diagnostic[], byMessage: Map<string, Diagnostic | Diagnostic[]>): Diagnostic[] {
    this.lastNotes = byMessage;
    // The same notes made in the same order as last time (an edit that changed no note): sorted already.
    const was = this.listed;
    this.listed = list;
    if (was.length === list.length && was.every((d, i) => d === list[i])) return [...this.sorted];
    const fresh = new Set(list);
    const seed: Diagnostic[] = [];
    for (const d of this.sorted) if (fresh.delete(d)) seed.push(d);
    // Only notes made afresh need a sort: the rest is a part of a sorted list, so sorted already.
    for (const d of fresh) seed.push(d);
    const sorted = fresh.size === 0 ? seed : sortDiagnostics(seed);
    this.sorted = sorted;
    return [...sorted];
  }
}

/**
 * The part of one compile an emitter asks for a service's output: the rendering from the last
 * compile when its inputs are the same objects (commands share what they did not change) and it
 * would take the same shared names again, else a fresh one. A reused rendering replays the
 * service's notes, so notes and their order equal those of a full compile.
 */
export class ServiceMemo {
  private allocators: readonly Journaled[] = [];

  constructor(
    private readonly cache: ServiceCache,
    private readonly notes: NoteSink,
  ) {}

  /** The shared allocators services take names from, in a fixed order. */
  track(allocators: readonly Journaled[]): void {
    this.allocators = allocators;
  }

  /**
   * `extra`: what else the emitter reads for this service that is derived from other services
   * (whether some service links to it, whether segments are drawn …), compared by identity.
   */
  service(s: PlannedService, extra: readonly unknown[], render: () => Rendered): Rendered {
    return this.remembered(s.name, serviceKey(s, extra), render, true);
  }

  /**
   * A part of the output besides the services (a top-level section), remembered as a service is:
   * `key` holds what it reads beyond the shared inputs, compared by identity (a change of those
   * drops every kept piece anyway). `name` must not be a service's name: a NUL starts it.
   */
  section(name: string, key: readonly unknown[], render: () => Rendered): Rendered {
    return this.remembered(`\0${name}`, key, render, false);
  }

  /** `counted`: a service's (the cache's hits and misses count services). */
  private remembered(id: string, key: readonly unknown[], render: () => Rendered, counted: boolean): Rendered {
    const hit = this.cache.entries.get(id);
    if (hit && sameKey(hit.key, key) && this.replay(hit.takes)) {
      for (const n of hit.notes) this.notes.replay(n);
      if (counted) this.cache.hits++;
      return hit.rendered;
    }
    const notes: NoteCall[] = [];
    const takes = this.allocators.map((): Take[] => []);
    this.notes.recording = notes;
    this.allocators.forEach((a, i) => {
      a.journal = takes[i];
    });
    let rendered: Rendered;
    try {
      rendered = render();
    } finally {
      this.notes.recording = undefined;
      for (const a of this.allocators) a.journal = undefined;
    }
    this.cache.entries.set(id, { key, rendered, notes, takes });
    if (counted) this.cache.misses++;
    return rendered;
  }

  private replay(takes: readonly Take[][]): boolean {
    if (takes.length !== this.allocators.length) return false;
    for (let i = 0; i < takes.length; i++) {
      if ((this.allocators[i] as Journaled).replay(takes[i] as Take[])) continue;
      for (let j = 0; j < i; j++) (this.allocators[j] as Journaled).release(takes[j] as Take[]);
      return false;
    }
    return true;
  }
}

/**
 * A service's own inputs: its definition and the definitions its links point at (a link reads
 * the target's ports and healthcheck; a missing target is `undefined`, so one appearing counts).
 * The incremental compiler's plan (PlanCache) keeps a planned service while exactly these are
 * the same objects, so the planned service stands for them: one comparison instead of a lookup
 * per link in the blueprint's services (~10 % of a Swarm compile after one edit).
 */
function serviceKey(s: PlannedService, extra: readonly unknown[]): unknown[] {
  const key: unknown[] = [s];
  for (const x of extra) key.push(x);
  return key;
}

export function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
