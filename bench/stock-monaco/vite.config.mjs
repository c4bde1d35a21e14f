// Builds the stock Monaco page (bench:edit's K3 anchor) as the app is built (Vite, production), with
// monaco-editor resolved from apps/web so both sides run the same version.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fromWeb = createRequire(join(here, '..', '..', 'apps', 'web', 'package.json'));
const dir = (pkg) => dirname(fromWeb.resolve(`${pkg}/package.json`));

export default {
  root: here,
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true },
  worker: { format: 'es' },
  resolve: {
    alias: [{ find: /^monaco-editor(\/.*)?$/, replacement: `${dir('monaco-editor')}$1` }],
  },
};
