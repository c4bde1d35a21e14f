import { describe, expect, it } from 'vitest';
import { type BoxHost, BoxKeeper, changesSize, FAR_BOX, type KeptBox } from './raster-boxes';

class FakeBox implements KeptBox {
  isConnected = true;
  readonly attrs = new Map<string, string>();
  readonly props = new Map<string, string>();
  readonly style = { setProperty: (k: string, v: string) => void this.props.set(k, v) };
  hasAttribute(n: string) {
    return this.attrs.has(n);
  }
  setAttribute(n: string, v: string) {
    this.attrs.set(n, v);
  }
  removeAttribute(n: string) {
    this.attrs.delete(n);
  }
  get marked() {
    return this.attrs.has(FAR_BOX);
  }
}

/** The page as the keeper sees it: observed boxes, and the work it left for later. */
function fakeHost() {
  const observed = new Set<FakeBox>();
  const later: Array<() => void> = [];
  const host: BoxHost<FakeBox> & { observed: Set<FakeBox>; later: BoxHost<FakeBox>['later']; runLater(): void; queued(): number } = {
    observed,
    observeSize: (b) => void observed.add(b),
    unobserveSize: (b) => void observed.delete(b),
    observeContents: () => undefined,
    later: (f) => {
      later.push(f);
      return () => {
        const i = later.indexOf(f);
        if (i >= 0) later.splice(i, 1);
      };
    },
    runLater: () => {
      for (const f of later.splice(0)) f();
    },
    queued: () => later.length,
  };
  return host;
}

describe('BoxKeeper (far-view node boxes)', () => {
  it('marks a box only after a size report, with that size, and only later', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const box = new FakeBox();
    k.attach(box);
    expect(host.observed.has(box)).toBe(true);
    host.runLater();
    expect(box.marked).toBe(false); // never measured: its contents stay
    k.sized(box, 260, 143.5);
    expect(box.props.get('--box-width')).toBe('260px');
    expect(box.props.get('--box-height')).toBe('143.5px');
    expect(box.marked).toBe(false); // not in the frame that measured it
    host.runLater();
    expect(box.marked).toBe(true);
  });

  it('unmarks a changed box at once and marks it again only after a new report', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const box = new FakeBox();
    k.attach(box);
    k.sized(box, 260, 100);
    host.runLater();
    expect(box.marked).toBe(true);
    // Marked: a report says nothing about its contents (it has the size it was given).
    k.sized(box, 260, 100);
    expect(host.queued()).toBe(0);
    k.changed(box);
    expect(box.marked).toBe(false);
    expect(host.observed.has(box)).toBe(true); // observed again: a report follows the next layout
    host.runLater();
    expect(box.marked).toBe(false);
    k.sized(box, 260, 120);
    expect(box.props.get('--box-height')).toBe('120px');
    host.runLater();
    expect(box.marked).toBe(true);
  });

  it('does not mark a box measured before a change that came before the flush', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const a = new FakeBox();
    const b = new FakeBox();
    k.attach(a);
    k.attach(b);
    k.sized(a, 1, 1);
    k.sized(b, 2, 2);
    k.changed(a); // its report is stale now
    host.runLater();
    expect(a.marked).toBe(false);
    expect(b.marked).toBe(true);
  });

  it('forgets detached boxes and leaves disconnected ones unmarked', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const a = new FakeBox();
    const b = new FakeBox();
    k.attach(a);
    k.attach(b);
    k.sized(a, 1, 1);
    k.sized(b, 1, 1);
    k.detach(a);
    b.isConnected = false;
    host.runLater();
    expect(a.marked).toBe(false);
    expect(b.marked).toBe(false);
    expect(host.observed.has(a)).toBe(false);
  });

  it('runs one flush for many reports', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const boxes = Array.from({ length: 50 }, () => new FakeBox());
    for (const b of boxes) {
      k.attach(b);
      k.sized(b, 10, 10);
    }
    expect(host.queued()).toBe(1);
    host.runLater();
    expect(boxes.every((b) => b.marked)).toBe(true);
    k.changed(boxes[0] as FakeBox);
    k.sized(boxes[0] as FakeBox, 10, 11);
    expect(host.queued()).toBe(1);
  });
});

/** A minimal DOM node for changesSize: an element (with classes/attributes closest() looks at) or a text node. */
function el(selectorMatches: boolean, parent: Element | null = null): Element {
  return {
    nodeType: 1,
    parentElement: parent,
    closest: (s: string) => (selectorMatches && s.includes('[data-keeps-size]') ? ({} as Element) : null),
  } as unknown as Element;
}
const text = (parent: Element) => ({ nodeType: 3, parentElement: parent }) as unknown as Node;

describe('changesSize', () => {
  const plain = el(false);
  const neutral = el(true);
  it('ignores the keeper’s own writes on the box, tooltips and accessible names', () => {
    expect(changesSize({ type: 'attributes', target: plain, attributeName: FAR_BOX }, true)).toBe(false);
    expect(changesSize({ type: 'attributes', target: plain, attributeName: 'style' }, true)).toBe(false);
    expect(changesSize({ type: 'attributes', target: plain, attributeName: 'title' }, false)).toBe(false);
    expect(changesSize({ type: 'attributes', target: plain, attributeName: 'aria-label' }, false)).toBe(false);
  });
  it('counts a style or class change inside the box, and text outside size-neutral places', () => {
    expect(changesSize({ type: 'attributes', target: plain, attributeName: 'style' }, false)).toBe(true);
    expect(changesSize({ type: 'attributes', target: plain, attributeName: 'class' }, true)).toBe(true);
    expect(changesSize({ type: 'characterData', target: text(plain), attributeName: null }, false)).toBe(true);
    expect(changesSize({ type: 'childList', target: plain, attributeName: null }, false)).toBe(true);
  });
  it('ignores text and children inside size-neutral places', () => {
    expect(changesSize({ type: 'characterData', target: text(neutral), attributeName: null }, false)).toBe(false);
    expect(changesSize({ type: 'childList', target: neutral, attributeName: null }, false)).toBe(false);
  });

  it('a 0 x 0 report (its node out of rendering) neither sizes nor marks a box', () => {
    const host = fakeHost();
    const k = new BoxKeeper(host);
    const box = new FakeBox();
    k.attach(box);
    k.sized(box, 0, 0);
    host.runLater();
    expect(box.marked).toBe(false);
    expect(box.props.size).toBe(0);
    k.sized(box, 260, 100);
    host.runLater();
    expect(box.marked).toBe(true);
    expect(box.props.get('--box-width')).toBe('260px');
  });
});
