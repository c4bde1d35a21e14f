import { cancelIdle, whenIdle } from './idle';

/**
 * The far view's node boxes (canvas.css, `[data-far-box]`): while the raster view draws the graph,
 * a node's labelled box (its <article>) keeps the size it had with its contents — its measured
 * border box, written to `--box-width` / `--box-height` — and what is inside it, but for its
 * handles, leaves layout, paint and hit testing (display: none). Hidden contents (visibility)
 * cost style, layout, pre-paint, paint and the hover hit test of every frame, for every mounted
 * node; an inspector edit's frames at 1,000 services paid for ~10,000 hidden elements.
 *
 * A box is marked only once its contents were laid out and measured (a ResizeObserver report),
 * so a node mounted in the far view has its true size for React Flow and the raster; any change
 * inside it (new data, live status, marks) takes the mark off at once — the next layout sees the
 * contents, React Flow measures a changed size as usual — and a new report marks it again. Marks
 * are set late (SETTLE_MS, then in idle time), together: one style pass for many boxes, and none
 * in the frames that show an edit. The handles stay laid out: React Flow measures their places
 * whenever it observes a node (edge ends, the raster's too).
 */
export const FAR_BOX = 'data-far-box';
/** How long after a box's report its mark waits (then for idle time): an edit's frames stay as they were. */
export const SETTLE_MS = 1000;

/** What the keeper touches on a box (an HTMLElement in the page; a fake in tests). */
export interface KeptBox {
  readonly isConnected: boolean;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  readonly style: { setProperty(name: string, value: string): void };
}

/** The page's observers and clock, injected so the logic can be tested without a browser. */
export interface BoxHost<B> {
  /** (Re)starts observing the box's size: a report follows its next layout, changed or not. */
  observeSize(box: B): void;
  unobserveSize(box: B): void;
  /** Reports changes inside the box (its subtree) to `changed`. */
  observeContents(box: B): void;
  /** Runs `f` later (the page: SETTLE_MS, then idle time); returns a cancel function. */
  later(f: () => void): () => void;
}

export class BoxKeeper<B extends KeptBox> {
  private readonly pending = new Set<B>();
  private cancel: (() => void) | undefined;

  constructor(private readonly host: BoxHost<B>) {}

  attach(box: B): void {
    this.host.observeContents(box);
    this.host.observeSize(box);
  }

  detach(box: B): void {
    this.host.unobserveSize(box);
    this.pending.delete(box);
  }

  /** A size report: the box's border box after a layout. */
  sized(box: B, width: number, height: number): void {
    // Marked, it has the size it was given; a report then says nothing about its contents.
    // Out of rendering (a far-view wrapper taken out, a hidden canvas): 0 × 0 is no size of its own.
    if (box.hasAttribute(FAR_BOX) || width === 0 || height === 0) return;
    box.style.setProperty('--box-width', `${width}px`);
    box.style.setProperty('--box-height', `${height}px`);
    this.pending.add(box);
    this.cancel ??= this.host.later(() => this.flush());
  }

  /** Something inside the box changed: its contents are laid out again and measured anew. */
  changed(box: B): void {
    this.pending.delete(box);
    if (box.hasAttribute(FAR_BOX)) box.removeAttribute(FAR_BOX);
    // A report follows the next layout even when the size stays: the box is marked again then.
    this.host.unobserveSize(box);
    this.host.observeSize(box);
  }

  /** Marks every box measured since the last flush and unchanged since. */
  flush(): void {
    this.cancel = undefined;
    for (const box of this.pending) if (box.isConnected) box.setAttribute(FAR_BOX, '');
    this.pending.clear();
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.pending.clear();
  }
}

/**
 * Inside these a change never alters the box's size: text cut to one line with an ellipsis in a box
 * of fixed width (`data-keeps-size`, set where that holds: ServiceNode), and the mark badges placed
 * absolutely over the box's edge. An image edit changes only such text and tooltips.
 */
export const SIZE_NEUTRAL = '[data-keeps-size], .mark-badges';

/** Whether a change inside a box (a MutationRecord) may alter its size; `onBox`: the box itself changed. */
export function changesSize(r: { type: string; target: Node; attributeName: string | null }, onBox: boolean): boolean {
  if (r.type === 'attributes') {
    // The keeper's own writes on the box: its mark and its size.
    if (onBox && (r.attributeName === FAR_BOX || r.attributeName === 'style')) return false;
    // Tooltips and accessible names are no part of layout.
    if (r.attributeName === 'title' || r.attributeName?.startsWith('aria-')) return false;
  }
  const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
  return !el?.closest(SIZE_NEUTRAL);
}

let keeper: BoxKeeper<HTMLElement> | undefined;
const boxes = new WeakSet<Node>();

function pageKeeper(): BoxKeeper<HTMLElement> {
  if (keeper) return keeper;
  const sizes = new ResizeObserver((entries) => {
    for (const e of entries) {
      const b = e.borderBoxSize?.[0];
      if (b) k.sized(e.target as HTMLElement, b.inlineSize, b.blockSize);
    }
  });
  const contents = new MutationObserver((records) => {
    let last: Node | undefined;
    for (const r of records) {
      if (!changesSize(r, boxes.has(r.target))) continue;
      let n: Node | null = r.target;
      while (n && !boxes.has(n)) n = n.parentNode;
      if (n && n !== last) k.changed(n as HTMLElement);
      last = n ?? last;
    }
  });
  const k = new BoxKeeper<HTMLElement>({
    observeSize: (box) => sizes.observe(box),
    unobserveSize: (box) => sizes.unobserve(box),
    observeContents: (box) => contents.observe(box, { subtree: true, childList: true, characterData: true, attributes: true }),
    later: (f) => {
      let idle: number | undefined;
      const timer = setTimeout(() => {
        idle = whenIdle(f);
      }, SETTLE_MS);
      return () => {
        clearTimeout(timer);
        if (idle !== undefined) cancelIdle(idle);
      };
    },
  });
  keeper = k;
  return k;
}

/** Ref callback for a node's labelled box: in the far view it keeps its size without its contents. */
export function keepFarBox(box: HTMLElement | null): (() => void) | undefined {
  if (!box || typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return undefined;
  const k = pageKeeper();
  boxes.add(box);
  k.attach(box);
  return () => {
    k.detach(box);
    boxes.delete(box);
  };
}
