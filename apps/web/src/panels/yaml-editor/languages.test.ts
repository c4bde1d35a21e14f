import { describe, expect, it } from 'vitest';
import {
  BLUEPRINT_LANGUAGE,
  modelLanguage,
  OUTPUT_LANGUAGE,
  previewEdit,
  WHOLE_TEXT_FEATURES_MAX_LINES,
  wholeTextFeatures,
} from './languages';

describe('YAML editor models', () => {
  it("gives the compiled previews their own language, never monaco-yaml's (its worker would validate megabytes per edit)", () => {
    expect(modelLanguage('blueprint')).toBe('yaml');
    expect(BLUEPRINT_LANGUAGE).toBe('yaml');
    for (const tab of ['compose', 'swarm', 'kubernetes'] as const) {
      expect(modelLanguage(tab)).toBe(OUTPUT_LANGUAGE);
      expect(modelLanguage(tab)).not.toBe(BLUEPRINT_LANGUAGE);
    }
  });

  it('turns a new preview text into the one edit of the changed span', () => {
    const before = 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n';
    const after = before.replace('nginx:1.27', 'probe/image:1');
    const edit = previewEdit(before, after);
    expect(edit).toEqual({ at: before.indexOf('nginx'), end: before.indexOf(':1.27') + 5, text: 'probe/image:1' });
    if (!edit) throw new Error('no edit');
    expect(before.slice(0, edit.at) + edit.text + before.slice(edit.end)).toBe(after);
    expect(previewEdit(after, after)).toBeUndefined();
  });

  it('folds and detects links in a preview only while it is short enough for them to stay cheap per edit', () => {
    expect(wholeTextFeatures('compose', 200)).toBe(true);
    expect(wholeTextFeatures('compose', WHOLE_TEXT_FEATURES_MAX_LINES)).toBe(true);
    expect(wholeTextFeatures('kubernetes', WHOLE_TEXT_FEATURES_MAX_LINES + 1)).toBe(false);
    expect(wholeTextFeatures('blueprint', 40_000)).toBe(true);
    // A preview not written yet (its model empty): off until its text is known.
    expect(wholeTextFeatures('compose', 1, false)).toBe(false);
    expect(wholeTextFeatures('blueprint', 1, false)).toBe(true);
  });
});
