/**
 * A push → pull bridge: parallel tasks push events, one consumer iterates them. Unbounded
 * on purpose: deploy progress is small, and a slow consumer must not stall engine work.
 */
export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private closed = false;

  push(item: T): void {
    if (this.closed) return;
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w({ value: item, done: false });
    } else this.items.push(item);
  }

  close(): void {
    this.closed = true;
    const w = this.waiting;
    this.waiting = undefined;
    w?.({ value: undefined, done: true });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (true) {
      if (this.items.length > 0) {
        yield this.items.shift() as T;
        continue;
      }
      if (this.closed) return;
      const r = await new Promise<IteratorResult<T>>((resolve) => {
        this.waiting = resolve;
      });
      if (r.done) return;
      yield r.value;
    }
  }
}

/**
 * Runs `fn` with at most `limit` calls in flight (the executor's bounded parallelism). Waiters
 * with a higher `priority` get a free slot first; equal priorities keep their order. One slot
 * beyond the limit is kept for the critical path: a caller whose priority is above every running
 * call's (and above 0) takes it at once instead of queueing behind slots it cannot preempt.
 */
export class Semaphore {
  private readonly running: number[] = [];
  private express = false;
  private readonly queue: { priority: number; go: (express: boolean) => void }[] = [];

  constructor(private readonly limit: number) {}

  async run<R>(fn: () => Promise<R>, priority = 0): Promise<R> {
    let isExpress = false;
    if (this.running.length - (this.express ? 1 : 0) < this.limit) this.running.push(priority);
    else if (!this.express && priority > 0 && this.running.every((p) => p < priority)) {
      this.express = isExpress = true;
      this.running.push(priority);
    } else {
      // A finishing call hands its slot straight to the next waiter, so the limit is never exceeded.
      isExpress = await new Promise<boolean>((go) => {
        const at = this.queue.findIndex((w) => w.priority < priority);
        this.queue.splice(at < 0 ? this.queue.length : at, 0, { priority, go });
      });
    }
    try {
      return await fn();
    } finally {
      this.running.splice(this.running.indexOf(priority), 1);
      const head = this.queue[0];
      if (isExpress) {
        this.express = false;
        // The freed express slot goes to a waiter that qualifies for it.
        if (head && head.priority > 0 && this.running.every((p) => p < head.priority)) {
          this.queue.shift();
          this.express = true;
          this.running.push(head.priority);
          head.go(true);
        }
      } else if (head) {
        this.queue.shift();
        this.running.push(head.priority);
        head.go(false);
      }
    }
  }
}
