/**
 * A push-to-pull bridge: engine streams push (HTTP chunks arrive when they arrive), our consumers
 * pull (async generators, tRPC subscriptions). Unbounded on purpose: the producers here are event
 * and log streams whose rate the engine bounds, and dropping would lose state changes; the hub
 * puts its own bound per subscriber where slow browsers are the risk.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private head = 0;
  private waiter: ((r: IteratorResult<T>) => void) | undefined;
  private ended = false;

  push(item: T): void {
    if (this.ended) return;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w({ value: item, done: false });
      return;
    }
    this.items.push(item);
  }

  /** No more items; a pending or later pull sees the end after the queued items. */
  end(): void {
    this.ended = true;
    const w = this.waiter;
    if (w && this.size === 0) {
      this.waiter = undefined;
      w({ value: undefined, done: true });
    }
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Drops whatever is queued (the hub replaces a backlog by a fresh snapshot). */
  clear(): void {
    this.items = [];
    this.head = 0;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) {
      const value = this.items[this.head] as T;
      this.head++;
      // Compact now and then so a long-lived queue does not keep every item it ever held.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next() };
  }
}

/** Resolves after `ms`, or at once when the signal aborts (back-off sleeps must not outlive a watch). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
