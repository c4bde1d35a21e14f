import { describe, expect, it } from 'vitest';
import { diag, sortDiagnostics } from './diagnostic';

describe('sortDiagnostics', () => {
  it('orders by path segment, indexes numerically, parents before children, then code', () => {
    const ds = [
      diag('UNKNOWN_KEY', 'warning', ['services', 'a', 'links', 10], 'x'),
      diag('DANGLING_LINK', 'error', ['services', 'a', 'links', 2], 'x'),
      diag('SELF_LINK', 'error', ['services', 'a'], 'x'),
      diag('EMPTY_BLUEPRINT', 'warning', [], 'x'),
      diag('DUPLICATE_LINK', 'error', ['services', 'a', 'links', 2], 'x'),
    ];
    expect(sortDiagnostics(ds).map((d) => `${d.path.join('.')}:${d.code}`)).toEqual([
      ':EMPTY_BLUEPRINT',
      'services.a:SELF_LINK',
      'services.a.links.2:DANGLING_LINK',
      'services.a.links.2:DUPLICATE_LINK',
      'services.a.links.10:UNKNOWN_KEY',
    ]);
  });
});
