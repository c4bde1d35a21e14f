// The anchor of the initial-JS and Monaco benchmarks: the app exactly as apps/web/vite.config.ts
// builds it, except that its entry (src/main.tsx) imports the full `monaco-editor` entry and the
// app's Monaco setup (monaco-yaml) eagerly, as an app that does not split Monaco off would. The
// full entry stays the anchor (performance anchors E1/E2) although the app's own setup imports only
// the lean editor.api with the features it uses. The app's own sources and build are untouched;
// the imports are added while bundling.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFromFile, mergeConfig } from 'vite';

const web = fileURLToPath(new URL('../../apps/web/', import.meta.url));

const eagerMonaco = {
  name: 'bench-eager-monaco',
  enforce: 'pre',
  transform(code, id) {
    if (id.split('?')[0] !== join(web, 'src', 'main.tsx')) return undefined;
    return { code: `import 'monaco-editor';\nimport './panels/yaml-editor/monaco-setup';\n${code}`, map: null };
  },
};

export default async (env) => {
  const loaded = await loadConfigFromFile(env, join(web, 'vite.config.ts'), web);
  if (!loaded) throw new Error('apps/web/vite.config.ts not found');
  return mergeConfig(loaded.config, { root: web, plugins: [eagerMonaco] });
};
