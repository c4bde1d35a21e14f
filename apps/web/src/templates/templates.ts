import { type Blueprint, loadBlueprint } from '@blaupause/model';
import adapter from '../../../../examples/adapter.blueprint.yaml?raw';
import ambassador from '../../../../examples/ambassador.blueprint.yaml?raw';
import patterns from '../../../../examples/patterns.blueprint.yaml?raw';
import runAdapter from '../../../../examples/run-adapter.blueprint.yaml?raw';
import runAmbassador from '../../../../examples/run-ambassador.blueprint.yaml?raw';
import runSidecar from '../../../../examples/run-sidecar.blueprint.yaml?raw';
import seedCompose from '../../../../examples/seed-compose.blueprint.yaml?raw';
import sidecar from '../../../../examples/sidecar.blueprint.yaml?raw';
import single from '../../../../examples/single-container.blueprint.yaml?raw';
import threeTier from '../../../../examples/three-tier.blueprint.yaml?raw';

export interface Template {
  id: string;
  title: string;
  /** Blueprint YAML, as a user would write it. */
  text: string;
}

/**
 * The seed's examples in the lecture's order — plain Docker, the Compose example, the three pod
 * patterns one by one and together, the same three patterns runnable on the local engine with the
 * demo image (scripts/demo-images.mjs) — and a three-tier application; bundled from examples/ so
 * the app and the CLI read the same files.
 */
export const TEMPLATES: readonly Template[] = [
  { id: 'single-container', title: 'A single container (plain Docker)', text: single },
  { id: 'seed-compose', title: 'Two web servers behind haproxy', text: seedCompose },
  { id: 'sidecar', title: 'Sidecar: git sync feeding a web server', text: sidecar },
  { id: 'ambassador', title: 'Ambassador: Redis reads and writes split on localhost', text: ambassador },
  { id: 'adapter', title: 'Adapter: uniform metrics for monitoring', text: adapter },
  { id: 'patterns', title: 'Sidecar, ambassador and adapter in one pod', text: patterns },
  { id: 'run-sidecar', title: 'Runnable sidecar: content kept in sync (local demo image)', text: runSidecar },
  { id: 'run-ambassador', title: 'Runnable ambassador: writes to the primary, reads from the replica', text: runAmbassador },
  { id: 'run-adapter', title: 'Runnable adapter: own metrics → Prometheus format', text: runAdapter },
  { id: 'three-tier', title: 'Three tiers: web, API, database', text: threeTier },
];

/** A template as a document. Templates are ours: one that does not load is a bug, so this throws. */
export function templateBlueprint(id: string): Blueprint {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown template ${id}`);
  const r = loadBlueprint(template.text, { file: `${id}.blueprint.yaml` });
  if (!r.blueprint) throw new Error(`template ${id} does not load: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.blueprint;
}

/** The templates menu's id for {@link emptyBlueprint}. */
export const EMPTY_TEMPLATE = 'empty';

/** A blueprint with no services: what "Empty blueprint" in the templates menu starts from. */
export function emptyBlueprint(): Blueprint {
  const r = loadBlueprint('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: untitled\nservices: {}\n', {
    file: 'empty.blueprint.yaml',
  });
  if (!r.blueprint) throw new Error('the empty blueprint does not load');
  return r.blueprint;
}
