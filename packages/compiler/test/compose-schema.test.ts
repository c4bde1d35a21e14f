import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Blueprint, loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../src';
import { composeSchemaErrors } from './import-compose/compose-schema';

/**
 * Compose output must validate against the official Compose Specification schema (DESIGN §4),
 * the Swarm stack file too (it is a Compose file), and the stack file must also keep to what
 * `docker stack deploy`'s own v3 loader accepts, which is stricter in places.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

const goldenDir = join(here, 'golden');
const golden = readdirSync(goldenDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'blueprint.yaml')))
  .map((d) => d.name)
  .sort();
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.blueprint.yaml'))
  .sort();

function load(file: string): Blueprint {
  const loaded = loadBlueprint(readFileSync(file, 'utf8'), { file });
  if (!loaded.blueprint) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.blueprint;
}

/** Every output of the cases and examples: compose and swarm, compiled now (not the snapshot files). */
const outputs = [
  ...golden.map((c) => ({ name: `golden/${c}`, blueprint: load(join(goldenDir, c, 'blueprint.yaml')) })),
  ...examples.map((f) => ({ name: `examples/${f}`, blueprint: load(join(root, 'examples', f)) })),
].flatMap(({ name, blueprint }) =>
  (['compose', 'swarm'] as const).map((target) => ({
    name: `${name} (${target})`,
    target,
    doc: parse(compile(blueprint, target).files[0]?.content ?? '') as Record<string, unknown>,
  })),
);

describe('Compose Specification schema', () => {
  it('covers every golden case and example', () => {
    expect(golden.length).toBeGreaterThanOrEqual(15);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(outputs.length).toBe(2 * (golden.length + examples.length));
  });

  it.each(outputs)('$name validates', ({ doc }) => {
    expect(composeSchemaErrors(doc)).toEqual([]);
  });

  it('rejects what it should (the validator is live)', () => {
    expect(composeSchemaErrors({ services: { web: { image: 'x', depends_on: { db: { condition: 'service_done' } } } } })).not.toEqual([]);
    expect(composeSchemaErrors({ services: { web: { image: 'x', healthcheck: { test: ['CMD'], interval: 5 } } } })).not.toEqual([]);
  });
});

// What docker/cli's compose loader (config_schema_v3.x, used by `docker stack deploy`) refuses or ignores.
const STACK_UNSUPPORTED_SERVICE_KEYS = [
  'depends_on',
  'profiles',
  'network_mode',
  'container_name',
  'restart',
  'privileged',
  'devices',
  'pid',
  'ipc',
  'build',
];

describe('Swarm stack files keep to docker stack deploy', () => {
  const stacks = outputs.filter((o) => o.target === 'swarm');

  it.each(stacks)('$name', ({ doc }) => {
    expect(Object.keys(doc).filter((k) => !['services', 'networks', 'volumes', 'configs', 'secrets'].includes(k))).toEqual([]);
    const services = Object.entries(doc.services as Record<string, Record<string, unknown>>);
    for (const [, svc] of services) {
      expect(Object.keys(svc).filter((k) => STACK_UNSUPPORTED_SERVICE_KEYS.includes(k))).toEqual([]);
      expect(typeof svc.image).toBe('string');
      for (const p of (svc.ports ?? []) as Record<string, unknown>[])
        expect(Object.keys(p).sort()).toEqual(['mode', 'protocol', 'published', 'target']);
      const resources = (svc.deploy as { resources?: Record<string, Record<string, unknown>> } | undefined)?.resources ?? {};
      for (const amounts of Object.values(resources)) if (amounts.cpus !== undefined) expect(typeof amounts.cpus).toBe('string');
    }
    for (const c of Object.values((doc.configs ?? {}) as Record<string, Record<string, unknown>>)) expect(c.content).toBeUndefined();
    for (const s of Object.values((doc.secrets ?? {}) as Record<string, Record<string, unknown>>)) expect(s.environment).toBeUndefined();
  });
});
