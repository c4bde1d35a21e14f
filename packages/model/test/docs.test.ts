import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprintJsonSchema } from '../src/json-schema';
import { loadBlueprint } from '../src/load';

const doc = readFileSync(new URL('../../../docs/blueprint-format.md', import.meta.url), 'utf8');

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, out);
  else if (schema && typeof schema === 'object') {
    const { properties } = schema as { properties?: Record<string, unknown> };
    for (const key of Object.keys(properties ?? {})) out.add(key);
    for (const v of Object.values(schema)) propertyNames(v, out);
  }
  return out;
}

describe('docs/blueprint-format.md', () => {
  it('has a complete example that loads without a single diagnostic', () => {
    const example = /## A complete example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(example).toContain('apiVersion: blaupause.dev/v1');
    const r = loadBlueprint(example);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.blueprint?.services ?? {})).toEqual(['db', 'web']);
  });

  it('mentions every field of the format in code', () => {
    const fenced = /```[a-z]*\n[\s\S]*?```/g;
    const code = [...(doc.match(fenced) ?? []), ...[...doc.replace(fenced, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '')];
    const words = new Set(code.flatMap((c) => c.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
    const missing = [...propertyNames(blueprintJsonSchema())].filter((name) => !words.has(name));
    expect(missing).toEqual([]);
  });
});
