import type { PlannedService } from '../../plan/plan';
import { StreamedMapping } from '../../yaml';
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
export function dockerServices(pods: readonly PlannedService[], addPod: (s: PlannedService, add: AddService) => void): unknown {
  if (streamable(pods)) return new StreamedMapping(podByPod(pods, addPod));
  const services: Record<string, unknown> = {};
  for (const s of pods)
    addPod(s, (name, service) => {
      services[name] = service;
    });
  return services;
}

function* podByPod(pods: readonly PlannedService[], addPod: (s: PlannedService, add: AddService) => void) {
  const batch: (readonly [string, unknown])[] = [];
  const add: AddService = (name, service) => {
    batch.push([name, service]);
  };
  for (const s of pods) {
    batch.length = 0;
    addPod(s, add);
    yield* batch;
  }
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

function streamable(pods: readonly PlannedService[]): boolean {
  const seen = new Set<string>();
  for (const s of pods)
    for (const pc of [...s.inits, s.main, ...s.helpers]) {
      if (!pc) continue;
      const name = dockerServiceName(s, pc);
      if (seen.has(name) || ARRAY_INDEX.test(name)) return false;
      seen.add(name);
    }
  return true;
}
