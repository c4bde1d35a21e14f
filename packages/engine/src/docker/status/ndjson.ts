/**
 * Newline-delimited JSON from the Engine API (events, stats). HTTP chunks split anywhere — inside
 * a record, inside a multi-byte UTF-8 character — so bytes are buffered until a newline and only
 * whole lines are decoded. A line that is not JSON is reported, never thrown: one bad record must
 * not end a watch.
 */
export interface NdjsonSplitter {
  /** Feeds one chunk; returns the records completed by it, in order. */
  push(chunk: Buffer | string): unknown[];
  /** Bytes still waiting for their newline. */
  readonly pending: number;
}

export function ndjsonSplitter(onBadLine?: (line: string) => void): NdjsonSplitter {
  let rest: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const data = rest.length ? Buffer.concat([rest, buf]) : buf;
      const out: unknown[] = [];
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const line = data.toString('utf8', start, nl).trim();
        start = nl + 1;
        if (!line) continue;
        try {
          out.push(JSON.parse(line));
        } catch {
          onBadLine?.(line);
        }
      }
      // Copy the tail: a subarray would pin the whole (possibly large) chunk in memory.
      rest = start < data.length ? Buffer.from(data.subarray(start)) : Buffer.alloc(0);
      return out;
    },
    get pending() {
      return rest.length;
    },
  };
}
