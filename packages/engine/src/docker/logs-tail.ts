import type Docker from 'dockerode';
import { demuxer } from './logs/demux';

/**
 * The last lines a container wrote, for error reports (crash loops, failed dependencies). A whole
 * buffered answer of the engine, demultiplexed by the log follower's demuxer (a TTY container's
 * output is raw and passes through).
 */
export function demux(buf: Buffer): string {
  return demuxer()
    .push(buf)
    .map((f) => f.payload.toString('utf8'))
    .join('');
}

export async function logTail(docker: Docker, id: string, lines = 20): Promise<string[]> {
  try {
    const buf = (await docker.getContainer(id).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
    return demux(Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf)))
      .split('\n')
      .filter((l) => l.length > 0)
      .slice(-lines);
  } catch {
    return []; // the report stays useful without the lines
  }
}
