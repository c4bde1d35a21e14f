/**
 * Log text to lines. With `timestamps: true` Docker prefixes each line with its RFC 3339 time
 * (nanoseconds, trailing zeros trimmed). A frame normally holds one line, but long lines come in
 * pieces and bytes of one UTF-8 character may straddle frames, so text is assembled per stream
 * and split at newlines only.
 */
export interface StampedLine {
  /** Sortable key of the engine time: zero-padded seconds, '.', nine fraction digits. */
  key: string;
  /** Engine time, ms since the epoch. */
  at: number;
  text: string;
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) ?/;

export function parseStamped(line: string): StampedLine {
  const m = STAMP.exec(line);
  if (!m) return { key: '', at: 0, text: line };
  const ms = Date.parse(`${m[1]}${m[3]}`);
  const frac = (m[2] ?? '').padEnd(9, '0');
  const sec = Math.floor(ms / 1000);
  return { key: `${String(sec).padStart(12, '0')}.${frac}`, at: sec * 1000 + Number(frac.slice(0, 3)), text: line.slice(m[0].length) };
}

/** Docker's `since` query value for a key: "seconds.nanoseconds", which the daemon parses exactly. */
export function sinceOf(key: string): string {
  const [sec, frac] = key.split('.');
  return `${Number(sec)}.${frac}`;
}

export interface LineAssembler {
  push(bytes: Buffer): string[];
  /** The last line when the stream ended without a newline. */
  flush(): string[];
}

export function lineAssembler(): LineAssembler {
  let rest: Buffer = Buffer.alloc(0);
  return {
    push(bytes) {
      const data = rest.length ? Buffer.concat([rest, bytes]) : bytes;
      const out: string[] = [];
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const end = nl > start && data[nl - 1] === 13 ? nl - 1 : nl;
        out.push(data.toString('utf8', start, end));
        start = nl + 1;
      }
      rest = start < data.length ? Buffer.from(data.subarray(start)) : Buffer.alloc(0);
      return out;
    },
    flush() {
      if (!rest.length) return [];
      const last = rest.toString('utf8');
      rest = Buffer.alloc(0);
      return [last];
    },
  };
}
