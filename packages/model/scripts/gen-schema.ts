/**
 * Writes the generated files (blueprint.schema.json, docs/diagnostics.md); with --check, writes
 * nothing and exits 1 when a committed file is stale or missing.
 *   tsx packages/model/scripts/gen-schema.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CODES_SOURCE, generatedFiles } from './generated';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function run(argv: readonly string[], root = ROOT, log: (line: string) => void = console.log): number {
  const check = argv.includes('--check');
  const files = generatedFiles(readFileSync(join(root, CODES_SOURCE), 'utf8'));
  let stale = 0;
  for (const f of files) {
    const file = join(root, f.path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === f.content) continue;
    if (check) {
      stale++;
      log(`${f.path} is ${current === undefined ? 'missing' : 'stale'}: run \`pnpm --filter @blaupause/model gen:schema\``);
    } else {
      writeFileSync(file, f.content);
      log(`wrote ${f.path}`);
    }
  }
  if (check && stale === 0) log(`${files.length} generated files are current`);
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = run(process.argv.slice(2));
