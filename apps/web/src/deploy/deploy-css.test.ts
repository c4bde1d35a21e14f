import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Layout guards for the dock that a unit test can read: a real browser check of the same (long
 * engine messages, the target picker) was done by hand against the production build.
 */
const css = readFileSync(new URL('./deploy.css', import.meta.url), 'utf8');
const rule = (selector: string) => {
  const at = css.indexOf(`\n${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  return css.slice(at, css.indexOf('}', at));
};

describe('deploy.css', () => {
  it('wraps long engine words in toasts and the run progress (they ran over the close button and were cut)', () => {
    expect(rule('.toast-text')).toMatch(/overflow-wrap:\s*anywhere/);
    expect(rule('.progress-list')).toMatch(/overflow-wrap:\s*anywhere/);
  });

  it('puts the toasts beside an open dock, not over its bottom', () => {
    expect(rule('body:has(.deploy-dock.is-open) .toasts')).toMatch(
      /right:\s*calc\(var\(--sidebar-shown, 32vw\) \+ 360px \+ 2 \* var\(--space-3\)\)/,
    );
  });

  it('keeps the target picker inside the dock (its longest option widened it past the edge)', () => {
    expect(rule('.deploy-target')).toMatch(/grid-template-columns:\s*auto minmax\(0, 1fr\)/);
    expect(rule('.deploy-target select')).toMatch(/min-width:\s*0/);
  });
});
