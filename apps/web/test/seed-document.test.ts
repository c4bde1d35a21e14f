import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../src/templates/templates';
import { seedDocument } from '../vite.config';

describe('virtual:seed-document (vite.config.ts)', () => {
  it('is the seed template exactly as the worker makes it (templateBlueprint), as JSON', async () => {
    const plugin = seedDocument();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string | undefined>;
    const id = resolveId('virtual:seed-document');
    expect(id).toBeDefined();
    const watched: string[] = [];
    const code = await load.call({ addWatchFile: (f) => watched.push(f) }, id as string);
    const json = /^export default JSON\.parse\((".*")\);\n$/s.exec(code ?? '')?.[1];
    expect(json, code).toBeDefined();
    expect(JSON.parse(JSON.parse(json as string))).toEqual(JSON.parse(JSON.stringify(templateBlueprint('seed-compose'))));
    expect(watched.some((f) => f.endsWith('examples/seed-compose.blueprint.yaml'))).toBe(true);
  });

  it('resolves nothing else', () => {
    const resolveId = seedDocument().resolveId as (id: string) => string | undefined;
    expect(resolveId('virtual:other')).toBeUndefined();
  });
});
