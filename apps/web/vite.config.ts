import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is served from one origin and requests nothing else (DESIGN §7, issue 3: works offline).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
