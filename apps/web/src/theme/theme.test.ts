import { describe, expect, it } from 'vitest';
import { createThemeController, nextChoice, readChoice, THEME_KEY, type Theme, type ThemeChoice } from './theme';

function memory(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[THEME_KEY, initial]]);
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

function fakeMedia(matches: boolean) {
  const listeners: Array<() => void> = [];
  return {
    matches,
    addEventListener: (_: 'change', l: () => void) => void listeners.push(l),
    flip(to: boolean) {
      this.matches = to;
      for (const l of listeners) l();
    },
  };
}

describe('theme', () => {
  it('follows the system until the user chooses, and keeps the choice', () => {
    const storage = memory();
    const media = fakeMedia(true);
    const applied: Array<[Theme, ThemeChoice]> = [];
    const c = createThemeController({ storage, media, apply: (t, ch) => applied.push([t, ch]) });
    expect([c.choice(), c.theme()]).toEqual(['system', 'dark']);
    media.flip(false);
    expect(c.theme()).toBe('light');
    c.choose('dark');
    expect(c.theme()).toBe('dark');
    media.flip(false);
    expect(c.theme()).toBe('dark'); // an explicit choice ignores the system
    expect(storage.data.get(THEME_KEY)).toBe('dark');
    expect(applied[0]).toEqual(['dark', 'system']);
    expect(applied.at(-1)).toEqual(['dark', 'dark']);
    // The next visit starts from the saved choice.
    expect(createThemeController({ storage, media: fakeMedia(false), apply: () => {} }).theme()).toBe('dark');
  });

  it('treats garbage or refused storage as "system" and cycles choices', () => {
    expect(readChoice(memory('purple'))).toBe('system');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readChoice(refusing)).toBe('system');
    const c = createThemeController({ storage: refusing, media: undefined, apply: () => {} });
    c.choose('dark');
    expect(c.theme()).toBe('dark');
    expect([nextChoice('system'), nextChoice('light'), nextChoice('dark')]).toEqual(['light', 'dark', 'system']);
  });

  it('tells subscribers about every change', () => {
    const c = createThemeController({ storage: memory(), media: fakeMedia(false), apply: () => {} });
    let calls = 0;
    const off = c.subscribe(() => calls++);
    c.choose('light');
    c.choose('dark');
    off();
    c.choose('system');
    expect(calls).toBe(2);
  });
});
