import { bootstrapRatio, median, type RatioCi } from './stats';

/**
 * One line of bench/RESULTS.md: a benchmark, its anchor measured in the same run, the ratio with
 * its interval, the target and whether it was met. `pass` is undefined for information-only rows.
 */
export interface Row {
  id: string;
  name: string;
  anchor: string;
  unit: string;
  ours: number;
  anchorValue: number;
  ratio: RatioCi;
  /** How the interval was obtained, e.g. "bootstrap over 6 alternating runs". */
  ciBasis: string;
  target: string;
  pass: boolean | undefined;
  /** Samples behind each side, and free text (profile hints, misses). */
  samples: { ours: number; anchor: number };
  note?: string;
}

export interface RowInput {
  id: string;
  name: string;
  anchor: string;
  unit: string;
  ours: readonly number[];
  theirs: readonly number[];
  target: string;
  /** Decides pass/fail from our median and the ratio interval; absent = information only. */
  pass?: (m: number, r: RatioCi) => boolean;
  stat?: (xs: readonly number[]) => number;
  ciBasis?: string;
  note?: string;
}

/** A row from the two sides' samples: medians (or `stat`), ratio with a bootstrap interval. */
export function row(input: RowInput): Row {
  const stat = input.stat ?? median;
  const r = bootstrapRatio(input.ours, input.theirs, { stat });
  const ours = stat(input.ours);
  return {
    id: input.id,
    name: input.name,
    anchor: input.anchor,
    unit: input.unit,
    ours,
    anchorValue: stat(input.theirs),
    ratio: r,
    ciBasis: input.ciBasis ?? `bootstrap over ${input.ours.length} + ${input.theirs.length} alternating runs`,
    target: input.target,
    pass: input.pass ? input.pass(ours, r) : undefined,
    samples: { ours: input.ours.length, anchor: input.theirs.length },
    ...(input.note ? { note: input.note } : {}),
  };
}

const num = (x: number) => {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
};

export const fmtNum = num;

/** The ratio and its interval as text: `0.062 [0.058–0.067]`. */
export function ratioText(r: RatioCi): string {
  if (!Number.isFinite(r.ratio)) return '–';
  return r.low === r.high ? num(r.ratio) : `${num(r.ratio)} [${num(r.low)}–${num(r.high)}]`;
}

const verdict = (p: boolean | undefined) => (p === undefined ? 'info' : p ? 'pass' : '**FAIL**');

/** A Markdown table of rows. */
export function markdownTable(rows: readonly Row[]): string {
  const head = '| id | benchmark | anchor (same run) | ours | anchor | ratio ours/anchor [95 % CI] | target | result |';
  const sep = '|---|---|---|---:|---:|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.id} | ${r.name} | ${r.anchor} | ${num(r.ours)} ${r.unit} | ${num(r.anchorValue)} ${r.unit} | ${ratioText(r.ratio)} | ${r.target} | ${verdict(r.pass)} |`,
  );
  return [head, sep, ...lines].join('\n');
}

/** A plain-text summary for the console. */
export function consoleTable(rows: readonly Row[]): string {
  return rows
    .map(
      (r) =>
        `${(r.pass === false ? '✘' : r.pass ? '✔' : '·').padEnd(2)}${r.id.padEnd(6)} ${r.name.padEnd(44)} ours ${num(r.ours).padStart(8)} ${r.unit.padEnd(3)} anchor ${num(r.anchorValue).padStart(8)}  ratio ${ratioText(r.ratio).padEnd(22)} ${r.target}`,
    )
    .join('\n');
}
