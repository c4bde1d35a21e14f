import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

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

/**
 * The built web app (apps/web/dist) with SPA fallback: an unknown path without a file extension
 * gets index.html, a missing asset a 404. Without a build, a page says how to make one.
 */
export function staticApp(dir: string): Handler {
  if (!existsSync(join(dir, 'index.html'))) return notBuilt(dir);
  const serve = sirv(dir, { single: true, etag: true, dotfiles: false, gzip: false, brotli: false });
  return (req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
}

function notBuilt(dir: string): Handler {
  return (_req, res) => {
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`The web app is not built (no ${join(dir, 'index.html')}).\nBuild it: node scripts/pnpm.mjs --filter @blaupause/web build\n`);
  };
}
