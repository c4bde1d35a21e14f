import { dirname, join } from 'node:path';
import { type EngineDeps, EXIT } from '../engine-deps';
import type { Io } from '../io';

/**
 * `serve` = `npm start`'s server: runs apps/server/dist/server.mjs with this Node (argv array, no
 * shell). The server is found relative to this file, so the command works from any folder of a
 * checkout. A missing server bundle is built first (esbuild, seconds); the web app is only named,
 * because its build is long and the server says on its pages how to build it.
 */
export async function serveCommand(args: { port?: number }, io: Io, deps: EngineDeps): Promise<number> {
  const root = findRepo(deps);
  if (!root) {
    io.stderr.write('blaupause: serve needs the Blaupause repository (apps/server), which was not found above this command.\n');
    io.stderr.write('  hint: run it from a checkout: node packages/cli/bin/blaupause.mjs serve, or npm start\n');
    return EXIT.failed;
  }
  const server = join(root, 'apps', 'server', 'dist', 'server.mjs');
  if (!deps.exists(server)) {
    io.stderr.write('The server is not built yet; building it (node apps/server/scripts/build.mjs) …\n');
    const built = await deps.runProcess([process.execPath, join(root, 'apps', 'server', 'scripts', 'build.mjs')]);
    if (built !== 0 || !deps.exists(server)) {
      io.stderr.write(
        'blaupause: building the server failed.\n  hint: run `node scripts/pnpm.mjs install`, then `npm start` (it installs and builds everything).\n',
      );
      return EXIT.failed;
    }
  }
  if (!deps.exists(join(root, 'apps', 'web', 'dist', 'index.html')))
    io.stderr.write(
      'note: the designer app is not built; the API runs, and the page says how to build it:\n  node scripts/pnpm.mjs --filter @blaupause/web build\n',
    );
  return deps.runProcess([process.execPath, server, ...(args.port !== undefined ? ['--port', String(args.port)] : [])]);
}

/** The nearest folder above this module that holds apps/server: the checkout this CLI belongs to. */
function findRepo(deps: EngineDeps): string | undefined {
  let dir = deps.here;
  for (;;) {
    if (deps.exists(join(dir, 'apps', 'server', 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
