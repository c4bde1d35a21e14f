import { compile, contentPieces, defineLazyText } from '@blaupause/compiler';
import type { Target } from '@blaupause/model';
import { loadOpened, openInput } from '../folder';
import type { Outcome } from '../outcome';
import { isError, type Reported } from '../report';

export interface CompileArgs {
  file: string;
  target: Target;
  k8sVersion?: string;
  namespace?: string;
}

/** Loads (or imports) the file, or a folder's Compose file with its .env, and compiles it; a blueprint with errors is never compiled. */
export function compileCommand(args: CompileArgs): Outcome {
  const opened = openInput(args.file);
  if (!opened.ok) return { diagnostics: opened.diagnostics, files: [args.file] };
  const { file } = opened;
  const { input } = loadOpened(opened);
  if (!input.blueprint || input.diagnostics.some(isError)) return { diagnostics: input.diagnostics, files: [file] };
  const result = compile(input.blueprint, args.target, {
    ...(args.k8sVersion ? { kubernetesVersion: args.k8sVersion } : {}),
    ...(args.namespace ? { namespace: args.namespace } : {}),
  });
  // Fidelity notes name blueprint paths; for a blueprint file those have a place in the file.
  const notes: Reported[] = result.diagnostics.map((d) => {
    const source = d.source ?? input.positionOf?.(d.path);
    return { ...d, file, ...(source ? { source } : {}) };
  });
  // The compiler writes one file per target today; several would be one YAML stream. The output
  // stays in the compiler's pieces (present() writes them one by one): joining a large
  // blueprint's megabytes into one string costs more than writing them.
  const pieces: string[] = [];
  for (const [i, f] of result.files.entries()) {
    if (i > 0) pieces.push('---\n');
    for (const piece of contentPieces(f)) pieces.push(piece);
  }
  return defineLazyText<Outcome>({ diagnostics: [...input.diagnostics, ...notes], files: [file] }, 'output', pieces);
}
