import type { Healthcheck, HealthTest } from '@blaupause/model';
import { escList } from './interpolation';

/** A healthcheck as Compose and Swarm write it (same shape in both). */
export interface DockerHealthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface DockerHealthTest {
  test: string[];
  /** Set when the probe kind has no Docker equivalent and a shell command stands in for it. */
  approximation?: string;
}

// Plain words pass unquoted; anything else is single-quoted, so paths like /a?b=1&c never reach the shell raw.
const SHELL_SAFE = /^[A-Za-z0-9_/.:=@%+,-]+$/;

export function shellQuote(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * Docker runs exec and shell probes natively. HTTP and TCP probes have no Docker form: they
 * become a shell command run inside the container (wget / nc, as busybox and most distributions
 * ship them), and `|| exit 1` maps every failure to Docker's "unhealthy" exit code.
 */
export function dockerHealthTest(test: HealthTest): DockerHealthTest {
  if ('exec' in test) return { test: ['CMD', ...test.exec] };
  if ('shell' in test) return { test: ['CMD-SHELL', test.shell] };
  if ('http' in test) {
    const { port, path = '/', scheme = 'http' } = test.http;
    const insecure = scheme === 'https' ? ' --no-check-certificate' : '';
    const url = shellQuote(`${scheme}://127.0.0.1:${port}${path}`);
    return {
      test: ['CMD-SHELL', `wget -q${insecure} -O /dev/null ${url} || exit 1`],
      approximation: `Docker has no HTTP health probe: it runs "wget" inside the container instead (a GET of ${scheme}://127.0.0.1:${port}${path}); the image must contain wget.`,
    };
  }
  return {
    test: ['CMD-SHELL', `nc -z 127.0.0.1 ${test.tcp.port} || exit 1`],
    approximation: `Docker has no TCP health probe: it runs "nc -z" inside the container instead; the image must contain nc.`,
  };
}

/**
 * The whole healthcheck as Compose and Swarm read it: the test escaped for their interpolation,
 * durations passed through (Docker reads the blueprint's Go syntax).
 */
export function dockerHealthcheck(hc: Healthcheck): { value: DockerHealthcheck; approximation?: string } {
  const { test, approximation } = dockerHealthTest(hc.test);
  const value: DockerHealthcheck = { test: escList(test) };
  if (hc.interval !== undefined) value.interval = hc.interval;
  if (hc.timeout !== undefined) value.timeout = hc.timeout;
  if (hc.retries !== undefined) value.retries = hc.retries;
  if (hc.startPeriod !== undefined) value.start_period = hc.startPeriod;
  return approximation ? { value, approximation } : { value };
}
