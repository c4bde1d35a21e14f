import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { CHROMIUM } from './browser';

/** What ran the benchmarks: printed at the top of RESULTS.md. */
export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memGiB: number;
  load: string;
  node: string;
  chromium: string;
  docker: string;
  compose: string;
  commit: string;
}

function tryRun(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch {
    return 'unavailable';
  }
}

export const loadText = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

/** The Docker engine's version (read again once the suite has started an engine). */
export function dockerVersion(): string {
  return tryRun('docker', ['version', '--format', 'engine {{.Server.Version}}, API {{.Server.APIVersion}}']);
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(totalmem() / 2 ** 30),
    load: loadText(),
    node: process.version,
    chromium: tryRun(CHROMIUM, ['--version']),
    docker: dockerVersion(),
    compose: tryRun(process.env.COMPOSE_V1 ?? 'docker-compose', ['version', '--short']),
    commit: tryRun('git', ['rev-parse', '--short', 'HEAD']),
  };
}
