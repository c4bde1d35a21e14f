import type { IncomingMessage } from 'node:http';

/**
 * API request bodies are read here, before tRPC sees them (it takes a body already read from
 * `req.body`): at most `maxBytes`, and refused when the JSON nests deeper than `maxDepth`. V8's
 * JSON.parse needs about a second for 2,000,000 nested `[` — a second in which the server answers
 * no one — while this scan is linear and cheap (issue 5: hostile input never stalls the server).
 */
export type BodyRead = { ok: true; text: string } | { ok: false; status: number; message: string };

export function readBody(req: IncomingMessage, maxBytes: number, maxDepth: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause(); // stop reading: the caller answers 413 and closes the connection
        finish({ ok: false, status: 413, message: 'request body too large' });
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      finish(
        jsonDepth(text, maxDepth) > maxDepth
          ? { ok: false, status: 400, message: `request body nests deeper than ${maxDepth} levels` }
          : { ok: true, text },
      );
    });
    req.once('error', () => finish({ ok: false, status: 400, message: 'request body could not be read' }));
  });
}

/** The deepest bracket nesting of a JSON text, strings skipped; stops counting once above `stopAbove`. */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}
