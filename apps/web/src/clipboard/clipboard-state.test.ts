import { describe, expect, it } from 'vitest';
import { createAppStore, selectBlueprint } from '../store/store';
import { templateBlueprint } from '../templates/templates';
import { copyText, pastedTitle, remembered } from './clipboard-state';
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

describe('pastedTitle', () => {
  it('names what a pasted Compose file added, in words', () => {
    expect(pastedTitle(['service:web', 'service:api', 'service:db', 'volume:pgdata'])).toBe(
      'Pasted 3 services and 1 volume imported from the clipboard',
    );
    expect(pastedTitle(['service:web'])).toBe('Pasted 1 service imported from the clipboard');
    expect(pastedTitle(['service:a', 'volume:v', 'volume:w', 'network:n'])).toBe(
      'Pasted 1 service, 2 volumes and 1 network imported from the clipboard',
    );
    expect(pastedTitle(['service:a', 'config:c'])).toBe('Pasted 1 service and 1 other element imported from the clipboard');
  });
});
