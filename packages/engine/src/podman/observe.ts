import type { PodmanApi } from './api';
import { containerOf, ownedFilter, PLABEL } from './labels';

/** What Podman holds of a project: our pods (by label), and whether network, volumes and images exist. */
export interface ObservedPod {
  id: string;
  name: string;
  status: string;
  labels: Record<string, string>;
  /** Containers by blueprint name (the infra container left out). */
  containers: { id: string; name: string; status: string }[];
}

export interface PodListEntry {
  Id: string;
  Name: string;
  Status: string;
  Created?: string;
  InfraId?: string;
  Labels?: Record<string, string> | null;
  Containers?: { Id: string; Names: string; Status: string }[];
}

export async function observePods(api: PodmanApi, project: string | undefined): Promise<ObservedPod[]> {
  const label = project === undefined ? [`${PLABEL.managed}=true`] : ownedFilter(project);
  const pods = (await api.get<PodListEntry[] | null>('/pods/json', { filters: { label } })) ?? [];
  return pods.map(toObserved);
}

export function toObserved(p: PodListEntry): ObservedPod {
  const labels = p.Labels ?? {};
  return {
    id: p.Id,
    name: p.Name,
    status: p.Status,
    labels,
    containers: (p.Containers ?? [])
      .filter((c) => c.Id !== p.InfraId)
      .map((c) => ({ id: c.Id, name: containerOf(c.Names, p.Name), status: c.Status })),
  };
}

/** Labels of a network or volume, undefined when it does not exist. */
export async function resourceLabels(
  api: PodmanApi,
  kind: 'networks' | 'volumes',
  name: string,
): Promise<Record<string, string> | undefined> {
  try {
    const r = await api.get<{ labels?: Record<string, string>; Labels?: Record<string, string> }>(
      `/${kind}/${encodeURIComponent(name)}/json`,
    );
    return r.labels ?? r.Labels ?? {};
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

export async function imageExists(api: PodmanApi, image: string): Promise<boolean> {
  return api.exists(`/images/${encodeURIComponent(image)}/exists`);
}

export async function podExists(api: PodmanApi, name: string): Promise<boolean> {
  return api.exists(`/pods/${encodeURIComponent(name)}/exists`);
}
