// Builds the stock React Flow page exactly as the app is built (Vite, production), with react,
// react-dom and @xyflow/react resolved from apps/web so both sides run the same versions.
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
  resolve: {
    alias: [
      { find: /^react-dom(\/.*)?$/, replacement: `${dir('react-dom')}$1` },
      { find: /^react(\/.*)?$/, replacement: `${dir('react')}$1` },
      { find: /^@xyflow\/react(\/.*)?$/, replacement: `${dir('@xyflow/react')}$1` },
    ],
  },
};
