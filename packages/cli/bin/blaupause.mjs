#!/usr/bin/env -S node --
// The `blaupause` command. Runs the bundled CLI, rebuilding it first when any source of
// cli, model or compiler is newer than the bundle, so the command always runs current code.
// The "--" after node matters: Node reads any `--env-file X` on its command line, even one
// meant for the script, unless it follows "--" (nodejs/node#54232); ours is `import --env-file`.
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build.mjs';

let file;
try {
  file = await ensureBuilt();
} catch (e) {
  // A build failure is a bug in our sources, not a user mistake: say so without a stack trace.
  console.error(`blaupause: could not build the CLI bundle:\n${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
await import(pathToFileURL(file).href);
