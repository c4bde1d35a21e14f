/**
 * What the commands may touch besides the files the user names: two output streams and the
 * one environment variable we read (NO_COLOR). Injected, so commands never reach for globals.
 */
export interface Out {
  write(text: string): void;
  /** Colours only on a terminal. */
  readonly isTTY: boolean;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  /** NO_COLOR as https://no-color.org defines it: present and non-empty disables colour. */
  noColor: boolean;
}

export function nodeIo(): Io {
  const wrap = (s: NodeJS.WriteStream): Out => ({ write: (t) => void s.write(t), isTTY: s.isTTY === true });
  const noColor = (process.env.NO_COLOR ?? '') !== '';
  return { stdout: wrap(process.stdout), stderr: wrap(process.stderr), noColor };
}

export const useColor = (io: Io, out: Out): boolean => out.isTTY && !io.noColor;
