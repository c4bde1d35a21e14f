import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEV_ORIGIN } from './http/guard';
import { DEFAULT_PORT } from './http/server';
import { defaultWorkspaceDir } from './services/workspace';

export interface ServerConfig {
  host: string;
  port: number;
  workspaceDir: string;
  staticDir: string;
  /** Set from BLAUPAUSE_TOKEN for automation (e2e); otherwise main.ts draws a fresh one. */
  token?: string;
  /** `--dev-origin`: a Vite dev server on loopback that proxies /api here. */
  devOrigins: string[];
}

export const USAGE = `Usage: blaupause-server [--port N] [--workspace DIR] [--static DIR]

Serves the Blaupause designer and its API on http://127.0.0.1:${DEFAULT_PORT}/ (loopback only).
  --port N         port to listen on (default ${DEFAULT_PORT}, or PORT)
  --workspace DIR  folder of saved blueprints (default ~/.blaupause/workspace, or BLAUPAUSE_WORKSPACE)
  --static DIR     the built web app (default apps/web/dist)
  --dev-origin URL also accept requests from this dev server (http://127.0.0.1:PORT or http://localhost:PORT)
`;

/** Both src/ (tsx) and dist/ (bundle) sit two levels below apps/, so the built app is found the same way. */
const defaultStaticDir = () => join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string; help?: boolean };

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ConfigResult {
  let values: { port?: string; workspace?: string; static?: string; 'dev-origin'?: string[]; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        workspace: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return { ok: false, message: `${(e as Error).message}\n\n${USAGE}` };
  }
  if (values.help) return { ok: false, message: USAGE, help: true };
  const rawPort = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort) || port < 1 || port > 65535)
    return { ok: false, message: `--port/PORT must be a number from 1 to 65535, not "${rawPort}"` };
  const devOrigins = values['dev-origin'] ?? [];
  const badOrigin = devOrigins.find((o) => !DEV_ORIGIN.test(o));
  if (badOrigin) return { ok: false, message: `--dev-origin must be http://127.0.0.1:PORT or http://localhost:PORT, not "${badOrigin}"` };
  const token = env.BLAUPAUSE_TOKEN;
  if (token !== undefined && !/^[a-f0-9]{64}$/.test(token))
    return { ok: false, message: 'BLAUPAUSE_TOKEN must be 64 lowercase hex digits (256 bits)' };
  return {
    ok: true,
    config: {
      host: '127.0.0.1',
      port,
      workspaceDir: values.workspace ? resolve(values.workspace) : defaultWorkspaceDir(env),
      staticDir: values.static ? resolve(values.static) : defaultStaticDir(),
      devOrigins,
      ...(token ? { token } : {}),
    },
  };
}
