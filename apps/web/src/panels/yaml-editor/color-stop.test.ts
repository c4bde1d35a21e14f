import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type ColorDetectorLike, stopColorsWhenOff } from './color-stop';

/** A fake of ColorDetector's switch: stop() ends the content listener and pending work, as Monaco's does. */
function fakeDetector() {
  const proto = {
    removeAllDecorations(this: ColorDetectorLike & { removed: number }) {
      this.removed++;
    },
    stop(this: ColorDetectorLike & { listening: boolean }) {
      this.listening = false;
    },
  };
  stopColorsWhenOff(proto);
  stopColorsWhenOff(proto); // wrapped once only
  return Object.assign(Object.create(proto) as typeof proto & ColorDetectorLike, {
    _isColorDecoratorsEnabled: true,
    listening: true,
    removed: 0,
  });
}

describe('the colour detector stops when colour decorators are switched off', () => {
  it('stops (no more per-edit colour requests) when off', () => {
    const d = fakeDetector();
    d._isColorDecoratorsEnabled = false;
    d.removeAllDecorations();
    expect(d.listening).toBe(false);
    expect(d.removed).toBe(1);
  });

  it('keeps listening while on (removeAllDecorations called for another reason)', () => {
    const d = fakeDetector();
    d.removeAllDecorations();
    expect(d.listening).toBe(true);
    expect(d.removed).toBe(1);
  });

  it("fits Monaco's detector: the field it reads exists and the switch-off path calls removeAllDecorations", () => {
    // Monaco's own detector (its module needs a browser: read as text).
    const file = createRequire(import.meta.url).resolve('monaco-editor/esm/vs/editor/contrib/colorPicker/browser/colorDetector.js');
    const src = readFileSync(file, 'utf8');
    expect(src).toContain('this._isColorDecoratorsEnabled = this.isEnabled()');
    expect(src).toMatch(/else\s*\{\s*this\.removeAllDecorations\(\);/);
    expect(src).toMatch(/\n {4}stop\(\) \{[^}]*_timeoutTimer[\s\S]*?this\._localToDispose\.clear\(\);/);
    expect(src).toMatch(/\n {4}removeAllDecorations\(\) \{/);
  });
});
