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
import { TEMPLATE_ENTRIES, type TemplateEntry } from './catalog';

export { EMPTY_TEMPLATE, TEMPLATE_ENTRIES, type TemplateEntry } from './catalog';

export interface Template extends TemplateEntry {
  /** Blueprint YAML, as a user would write it. */
  text: string;
}

const TEXTS: Record<string, string> = {
  'single-container': single,
  'seed-compose': seedCompose,
  sidecar,
  ambassador,
  adapter,
  patterns,
  'run-sidecar': runSidecar,
  'run-ambassador': runAmbassador,
  'run-adapter': runAdapter,
  'three-tier': threeTier,
};

/**
 * The menus' entries (catalog.ts) with their texts, bundled from examples/ so the app and the CLI
 * read the same files. Only the worker imports this module.
 */
export const TEMPLATES: readonly Template[] = TEMPLATE_ENTRIES.map((e) => ({ ...e, text: TEXTS[e.id] ?? '' }));

/** A template as a document. Templates are ours: one that does not load is a bug, so this throws. */
export function templateBlueprint(id: string): Blueprint {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown template ${id}`);
  const r = loadBlueprint(template.text, { file: `${id}.blueprint.yaml` });
  if (!r.blueprint) throw new Error(`template ${id} does not load: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.blueprint;
}

/** A blueprint with no services: what "Empty blueprint" in the templates menu starts from. */
export function emptyBlueprint(): Blueprint {
  const r = loadBlueprint('apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: untitled\nservices: {}\n', {
    file: 'empty.blueprint.yaml',
  });
  if (!r.blueprint) throw new Error('the empty blueprint does not load');
  return r.blueprint;
}
