// Programmatic entry for tests and tools; the command itself is bin/blaupause.mjs → src/main.ts.
export { type Invocation, parseCommandLine } from './args';
export { run } from './cli';
export { parseDotenv } from './dotenv';
export type { Io, Out } from './io';
export type { Reported } from './report';
