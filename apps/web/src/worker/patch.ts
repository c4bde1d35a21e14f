import type { Blueprint, Service } from '@blaupause/model';

/**
 * What the worker needs to rebuild the document: only the parts whose identity changed since the
 * previous patch. Commands share untouched parts structurally, so an edit of one service sends one
 * service (cheap to clone on a 5,000-service canvas) and the worker keeps every other service's
 * object — and with it whatever the compiler caches per object — across edits. `layout` is never
 * sent: analysis does not read it.
 */
export interface BlueprintPatch {
  /** Top-level parts (services and layout excepted) that changed; a key set to undefined was removed. */
  parts: Record<string, unknown>;
  /** Service names in document order, when the names or their order changed. */
  order?: string[];
  /** Services added or replaced since the previous patch, by name. */
  services: Record<string, Service>;
}

const NOT_PARTS = new Set(['services', 'layout']);

/** Main-thread side: turns each new document into a patch against the previous one it saw. */
export function createPatcher(): (bp: Blueprint) => BlueprintPatch {
  let parts: Record<string, unknown> = {};
  let services: Record<string, Service> | undefined;
  let order: string[] = [];
  return (bp) => {
    const patch: BlueprintPatch = { parts: {}, services: {} };
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(bp)) {
      if (NOT_PARTS.has(key) || value === undefined) continue;
      next[key] = value;
      if (parts[key] !== value) patch.parts[key] = value;
    }
    for (const key of Object.keys(parts)) if (!(key in next)) patch.parts[key] = undefined;
    parts = next;
    if (bp.services !== services) {
      // One for…in, no look-up by name in the new object: at 1,000 services (in the edit's keydown
      // task) Object.keys and a look-up per name cost several times more.
      const all = bp.services;
      let i = 0;
      let reordered = false;
      for (const name in all) {
        const svc = all[name];
        if (svc && services?.[name] !== svc) patch.services[name] = svc;
        if (!reordered && order[i] !== name) reordered = true;
        i++;
      }
      if (reordered || i !== order.length) order = patch.order = Object.keys(all);
      services = all;
    }
    return patch;
  };
}

/** Worker side: applies patches in order and returns the document, unchanged parts keeping their identity. */
export function createAssembler(): (patch: BlueprintPatch) => Blueprint {
  const parts: Record<string, unknown> = {};
  let byName = new Map<string, Service>();
  let order: string[] = [];
  let services: Record<string, Service> = {};
  return (patch) => {
    for (const [key, value] of Object.entries(patch.parts)) {
      if (value === undefined) delete parts[key];
      else parts[key] = value;
    }
    const changed = Object.keys(patch.services);
    for (const name of changed) {
      const svc = patch.services[name];
      if (svc) byName.set(name, svc);
    }
    if (patch.order) {
      order = patch.order;
      const kept = new Map<string, Service>();
      for (const name of order) {
        const svc = byName.get(name);
        if (svc) kept.set(name, svc);
      }
      byName = kept;
    }
    if (patch.order || changed.length > 0) {
      services = {};
      for (const name of order) {
        const svc = byName.get(name);
        if (svc) services[name] = svc;
      }
    }
    return { ...parts, services } as Blueprint;
  };
}
