import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, runnerImport } from 'vite';

const SEED_ID = 'virtual:seed-document';
const SEED_YAML = fileURLToPath(new URL('../../examples/seed-compose.blueprint.yaml', import.meta.url));
const MODEL = fileURLToPath(new URL('../../packages/model/src/index.ts', import.meta.url));

/**
 * `virtual:seed-document`: the seed template (examples/seed-compose.blueprint.yaml) read through the
 * model's loader at build time, as the document the worker would make of it. A first visit (nothing
 * stored) paints it at once: the YAML reader and the schema stay in the worker, and the canvas does
 * not wait for the worker to start (performance anchors C4).
 */
export function seedDocument(): Plugin {
  const resolved = `\0${SEED_ID}`;
  return {
    name: 'blaupause-seed-document',
    resolveId: (id) => (id === SEED_ID ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(SEED_YAML);
      const { module } = await runnerImport<{ loadBlueprint(text: string, opts: { file: string }): { blueprint?: unknown } }>(MODEL, {
        configFile: false,
        logLevel: 'error',
      });
      const { blueprint } = module.loadBlueprint(readFileSync(SEED_YAML, 'utf8'), { file: 'seed-compose.blueprint.yaml' });
      if (!blueprint) throw new Error('examples/seed-compose.blueprint.yaml does not load');
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(blueprint))});\n`;
    },
  };
}

// The app is served from one origin and requests nothing else (DESIGN §7, issue 3: works offline).
export default defineConfig({
  plugins: [react(), seedDocument()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    // dist/.vite/manifest.json: scripts/check-bundle.mjs reads it to sum the initial JavaScript.
    manifest: true,
    // Every browser the es2022 target runs in supports <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
  },
  // Module workers (the analysis worker shares chunks through ES imports).
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
