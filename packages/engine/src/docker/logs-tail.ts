import type Docker from 'dockerode';

/**
 * The last lines a container wrote, for error reports (crash loops, failed dependencies). The
 * engine multiplexes stdout and stderr of a non-TTY container into frames with an 8-byte header
 * (stream, 0, 0, 0, size as big-endian uint32); a TTY container's output is raw.
 */
export function demux(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length) {
    const kind = buf[i];
    const size = buf.readUInt32BE(i + 4);
    if ((kind !== 0 && kind !== 1 && kind !== 2) || buf[i + 1] !== 0 || i + 8 + size > buf.length) return buf.toString('utf8');
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return i === 0 && buf.length > 0 ? buf.toString('utf8') : out;
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
