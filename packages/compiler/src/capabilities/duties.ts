import type { Diagnostic } from '@blaupause/model';

/**
 * The duties a cluster orchestrator automates, in the order of the lecture "Orchestrierung"
 * (/work/shared/seed, "Ein Cluster-Orchestrierer automatisiert vielerlei Betriebsaufgaben …"),
 * plus `other` for fidelity notes that concern none of them (host access, security, labels).
 */
export const DUTIES = [
  { id: 'scheduling', label: 'Scheduling with constraints', seed: 'Scheduling von Containern mit applikationsspezifischen Constraints' },
  { id: 'networking', label: 'Networking between containers', seed: 'Aufbau von notwendigen Netzwerk-Verbindungen' },
  { id: 'storage', label: 'Persistent storage', seed: 'Bereitstellung von persistenten Speichern' },
  { id: 'scaling', label: '(Auto-)scaling', seed: '(Auto-)Skalierung von Containern' },
  { id: 'healing', label: 'Auto-healing, re-scheduling', seed: 'Re-Scheduling im Fehlerfall (Auto-Healing)' },
  { id: 'logistics', label: 'Container logistics', seed: 'Container-Logistik: Verwaltung und Bereitstellung von Containern' },
  { id: 'packages', label: 'Package management', seed: 'Package-Management: Verwaltung und Bereitstellung von Applikationen' },
  { id: 'admin', label: 'Admin interfaces', seed: 'Administrationsschnittstellen (Remote-API, Kommandozeile)' },
  { id: 'services', label: 'Service discovery, naming, load balancing', seed: 'Management von Services' },
  { id: 'rollout', label: 'Rollout workflows (canary)', seed: 'Automatismen für Rollout-Workflows wie z.B. Canary Rollout' },
  { id: 'monitoring', label: 'Monitoring and diagnosis', seed: 'Monitoring und Diagnose von Containern und Services' },
  { id: 'other', label: 'Other target differences', seed: '(not one of the lecture’s duties)' },
] as const;

export type DutyId = (typeof DUTIES)[number]['id'];

const SERVICE_FIELD: Record<string, DutyId> = {
  scaling: 'scaling',
  replicas: 'scaling',
  mode: 'scheduling',
  placement: 'scheduling',
  rollout: 'rollout',
  networks: 'networking',
  hostNetwork: 'networking',
  profiles: 'packages',
  hostPid: 'other',
  hostIpc: 'other',
  labels: 'other',
};

const CONTAINER_FIELD: Record<string, DutyId> = {
  role: 'scheduling',
  resources: 'scheduling',
  restart: 'healing',
  image: 'logistics',
  build: 'logistics',
  mounts: 'storage',
  env: 'services',
};

const TOP_LEVEL: Record<string, DutyId> = {
  volumes: 'storage',
  networks: 'networking',
  configs: 'packages',
  secrets: 'packages',
};

/**
 * The duty a fidelity note concerns, from the document path the emitters give it
 * (packages/compiler/src/targets/*: every `note(…, path, …)`). Unknown paths are `other`, so no
 * note is ever dropped from the matrix.
 */
export function dutyOfNote(d: Pick<Diagnostic, 'path'>): DutyId {
  const p = d.path.map(String);
  if (p[0] !== 'services') return TOP_LEVEL[p[0] ?? ''] ?? 'other';
  const field = p[2];
  if (field === undefined) return 'services'; // names of Services and workloads
  if (field === 'ports') return p[4] === 'ingress' ? 'services' : 'networking';
  // A link is a start-order constraint; the variable it injects is service discovery.
  if (field === 'links') return p[4] === 'env' ? 'services' : 'scheduling';
  if (field !== 'containers') return SERVICE_FIELD[field] ?? 'other';
  const inner = p[4];
  // The container itself: how a pod's helpers and init containers are grouped with the main.
  if (inner === undefined) return 'scheduling';
  if (inner === 'healthcheck') return p[5] === 'liveness' ? 'healing' : 'monitoring';
  return CONTAINER_FIELD[inner] ?? 'other';
}
