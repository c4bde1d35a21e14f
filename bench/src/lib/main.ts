import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when the module with this import.meta.url is the script node/tsx was started with. */
export function isMain(url: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(url)) === realpathSync(script);
  } catch {
    return false;
  }
}

/** `--name value` from the command line, else the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a benchmark's main; errors exit 1 with the stack. */
export function runMain(fn: () => Promise<unknown>): void {
  fn().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
