import { describe, expect, it } from 'vitest';
import { createAppStore, selectBlueprint } from '../store/store';
import { templateBlueprint } from '../templates/templates';
import { copyText, remembered } from './clipboard-state';
import { readFragment } from './clipboard-text';

describe('copyText', () => {
  it('is the selection as blueprint YAML, remembered for the fallback, and reads back as the same services', async () => {
    const store = createAppStore(templateBlueprint('seed-compose'));
    expect(copyText(store)).toBeUndefined(); // nothing selected
    store.getState().select(['service:haproxy', 'link:haproxy->weba']);
    const text = copyText(store);
    expect(text).toMatch(/^apiVersion: blaupause\.dev\/v1$/m);
    expect(text).toMatch(/^ {2}haproxy:$/m);
    expect(text).not.toMatch(/^ {2}weba:$/m);
    expect(remembered()).toBe(text);
    const back = await readFragment(text ?? '');
    expect(back.ok && back.fragment.services).toEqual({ haproxy: selectBlueprint(store.getState()).services.haproxy });
  });
});
