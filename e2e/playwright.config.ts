import { fileURLToPath } from 'node:url';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

/**
 * End-to-end tests of the designer app (issue 3) in Debian's Chromium — never a downloaded browser.
 * The app must be built first (`node scripts/pnpm.mjs --filter @blaupause/web build`); this config
 * only serves apps/web/dist with `vite preview` on a port of its own.
 */
// E2E_PORT: another port for the preview server when two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4317);
const CI = !!process.env.CI;
const jsonOutput = process.env.PW_JSON_OUTPUT;
const reporter: ReporterDescription[] = [['list']];
if (jsonOutput) reporter.push(['json', { outputFile: jsonOutput }]);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: CI,
  reporter,
  // Loaded CI machines: a page load the network broke is loaded again (fixtures/open.ts).
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // cwd is apps/web, so vite (its devDependency) is found under its own node_modules.
    // E2E_DIST: serve a build from another folder (a run beside others that rebuild apps/web/dist).
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort${process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : ''}`,
    cwd: fileURLToPath(new URL('../apps/web', import.meta.url)),
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
