import { createReadStream, existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Security headers on every page of the app (issue 5): no framing, no referrer, only our own origin. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow and Monaco set inline style attributes; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * The built web app (apps/web/dist) with SPA fallback: an unknown path without a file extension
 * gets index.html, a missing asset a 404. Files are looked up on every request (a rebuild while the
 * server runs is served as it is), paths stay inside the folder, dotfiles and symlinks are never
 * served, and a file that vanishes mid-request ends that response only — never the process (which
 * is why this is not sirv: its read streams have no error handler). Without a build, a page says
 * how to make one.
 */
export function staticApp(dir: string): Handler {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return notBuilt(root);
  return (req, res) => {
    serveFile(root, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.end();
      }
    });
  };
}

async function serveFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return end(res, 400);
  }
  const segments = pathname.split('/').filter(Boolean);
  if (pathname.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return end(res, 404);
  let file = resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return end(res, 404);
  let st = await lstat(file).catch(() => undefined);
  if (st?.isDirectory()) {
    file = join(file, 'index.html');
    st = await lstat(file).catch(() => undefined);
  }
  if (!st?.isFile()) {
    if (extname(pathname) !== '') return end(res, 404);
    file = join(root, 'index.html'); // SPA fallback
    st = await lstat(file).catch(() => undefined);
    if (!st?.isFile()) return end(res, 404);
  }
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  res.setHeader('ETag', etag);
  // Vite names assets by content hash: they never change. Everything else is revalidated.
  res.setHeader('Cache-Control', file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (req.headers['if-none-match'] === etag) return end(res, 304);
  res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', st.size);
  if (req.method === 'HEAD') return end(res, 200);
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function end(res: ServerResponse, status: number): void {
  res.statusCode = status;
  res.end();
}

function notBuilt(dir: string): Handler {
  return (_req, res) => {
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`The web app is not built (no ${join(dir, 'index.html')}).\nBuild it: node scripts/pnpm.mjs --filter @blaupause/web build\n`);
  };
}
