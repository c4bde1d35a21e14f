import { describe, expect, it } from 'vitest';
import { reportSummary } from './FileReportView';

describe('file report summary', () => {
  it('counts by severity: an error is an error, not a note', () => {
    expect(reportSummary([{ severity: 'error' }])).toBe('1 error');
    expect(reportSummary([{ severity: 'info' }])).toBe('1 note');
    expect(reportSummary([{ severity: 'warning' }, { severity: 'info' }, { severity: 'warning' }])).toBe('2 warnings · 1 note');
    expect(reportSummary([{ severity: 'info' }, { severity: 'error' }, { severity: 'error' }, { severity: 'info' }])).toBe(
      '2 errors · 2 notes',
    );
    expect(reportSummary([])).toBe('');
  });
});
