import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to this server (DESIGN §7, issue 5). Every request passes `checkRequest` in
 * http/server.ts before anything else runs — API calls, the SSE stream and static files alike.
 */
export interface GuardPolicy {
  /** Exact Host header values (defeats DNS rebinding). */
  hosts: ReadonlySet<string>;
  /** Exact Origin values; an absent Origin is a non-browser client (CLI) or a same-origin GET. */
  origins: ReadonlySet<string>;
  /** The per-launch token every API request must carry; undefined turns the check off (tests of other layers). */
  token: string | undefined;
  /** Cap of an API request body, in bytes. */
  maxBodyBytes: number;
}

export type Verdict = { ok: true } | { ok: false; status: number; message: string };

export const TOKEN_HEADER = 'x-blaupause-token';
export const API_PREFIX = '/api/';
/**
 * Answers without a token whether this is a Blaupause server and whether the caller's token is
 * right (what a 401 would say anyway), so the page tells "no server" from "no access" without a
 * failed request in the console. Host and Origin checks apply as everywhere.
 */
export const SESSION_PATH = '/api/session';

/** The Host and Origin values of a server listening on a loopback address and port. */
export function loopbackPolicy(
  host: string,
  port: number,
  token: string | undefined,
  maxBodyBytes: number,
  devOrigins: string[] = [],
): GuardPolicy {
  const names = new Set([host, '127.0.0.1', 'localhost']);
  if (host === '::1') names.add('[::1]');
  const hosts = new Set([...names].filter((n) => n !== '::1').map((n) => `${n}:${port}`));
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  // The Vite dev server proxying /api keeps its own Host and Origin: allowed only when named at start.
  for (const o of devOrigins) {
    origins.add(o);
    hosts.add(new URL(o).host);
  }
  return { hosts, origins, token, maxBodyBytes };
}

/** A dev server origin the server may accept: http on a loopback name with a port, nothing else. */
export const DEV_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/;

export function checkRequest(req: IncomingMessage, url: URL, policy: GuardPolicy): Verdict {
  const host = req.headers.host;
  if (!host || !policy.hosts.has(host)) return deny(421, 'unknown Host');
  const origin = req.headers.origin;
  if (origin !== undefined && !policy.origins.has(origin)) return deny(403, 'foreign Origin');
  if (!url.pathname.startsWith(API_PREFIX)) return { ok: true };
  // Browsers send this on every request; cross-site means another site's page is asking.
  if (req.headers['sec-fetch-site'] === 'cross-site') return deny(403, 'cross-site request');

  if (url.pathname === SESSION_PATH) return req.method === 'GET' ? { ok: true } : deny(405, 'method not allowed');
  if (!isAuthorized(req, url, policy)) return deny(401, 'missing or wrong token');
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return deny(415, 'API bodies are JSON (Content-Type: application/json)');
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > policy.maxBodyBytes) return deny(413, 'request body too large');
  } else if (req.method !== 'GET') return deny(405, 'method not allowed');
  return { ok: true };
}

/** The request carries the launch's token (or the check is off). */
export function isAuthorized(req: IncomingMessage, url: URL, policy: GuardPolicy): boolean {
  return policy.token === undefined || sameToken(tokenOf(req, url), policy.token);
}

/**
 * The token travels in a header; EventSource cannot set headers, so subscriptions carry it in the
 * `connectionParams` query parameter that tRPC's httpSubscriptionLink sends (GET only, never a cookie).
 */
function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  if (req.method !== 'GET') return undefined;
  const params = url.searchParams.get('connectionParams');
  if (!params) return undefined;
  try {
    const token = (JSON.parse(params) as { token?: unknown }).token;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Constant-time: hashes first, so lengths never leak through early exits. */
function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function deny(status: number, message: string): Verdict {
  return { ok: false, status, message };
}
