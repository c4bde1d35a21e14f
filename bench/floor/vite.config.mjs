// Builds the frame-floor page (bench/floor/main.ts) as the app is built (Vite, production).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  root: dirname(fileURLToPath(import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true },
};
