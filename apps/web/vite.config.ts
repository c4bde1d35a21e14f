import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is served from one origin and requests nothing else (DESIGN §7, issue 3: works offline).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    // dist/.vite/manifest.json: scripts/check-bundle.mjs reads it to sum the initial JavaScript.
    manifest: true,
  },
  // Module workers (the analysis worker shares chunks through ES imports).
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
