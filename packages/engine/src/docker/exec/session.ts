import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { Result } from '../../types';
import { Channel } from '../channel';
import { toEngineError } from '../errors';
import { type OwnedRef, ownedContainer } from '../inspect/owned';
import { demuxer } from '../logs/demux';

export type ExecOutput = { kind: 'data'; data: string } | { kind: 'exit'; exitCode: number | null };

/** A process running inside one of our containers, attached: output streamed, input and resize sent. */
export interface ExecSession {
  /** Random, unguessable: the server hands input to a session by this id. */
  readonly id: string;
  readonly containerId: string;
  /** Text the process writes (UTF-8, decoded across chunk borders), then one `exit`. */
  readonly output: AsyncIterable<ExecOutput>;
  write(data: string): void;
  resize(cols: number, rows: number): Promise<void>;
  /** Ends the session: stdin closed, connection dropped (a TTY's process gets SIGHUP from its closed terminal). */
  close(): void;
  readonly closed: boolean;
}

export interface ExecOptions extends OwnedRef {
  /** argv; default a shell. */
  cmd?: readonly string[];
  /** A terminal (xterm.js) wants a TTY; a plain command runs without one (stdout and stderr demultiplexed). */
  tty?: boolean;
  cols?: number;
  rows?: number;
  /** Aborting it ends the session (the page went away). */
  signal?: AbortSignal;
  endpoint?: string;
}

/**
 * Starts a process inside a container of ours (ownership by labels first: NOT_OWNED for any
 * other container, which is never touched). The session ends when the process exits, the
 * container stops or goes away (the engine ends the stream), `close()` is called or `signal` fires.
 */
export async function startExec(docker: Docker, o: ExecOptions): Promise<Result<ExecSession>> {
  const endpoint = o.endpoint ?? 'the engine';
  const owned = await ownedContainer(docker, o, endpoint);
  if (!owned.ok) return owned;
  if (!owned.value.State.Running)
    return {
      ok: false,
      error: { code: 'CONTAINER_EXITED', message: `Container "${o.container}" is not running.`, exitCode: owned.value.State.ExitCode },
    };
  const tty = o.tty ?? true;
  let exec: Docker.Exec;
  let stream: Duplex;
  try {
    exec = await docker.getContainer(owned.value.Id).exec({
      Cmd: withPidMarker(o.cmd ?? ['/bin/sh']),
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: tty,
      ...(tty ? { Env: ['TERM=xterm-256color'] } : {}),
    });
    stream = (await exec.start({ hijack: true, stdin: true, Tty: tty })) as unknown as Duplex;
  } catch (e) {
    return { ok: false, error: toEngineError(e, endpoint, 'Starting a process in the container') };
  }
  const session = new Session(docker, owned.value.Id, exec, stream, tty);
  if (tty && o.cols && o.rows) await session.resize(o.cols, o.rows);
  if (o.signal) {
    if (o.signal.aborted) session.close();
    else o.signal.addEventListener('abort', () => session.close(), { once: true });
  }
  return { ok: true, value: session };
}

class Session implements ExecSession {
  readonly id = randomUUID();
  private readonly out = new Channel<ExecOutput>();
  private done = false;

  /** The process's pid inside the container, announced by the wrapper (see withPidMarker). */
  private pid: number | undefined;
  private head = '';

  constructor(
    private readonly docker: Docker,
    readonly containerId: string,
    private readonly exec: Docker.Exec,
    private readonly stream: Duplex,
    tty: boolean,
  ) {
    const decoder = new TextDecoder('utf-8');
    const frames = demuxer();
    stream.on('data', (chunk: Buffer) => {
      const bytes = tty ? [chunk] : frames.push(chunk).map((f) => f.payload);
      for (const b of bytes) {
        const data = this.stripMarker(decoder.decode(b, { stream: true }));
        if (data) this.out.push({ kind: 'data', data });
      }
    });
    const end = () => void this.finish();
    stream.once('end', end);
    stream.once('close', end);
    stream.once('error', end);
  }

  get output(): AsyncIterable<ExecOutput> {
    return this.out;
  }

  get closed(): boolean {
    return this.done;
  }

  write(data: string): void {
    if (!this.done) this.stream.write(data);
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (this.done) return;
    await this.exec.resize({ w: Math.max(1, Math.floor(cols)), h: Math.max(1, Math.floor(rows)) }).catch(() => {});
  }

  close(): void {
    if (this.done) return;
    // Dropping the connection does not end the process (the engine keeps it and its terminal):
    // it is killed inside the container by its pid; a TTY's foreground job gets SIGHUP with it.
    if (this.pid !== undefined) void killInside(this.docker, this.containerId, this.pid);
    this.stream.end();
    this.stream.destroy();
    void this.finish();
  }

  /** Takes the wrapper's pid announcement off the front of the output (it arrives first, maybe split). */
  private stripMarker(data: string): string {
    if (this.pid !== undefined || this.head === null) return data;
    this.head += data;
    const m = MARKER.exec(this.head);
    if (m) {
      this.pid = Number(m[1]);
      const rest = this.head.slice((m.index ?? 0) + m[0].length);
      this.head = '';
      return rest;
    }
    if (this.head.length > 64 || !PREFIX.startsWith(this.head.slice(0, PREFIX.length))) {
      const all = this.head;
      this.head = null as unknown as string; // no marker (a shell-less image): pass everything through
      return all;
    }
    return '';
  }

  private async finish(): Promise<void> {
    if (this.done) return;
    this.done = true;
    // The stream can end a moment before the engine records the exit code: ask a few times.
    let info = await this.exec.inspect().catch(() => undefined);
    for (let i = 0; i < 20 && info?.Running; i++) {
      await new Promise((r) => setTimeout(r, 50));
      info = await this.exec.inspect().catch(() => undefined);
    }
    this.out.push({ kind: 'exit', exitCode: info && !info.Running ? (info.ExitCode ?? null) : null });
    this.out.close();
  }
}

const PREFIX = '\u001b]bp-pid;';
const MARKER = /^\u001b]bp-pid;(\d+)\u0007/;

/**
 * `sh -c 'printf <marker with $$>; exec "$@"' sh <argv>`: the process announces its pid (an OSC
 * sequence, invisible in a terminal, stripped from the output) and then becomes the command, same
 * pid. That pid is what close() kills inside the container.
 */
export function withPidMarker(argv: readonly string[]): string[] {
  return ['/bin/sh', '-c', String.raw`printf '\033]bp-pid;%s\007' "$$"; exec "$@"`, 'sh', ...argv];
}

async function killInside(docker: Docker, containerId: string, pid: number): Promise<void> {
  try {
    const kill = await docker.getContainer(containerId).exec({
      Cmd: ['/bin/sh', '-c', `kill -HUP ${pid}; sleep 1; kill -KILL ${pid} 2>/dev/null`],
      AttachStdout: false,
      AttachStderr: false,
    });
    await kill.start({ Detach: true });
  } catch {
    // the container is gone, or the process with it
  }
}
