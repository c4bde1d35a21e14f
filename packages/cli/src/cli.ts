import { parseCommandLine } from './args';
import { compileCommand } from './commands/compile';
import { importCommand } from './commands/import';
import { validateCommand } from './commands/validate';
import { sameFile } from './files';
import { helpText, usageText, VERSION } from './help';
import type { Io } from './io';
import { present } from './outcome';

/**
 * The whole command line: parse, run one command, present its outcome. Returns the exit code:
 * 0 ok (warnings allowed), 1 invalid input, 2 usage error. The only place exit codes are decided.
 */
export function run(argv: readonly string[], io: Io): number {
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
  }
}

const out = (output: string | undefined) => (output === undefined ? {} : { outFile: output });

function refuseOverwrite(io: Io, file: string): number {
  io.stderr.write(usageText(`refusing to write the output over the input file ${file}`));
  return 2;
}
