import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page, type Request } from '@playwright/test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const WEB = join(ROOT, 'apps', 'web');
const VITE = join(WEB, 'node_modules', 'vite', 'bin', 'vite.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The flags of e2e/playwright.config.ts (DEVELOPERS.md): headless, software raster. */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1440, height: 900 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `blaupause-bench-${name}-`));
}

/** A production Vite build (cwd apps/web, so its plugins and dependencies resolve). Throws with the output. */
export function viteBuild(args: string[], label: string): void {
  const r = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn', ...args], { cwd: WEB, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The builds the browser benchmarks compare, each into its own folder. */
export interface Builds {
  /** The app exactly as `vite build` of apps/web makes it. */
  app: string;
  /** The same app with monaco-editor imported eagerly by its entry (bench/eager-monaco). */
  eager?: string;
  /** The stock React Flow page (bench/stock-flow). */
  stock?: string;
}

export function buildApp(out: string, extra: string[] = []): string {
  const dir = join(out, 'app');
  viteBuild(['--outDir', dir, '--emptyOutDir', ...extra], 'app');
  return dir;
}

export function buildEager(out: string): string {
  const dir = join(out, 'eager');
  viteBuild(['--config', join(ROOT, 'bench', 'eager-monaco', 'vite.config.mjs'), '--outDir', dir, '--emptyOutDir'], 'eager-Monaco app');
  return dir;
}

export function buildStock(out: string): string {
  const dir = join(out, 'stock');
  viteBuild(['--config', join(ROOT, 'bench', 'stock-flow', 'vite.config.mjs'), '--outDir', dir, '--emptyOutDir'], 'stock page');
  return dir;
}

/** The frame-floor reference pages (bench/floor; bench:canvas --floor). */
export function buildFloor(out: string): string {
  const dir = join(out, 'floor');
  viteBuild(['--config', join(ROOT, 'bench', 'floor', 'vite.config.mjs'), '--outDir', dir, '--emptyOutDir'], 'floor page');
  return dir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves /<prefix>/… from each root, on 127.0.0.1 only. */
export function serve(roots: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const root = roots[prefix];
    const file = root ? normalize(join(root, rest.join('/') || 'index.html')) : '';
    if (!root || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/**
 * page.goto(url), then `ready()`; when Chromium reports ERR_NETWORK_CHANGED meanwhile (on this
 * shared host other engines' networks come and go, and Chromium then fails even loopback loads,
 * e.g. a lazy chunk) that load is thrown away and repeated, up to `attempts` times. `ready` gets
 * and the call returns the wall time (Date.now()) the load started.
 */
export async function loadReady(page: Page, url: string, ready: (t0: number) => Promise<unknown>, attempts = 4): Promise<number> {
  let onChange: (() => void) | undefined;
  const listener = (r: Request) => {
    if (/ERR_NETWORK_CHANGED/.test(r.failure()?.errorText ?? '')) onChange?.();
  };
  page.on('requestfailed', listener);
  try {
    for (let i = 1; ; i++) {
      const changed = new Promise<'changed'>((resolve) => {
        onChange = () => resolve('changed');
      });
      const t0 = Date.now();
      await page.goto(url);
      const outcome = await Promise.race([ready(t0).then(() => 'ready' as const), changed]);
      if (outcome === 'ready') return t0;
      if (i >= attempts) throw new Error(`Chromium reported ERR_NETWORK_CHANGED during each of ${attempts} loads of ${url}`);
      console.warn(`  (network changed while loading ${url}: load ${i} thrown away)`);
      await page.goto('about:blank');
    }
  } finally {
    page.off('requestfailed', listener);
  }
}
