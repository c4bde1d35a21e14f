import { describe, expect, it } from 'vitest';
import {
  CANVAS_MIN_HEIGHT_PX,
  CANVAS_MIN_PX,
  clamp,
  INSPECTOR,
  INSPECTOR_MIN_PX,
  keyToState,
  type PaneState,
  PROBLEMS,
  PROBLEMS_MIN_PX,
  readState,
  SIDEBAR,
  SIDEBAR_MIN_PX,
  writeState,
  YAML_MIN_PX,
} from './pane-sizes';

const sidebarKeys = { grow: 'ArrowLeft', shrink: 'ArrowRight' };
const open = (size: number): PaneState => ({ size, collapsed: false });

describe('pane sizes', () => {
  it('keeps the sidebar between its least width and the canvas’s least width', () => {
    for (const room of [500, 680, 836, 1092, 1732]) {
      const { min, max } = SIDEBAR.limits(room);
      expect(min).toBe(SIDEBAR_MIN_PX);
      expect(max).toBe(Math.max(SIDEBAR_MIN_PX, room - CANVAS_MIN_PX));
      for (const size of [0, 100, 300, 500, 5000]) {
        const s = clamp(size, { min, max });
        expect(s).toBeGreaterThanOrEqual(SIDEBAR_MIN_PX);
        if (room - CANVAS_MIN_PX >= SIDEBAR_MIN_PX) expect(room - s).toBeGreaterThanOrEqual(CANVAS_MIN_PX);
      }
    }
  });

  it('starts the sidebar at 32 % of the window and at least 360 px, as the fixed grid did', () => {
    expect(SIDEBAR.initial(836, 1024)).toBe(360);
    expect(SIDEBAR.initial(1092, 1280)).toBe(410);
    expect(SIDEBAR.initial(1732, 1920)).toBe(614);
  });

  it('leaves the YAML panel 58 % of the sidebar by default and its least height always', () => {
    expect(INSPECTOR.initial(652, 1024)).toBe(42);
    for (const room of [300, 400, 652, 752, 1000]) {
      const { min, max } = INSPECTOR.limits(room);
      expect((min * room) / 100).toBeCloseTo(INSPECTOR_MIN_PX, 5);
      expect(room - (max * room) / 100).toBeCloseTo(YAML_MIN_PX, 5);
    }
  });

  it('starts the problems list at 26 % of the workspace and at least 96 px, keeps its header and the canvas’s 200 px', () => {
    expect(PROBLEMS.initial(652, 1024)).toBe(170);
    expect(PROBLEMS.initial(300, 1024)).toBe(96);
    expect(PROBLEMS.initial(1000, 1920)).toBe(260);
    for (const room of [200, 264, 400, 652, 1000]) {
      const { min, max } = PROBLEMS.limits(room);
      expect(min).toBe(PROBLEMS_MIN_PX);
      expect(max).toBe(Math.max(PROBLEMS_MIN_PX, room - CANVAS_MIN_HEIGHT_PX));
      for (const size of [0, 50, 100, 500, 5000]) {
        const s = clamp(size, { min, max });
        expect(s).toBeGreaterThanOrEqual(PROBLEMS_MIN_PX);
        if (room - CANVAS_MIN_HEIGHT_PX >= PROBLEMS_MIN_PX) expect(room - s).toBeGreaterThanOrEqual(CANVAS_MIN_HEIGHT_PX);
      }
    }
    // The list is below the separator: ArrowUp makes it taller.
    const keys = { grow: 'ArrowUp', shrink: 'ArrowDown' };
    expect(keyToState('ArrowUp', false, open(170), 170, PROBLEMS, 652, keys)).toEqual(open(194));
    expect(keyToState('ArrowDown', false, open(170), 170, PROBLEMS, 652, keys)).toEqual(open(146));
    expect(keyToState('Home', false, open(170), 170, PROBLEMS, 652, keys)).toEqual(open(PROBLEMS_MIN_PX));
    expect(keyToState('End', false, open(170), 170, PROBLEMS, 652, keys)).toEqual(open(652 - CANVAS_MIN_HEIGHT_PX));
  });

  it('moves with the arrow keys, goes to its limits with Home and End, collapses and restores with Enter', () => {
    const room = 836;
    const { min, max } = SIDEBAR.limits(room);
    expect(keyToState('ArrowLeft', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toEqual(open(384));
    expect(keyToState('ArrowRight', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toEqual(open(336));
    expect(keyToState('ArrowRight', true, open(360), 360, SIDEBAR, room, sidebarKeys)).toEqual(open(min));
    expect(keyToState('ArrowLeft', true, open(420), 420, SIDEBAR, room, sidebarKeys)).toEqual(open(max));
    expect(keyToState('Home', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toEqual(open(min));
    expect(keyToState('End', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toEqual(open(max));
    const collapsed = keyToState('Enter', false, open(400), 400, SIDEBAR, room, sidebarKeys);
    expect(collapsed).toEqual({ size: 400, collapsed: true });
    // Restored at the size it had, by Enter or by the key that makes it larger.
    expect(collapsed && keyToState('Enter', false, collapsed, 400, SIDEBAR, room, sidebarKeys)).toEqual(open(400));
    expect(collapsed && keyToState('ArrowLeft', false, collapsed, 400, SIDEBAR, room, sidebarKeys)).toEqual(open(400));
    expect(collapsed && keyToState('ArrowRight', false, collapsed, 400, SIDEBAR, room, sidebarKeys)).toEqual(collapsed);
    expect(keyToState('a', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toBeUndefined();
    expect(keyToState('ArrowUp', false, open(360), 360, SIDEBAR, room, sidebarKeys)).toBeUndefined();
  });

  it('reads back what it wrote, and a broken or blocked storage as the default', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    writeState(storage, SIDEBAR.storageKey, { size: 512, collapsed: true });
    expect(readState(storage, SIDEBAR.storageKey)).toEqual({ size: 512, collapsed: true });
    writeState(storage, SIDEBAR.storageKey, { size: undefined, collapsed: false });
    expect(map.has(SIDEBAR.storageKey)).toBe(false);
    for (const raw of ['{', 'null', '7', '{"size":"wide"}', '{"size":-3}']) {
      map.set('k', raw);
      expect(readState(storage, 'k')).toEqual({ size: undefined, collapsed: false });
    }
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readState(blocked, 'k')).toEqual({ size: undefined, collapsed: false });
    expect(() => writeState(blocked, 'k', open(300))).not.toThrow();
  });
});
