import { run } from './cli';
import { nodeIo } from './io';

// `blaupause … | head` closes stdout early; that is the reader's choice, not an error to report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  // exitCode, not exit(): pending writes to a pipe are flushed before the process ends.
  process.exitCode = run(process.argv.slice(2), nodeIo());
} catch (e) {
  // Only a bug in Blaupause gets here (user mistakes are diagnostics); keep the trace for a report.
  process.stderr.write(`blaupause: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this.\n`);
  process.exitCode = 1;
}
