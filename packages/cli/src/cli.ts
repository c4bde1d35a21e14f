import { parseCommandLine } from './args';
import { bundleCommand } from './commands/bundle';
import { compileCommand } from './commands/compile';
import { deployCommand } from './commands/deploy';
import { downCommand } from './commands/down';
import { imagesCommand } from './commands/images';
import { importCommand } from './commands/import';
import { kustomizeCommand } from './commands/kustomize';
import { logsCommand } from './commands/logs';
import { orchestrateCommand } from './commands/orchestrate';
import { serveCommand } from './commands/serve';
import { statusCommand } from './commands/status';
import { unbundleCommand } from './commands/unbundle';
import { validateCommand } from './commands/validate';
import type { EngineInvocation } from './engine-args';
import type { EngineDeps } from './engine-deps';
import { sameFile } from './files';
import { helpText, usageText, VERSION } from './help';
import type { ImagesInvocation } from './images-args';
import type { Io } from './io';
import type { OrchInvocation } from './orchestrate-args';
import { present } from './outcome';

/**
 * The whole command line: parse, run one command, present its outcome. Returns the exit code:
 * 0 ok (warnings allowed), 1 invalid input or a failed deploy, 2 usage error, 3 engine unreachable,
 * 130 cancelled (Ctrl+C). Exit codes are decided here and in the engine commands (engine-deps.ts).
 * `deps` is needed only by the commands that talk to an engine (or start the server).
 */
export async function run(argv: readonly string[], io: Io, deps?: EngineDeps): Promise<number> {
  const inv = parseCommandLine(argv);
  switch (inv.kind) {
    case 'help':
      io.stdout.write(helpText(inv.command));
      return 0;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case 'usage':
      io.stderr.write(usageText(inv.message, inv.command));
      return 2;
    case 'validate':
      return present(validateCommand(inv.files), { json: inv.json, reportTo: 'stdout', alwaysSummary: true }, io);
    case 'compile': {
      const { file, target, k8sVersion, namespace } = inv;
      if (inv.output !== undefined && sameFile(inv.output, file)) return refuseOverwrite(io, inv.output);
      const outcome = compileCommand({ file, target, ...(k8sVersion ? { k8sVersion } : {}), ...(namespace ? { namespace } : {}) });
      return present(outcome, { json: inv.json, reportTo: 'stderr', alwaysSummary: false, ...out(inv.output) }, io);
    }
    case 'import': {
      const { file, envFile, name } = inv;
      if (inv.output !== undefined && (sameFile(inv.output, file) || (envFile && sameFile(inv.output, envFile))))
        return refuseOverwrite(io, inv.output);
      const outcome = importCommand({ file, ...(envFile ? { envFile } : {}), ...(name ? { name } : {}) });
      return present(outcome, { json: inv.json, reportTo: 'stderr', alwaysSummary: false, ...out(inv.output) }, io);
    }
    case 'kustomize':
      return kustomizeCommand(inv, io);
    case 'bundle':
      return bundleCommand(inv, io);
    case 'unbundle':
      return unbundleCommand(inv, io);
    default:
      return runEngineCommand(inv, io, deps);
  }
}

function runEngineCommand(
  inv: EngineInvocation | OrchInvocation | ImagesInvocation,
  io: Io,
  deps: EngineDeps | undefined,
): Promise<number> {
  if (!deps) throw new Error(`"${inv.kind}" needs the engine dependencies (run(argv, io, deps))`);
  switch (inv.kind) {
    case 'deploy':
    case 'plan':
      return deployCommand(inv, io, deps);
    case 'status':
      return statusCommand(inv, io, deps);
    case 'down':
      return downCommand(inv, io, deps);
    case 'logs':
      return logsCommand(inv, io, deps);
    case 'serve':
      return serveCommand(inv, io, deps);
    case 'images':
      return imagesCommand(inv, io, deps);
    case 'scale':
    case 'canary':
    case 'promote':
    case 'abort':
      return orchestrateCommand(inv, io, deps);
  }
}

const out = (output: string | undefined) => (output === undefined ? {} : { outFile: output });

function refuseOverwrite(io: Io, file: string): number {
  io.stderr.write(usageText(`refusing to write the output over the input file ${file}`));
  return 2;
}
