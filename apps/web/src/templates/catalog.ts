/**
 * The templates menus' entries: ids and titles only. The page's menus read this; the texts (and the
 * YAML readers that turn them into documents) stay in the worker's chunk (templates.ts), so the
 * initial chunk carries none of the examples' YAML.
 */
export interface TemplateEntry {
  id: string;
  title: string;
}

/**
 * The seed's examples in the lecture's order — plain Docker, the Compose example, the three pod
 * patterns one by one and together, the same three patterns runnable on the local engine with the
 * demo image (scripts/demo-images.mjs) — and a three-tier application.
 */
export const TEMPLATE_ENTRIES: readonly TemplateEntry[] = [
  { id: 'single-container', title: 'A single container (plain Docker)' },
  { id: 'seed-compose', title: 'Two web servers behind haproxy' },
  { id: 'sidecar', title: 'Sidecar: git sync feeding a web server' },
  { id: 'ambassador', title: 'Ambassador: Redis reads and writes split on localhost' },
  { id: 'adapter', title: 'Adapter: uniform metrics for monitoring' },
  { id: 'patterns', title: 'Sidecar, ambassador and adapter in one pod' },
  { id: 'run-sidecar', title: 'Runnable sidecar: content kept in sync (local demo image)' },
  { id: 'run-ambassador', title: 'Runnable ambassador: writes to the primary, reads from the replica' },
  { id: 'run-adapter', title: 'Runnable adapter: own metrics → Prometheus format' },
  { id: 'three-tier', title: 'Three tiers: web, API, database' },
];

/** The templates menu's id for the empty blueprint (templates.ts: emptyBlueprint). */
export const EMPTY_TEMPLATE = 'empty';
