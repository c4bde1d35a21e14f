import type Dockerode from 'dockerode';
import type { LogLine } from '../../types';
import { demuxer } from './demux';
import { lineAssembler, parseStamped, type StampedLine } from './lines';

export type Query = Record<string, string | number | boolean>;

/**
 * Reads one container's log stream to its end (or the signal), line by line, stdout and stderr
 * apart. `tty`: the container has a terminal, so its stream is raw, not multiplexed.
 */
export async function readLogs(
  docker: Dockerode,
  id: string,
  tty: boolean,
  query: Query,
  signal: AbortSignal,
  onLine: (stream: LogLine['stream'], s: StampedLine) => void,
): Promise<void> {
  let stream: NodeJS.ReadableStream & { destroy?: () => void };
  try {
    stream = await openLogs(docker, id, { stdout: true, stderr: true, timestamps: true, ...query }, signal);
  } catch {
    // Removed meanwhile (404), aborted, or the engine is going away: nothing to read from it.
    return;
  }
  const demux = tty ? undefined : demuxer();
  const assemblers = { stdout: lineAssembler(), stderr: lineAssembler() };
  const take = (name: LogLine['stream'], lines: string[]) => {
    for (const l of lines) onLine(name, parseStamped(l));
  };
  await new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      take('stdout', assemblers.stdout.flush());
      take('stderr', assemblers.stderr.flush());
      resolve();
    };
    const onAbort = () => {
      stream.destroy?.();
      resolve();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      if (signal.aborted) return;
      if (!demux) return take('stdout', assemblers.stdout.push(chunk));
      for (const f of demux.push(chunk)) take(f.stream, assemblers[f.stream].push(f.payload));
    });
    stream.on('end', done);
    stream.on('error', done);
  });
}

/**
 * GET /containers/{id}/logs as a stream in both modes: dockerode buffers the non-follow answer
 * and tries to JSON-parse it, which mangles a TTY log that happens to look like JSON.
 */
function openLogs(docker: Dockerode, id: string, query: Query, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options: query,
      },
      (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as NodeJS.ReadableStream)),
    );
  });
}
