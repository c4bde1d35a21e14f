import { describe, expect, it } from 'vitest';
import type { RunInfo } from './api-types';
import { type RunView, showsRun } from './useRun';

const run = (project: string) => ({ runId: 'r1', project, kind: 'apply', target: 'docker' }) as unknown as RunInfo;
const view = (project: string, busy: boolean, outcome?: 'ok' | 'failed'): RunView => ({ run: run(project), events: [], busy, outcome });

describe('showsRun', () => {
  it("hides a finished run of another project (after switching the document it read as this blueprint's failure)", () => {
    expect(showsRun(view('hux2-ghost', false, 'failed'), 'seed-haproxy')).toBe(false);
    expect(showsRun(view('hux2-ghost', false, 'ok'), 'seed-haproxy')).toBe(false);
  });

  it("shows this project's run, and any run still going", () => {
    expect(showsRun(view('seed-haproxy', false, 'failed'), 'seed-haproxy')).toBe(true);
    expect(showsRun(view('hux2-ghost', true), 'seed-haproxy')).toBe(true);
    expect(showsRun({ run: undefined, events: [], busy: false, outcome: undefined }, 'x')).toBe(false);
  });
});
