import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../src/cli';
import type { Io } from '../src/io';
import { FIXTURES } from './helpers';

/** An Io that records what is written, with the terminal and NO_COLOR settings under test. */
function fakeIo(isTTY: boolean, noColor: boolean) {
  const written = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: {
      write: (t) => {
        written.stdout += t;
      },
      isTTY,
    },
    stderr: {
      write: (t) => {
        written.stderr += t;
      },
      isTTY,
    },
    noColor,
  };
  return { io, written };
}

const ESC = '\u001b[';
const invalid = join(FIXTURES, 'invalid.blueprint.yaml');

describe('colours', () => {
  test('on a terminal, severities are coloured', async () => {
    const { io, written } = fakeIo(true, false);
    expect(await run(['validate', invalid], io)).toBe(1);
    expect(written.stdout).toContain(`${ESC}31m`);
    expect(written.stdout).toContain(`${ESC}33m`);
  });

  test('NO_COLOR or a pipe: plain text', async () => {
    for (const [isTTY, noColor] of [
      [true, true],
      [false, false],
    ] as const) {
      const { io, written } = fakeIo(isTTY, noColor);
      expect(await run(['validate', invalid], io)).toBe(1);
      expect(written.stdout).not.toContain(ESC);
      expect(written.stdout).toContain(`${invalid}:8:5: warning UNKNOWN_KEY: Unknown key "colour" is ignored.`);
    }
  });

  test('--json is never coloured', async () => {
    const { io, written } = fakeIo(true, false);
    expect(await run(['validate', '--json', invalid], io)).toBe(1);
    expect(written.stdout).not.toContain(ESC);
    expect(JSON.parse(written.stdout).ok).toBe(false);
  });
});
