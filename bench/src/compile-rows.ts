/**
 * The compile rows (K1, K2, K4) in a Node process of their own, as the suite and bench:smoke run
 * them: the suite's process also holds Playwright's connection to Chromium, the engine's modules
 * and the builds' leftovers, and in it both sides of K1 ran slower (K1 52–65 ms and its `yaml`
 * anchor 3.4–4.4 s, against 47–48 ms and ~1 s in a process of their own on the same idle machine).
 * The rows come back as one JSON line on stdout.
 *
 *   node_modules/.bin/tsx src/compile-rows.ts [--services 1000] [--rounds 15] [--edits 30] [--targets compose,swarm,kubernetes]
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCompile, benchImport } from './compile.bench';
import { benchIncremental } from './incremental.bench';
import { arg, isMain, runMain } from './lib/main';
import type { Row } from './lib/result';

const MARK = 'ROWS ';
type Target = 'compose' | 'swarm' | 'kubernetes';

export interface CompileRowsOptions {
  services: number;
  /** Alternating rounds of K1 and K4. */
  rounds: number;
  /** Edits of K2 per target. */
  edits: number;
  targets?: readonly Target[];
}

async function main(): Promise<void> {
  const n = Number(arg('services', '1000'));
  const rounds = Number(arg('rounds', '15'));
  const targets = arg('targets', 'compose,swarm,kubernetes').split(',') as Target[];
  const rows: Row[] = [benchCompile(n, rounds), ...benchIncremental(n, Number(arg('edits', '30')), targets), benchImport(n, rounds)];
  console.log(`${MARK}${JSON.stringify(rows)}`);
}

/** Runs this script in a fresh Node process (the bench package's tsx) and returns its rows. */
export function compileRowsIsolated(o: CompileRowsOptions): Promise<Row[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = [join(here, 'compile-rows.ts'), '--services', String(o.services), '--rounds', String(o.rounds), '--edits', String(o.edits)];
  if (o.targets) args.push('--targets', o.targets.join(','));
  return new Promise((resolve, reject) => {
    const child = spawn(join(here, '..', 'node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) reject(new Error(`compile rows (own process): exit ${code}, no rows printed`));
      else resolve(JSON.parse(line.slice(MARK.length)) as Row[]);
    });
  });
}

if (isMain(import.meta.url)) runMain(main);
