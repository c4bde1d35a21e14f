import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './cli';
import { createDriver } from './drivers';
import type { EngineDeps } from './engine-deps';
import { nodeIo } from './io';

// `blaupause … | head` closes stdout early; that is the reader's choice, not an error to report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/**
 * The composition root (DESIGN §9.6): the driver is constructed here — for DOCKER_HOST or the
 * default socket — and injected; constructing it connects to nothing. Ctrl+C aborts the running
 * command (a deploy stops between steps, a watch ends); a second Ctrl+C ends the process at once.
 */
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

const deps: EngineDeps = {
  driver: (target = 'docker', context) => createDriver(target, process.env, context),
  signal: interrupt.signal,
  runProcess: (argv) =>
    new Promise((resolve) => {
      const [cmd, ...args] = argv as [string, ...string[]];
      const child = spawn(cmd, args, { stdio: 'inherit' });
      // The child gets the terminal's Ctrl+C itself (same process group); a SIGTERM sent to us
      // alone (a service manager, a test) is passed on, so the server never outlives the command.
      const terminate = () => child.kill('SIGTERM');
      process.once('SIGTERM', terminate);
      const settle = (code: number) => {
        process.removeListener('SIGTERM', terminate);
        resolve(code);
      };
      child.on('error', () => settle(1));
      // Its exit is ours (130 when a signal ended it).
      child.on('exit', (code, signal) => settle(code ?? (signal ? 130 : 1)));
    }),
  exists: existsSync,
  here: dirname(fileURLToPath(import.meta.url)),
};

try {
  // exitCode, not exit(): pending writes to a pipe are flushed before the process ends.
  process.exitCode = await run(process.argv.slice(2), nodeIo(), deps);
} catch (e) {
  // Only a bug in Blaupause gets here (user mistakes are diagnostics); keep the trace for a report.
  process.stderr.write(`blaupause: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this.\n`);
  process.exitCode = 1;
}
