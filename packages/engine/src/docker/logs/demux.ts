/**
 * Docker's multiplexed log/attach stream (containers without a TTY): frames of an 8-byte header
 * — stream type (0 stdin, 1 stdout, 2 stderr), three zero bytes, payload length (uint32 BE) —
 * then the payload. HTTP chunks split frames anywhere, headers included, so bytes are buffered
 * until a whole frame is there. A header that cannot be one (TTY output reached us, or the stream
 * lost alignment) switches to raw pass-through as stdout rather than inventing frame lengths.
 */
export interface Frame {
  stream: 'stdout' | 'stderr';
  payload: Buffer;
}

export interface Demuxer {
  push(chunk: Buffer): Frame[];
  /** True once the input turned out not to be multiplexed. */
  readonly raw: boolean;
  /** Bytes waiting for the rest of their frame. */
  readonly pending: number;
}

export function demuxer(): Demuxer {
  let buf: Buffer = Buffer.alloc(0);
  let raw = false;
  return {
    push(chunk) {
      if (raw) return chunk.length ? [{ stream: 'stdout', payload: chunk }] : [];
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      const out: Frame[] = [];
      let off = 0;
      while (buf.length - off >= 8) {
        const type = buf[off]!;
        if (type > 2 || buf[off + 1] !== 0 || buf[off + 2] !== 0 || buf[off + 3] !== 0) {
          raw = true;
          out.push({ stream: 'stdout', payload: Buffer.from(buf.subarray(off)) });
          buf = Buffer.alloc(0);
          return out;
        }
        const len = buf.readUInt32BE(off + 4);
        if (buf.length - off - 8 < len) break;
        // Stdin frames do not occur in logs; if one did, it is not the container's output.
        if (type !== 0) out.push({ stream: type === 2 ? 'stderr' : 'stdout', payload: Buffer.from(buf.subarray(off + 8, off + 8 + len)) });
        off += 8 + len;
      }
      buf = off < buf.length ? Buffer.from(buf.subarray(off)) : Buffer.alloc(0);
      return out;
    },
    get raw() {
      return raw;
    },
    get pending() {
      return buf.length;
    },
  };
}

/** One frame as the engine writes it: for tests, and for anything that needs to speak the format. */
export function frame(stream: 'stdout' | 'stderr', payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const head = Buffer.alloc(8);
  head[0] = stream === 'stderr' ? 2 : 1;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}
