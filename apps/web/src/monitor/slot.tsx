import type { ComponentType } from 'react';
import { useSyncExternalStore } from 'react';

/**
 * The place on a service node where the orchestrator's controls go (issue 7). The node lives in
 * the initial bundle; what fills the slot comes with the deploy chunk, which registers it once it
 * is connected to a Docker project — so the designer opens without any of it.
 */
export type NodeSlotComponent = ComponentType<{ service: string; desired: number }>;

let current: NodeSlotComponent | undefined;
const listeners = new Set<() => void>();

export function registerNodeSlot(component: NodeSlotComponent | undefined): void {
  current = component;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function NodeSlot({ service, desired }: { service: string; desired: number }) {
  const Slot = useSyncExternalStore(subscribe, () => current);
  return Slot ? <Slot service={service} desired={desired} /> : null;
}
