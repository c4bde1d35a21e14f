/**
 * Node 20 has no global EventSource; tRPC's httpSubscriptionLink takes any EventSource-like class.
 * This is a small one over fetch for the tests (the browser uses its own): it parses the SSE
 * wire format (event/data/id lines) and dispatches named events. It does not reconnect: when the
 * stream ends it closes and reports an error, which is all these tests need.
 */
export class FetchEventSource extends EventTarget {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  private readonly abort = new AbortController();

  constructor(
    readonly url: string,
    init?: { headers?: Record<string, string> },
  ) {
    super();
    void this.run(init?.headers ?? {});
  }

  close(): void {
    this.readyState = this.CLOSED;
    this.abort.abort();
  }

  private async run(headers: Record<string, string>): Promise<void> {
    try {
      const res = await fetch(this.url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      this.readyState = this.OPEN;
      this.dispatchEvent(new Event('open'));
      const decoder = new TextDecoder();
      let buffer = '';
      let event = { type: 'message', data: [] as string[], id: '' };
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          if (line === '') {
            if (event.data.length > 0 || event.type !== 'message')
              this.dispatchEvent(new MessageEvent(event.type, { data: event.data.join('\n'), lastEventId: event.id }));
            event = { type: 'message', data: [], id: '' };
          } else if (!line.startsWith(':')) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.type = value;
            else if (field === 'data') event.data.push(value);
            else if (field === 'id') event.id = value;
          }
          nl = buffer.indexOf('\n');
        }
      }
    } catch {
      // aborted by close(), or the server went away: either way the stream is over
    }
    if (this.readyState !== this.CLOSED) {
      this.readyState = this.CLOSED;
      this.dispatchEvent(new Event('error'));
    }
  }
}
