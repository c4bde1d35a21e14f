import type { CDPSession } from '@playwright/test';

/**
 * A Chrome trace of the gestures (bench:canvas --trace): where the renderer's time goes, which is a
 * steadier figure than frame intervals on a loaded host. Main thread: its tasks (count, total, how
 * many over 16 ms) and self time by trace event (script, style, layout, paint, GC, …) inside them;
 * then the busy time of the compositor and raster threads.
 */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration, µs, where the trace records thread timestamps. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink',
  'cc',
  'v8',
].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface ThreadSummary {
  thread: string;
  busyMs: number;
}

export interface TraceSummary {
  seconds: number;
  tasks: number;
  taskMs: number;
  /** Main-thread tasks over 16 ms: count and their total. */
  longTasks: number;
  longMs: number;
  /** The longest tasks, with when they started (s into the trace) and what filled them. */
  longest: Array<{ ms: number; at: number; top: string }>;
  /** Self time in ms by event name, inside the main thread's tasks. */
  self: Array<[string, number]>;
  threads: ThreadSummary[];
}

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Summarises the renderer of the page (the process whose main thread ran the most animation frames). */
export function summarizeTrace(events: readonly TraceEvent[]): TraceSummary {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const frames = new Map<string, number>();
  for (const e of events)
    if (e.name === 'FireAnimationFrame' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
      frames.set(`${e.pid}:${e.tid}`, (frames.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...frames].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pid = Number(main?.split(':')[0]);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number');
  onMain.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top-level tasks only (RunTask events nest inside one another).
  const tasks: TraceEvent[] = [];
  const self = new Map<string, number>();
  const longest: Array<{ ms: number; at: number; top: string }> = [];
  // Self time: walk the nested complete events with a stack.
  const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
  const perTask = new Map<TraceEvent, Map<string, number>>();
  // What started each task: its first child's event name and (script) function or (input) event type.
  const cause = new Map<TraceEvent, string>();
  let task: TraceEvent | undefined;
  const pop = () => {
    const top = stack.pop();
    if (!top) return;
    const own = (top.e.dur ?? 0) - top.child;
    if (!TASK.has(top.e.name)) {
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + own / 1000);
      if (task) {
        const m = perTask.get(task) ?? new Map<string, number>();
        m.set(top.e.name, (m.get(top.e.name) ?? 0) + own / 1000);
        perTask.set(task, m);
      }
    }
    const parent = stack.at(-1);
    if (parent) parent.child += top.e.dur ?? 0;
  };
  for (const e of onMain) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) pop();
    if (TASK.has(e.name) && stack.length === 0) {
      task = e;
      tasks.push(e);
    }
    if (stack.length === 0 && !TASK.has(e.name)) task = undefined;
    if (task && !TASK.has(e.name) && !cause.has(task)) {
      const d = e.args?.data;
      const what = d?.functionName || d?.type || '';
      cause.set(task, `${e.name}${what ? ` ${String(what)}` : ''}`);
    }
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  while (stack.length > 0) pop();
  const long = tasks.filter((t) => (t.dur ?? 0) > 16_000);
  const t0 = onMain[0]?.ts ?? 0;
  for (const t of [...long].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 8)) {
    const m = [...(perTask.get(t) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 4);
    longest.push({
      ms: (t.dur ?? 0) / 1000,
      at: (t.ts - t0) / 1e6,
      top: `[${cause.get(t) ?? '?'}] ${m.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
    });
  }
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !TASK.has(e.name)) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
    // The page's renderer, and the GPU process's display compositor (software compositing).
    if (e.pid !== pid && !/Viz|Gpu/.test(thread)) continue;
    const n = e.pid === pid ? thread : `${thread} (gpu process)`;
    busy.set(n, (busy.get(n) ?? 0) + (e.dur ?? 0) / 1000);
  }
  // (onMain is sorted by start; no spread of a long load trace's timestamps into Math.max)
  return {
    seconds: onMain.length > 0 ? ((onMain.at(-1)?.ts ?? 0) - (onMain[0]?.ts ?? 0)) / 1e6 : 0,
    tasks: tasks.length,
    taskMs: tasks.reduce((a, t) => a + (t.dur ?? 0) / 1000, 0),
    longTasks: long.length,
    longMs: long.reduce((a, t) => a + (t.dur ?? 0) / 1000, 0),
    longest,
    self: [...self].sort((a, b) => b[1] - a[1]).slice(0, 18),
    threads: [...busy].map(([thread, busyMs]) => ({ thread, busyMs })).sort((a, b) => b.busyMs - a.busyMs),
  };
}

export function printTrace(label: string, s: TraceSummary, log: (line: string) => void): void {
  log(
    `\ntrace ${label}: ${s.seconds.toFixed(1)} s; main thread ${s.tasks} tasks, ${s.taskMs.toFixed(0)} ms busy; ${s.longTasks} tasks > 16 ms (${s.longMs.toFixed(0)} ms)`,
  );
  log('  self time on the main thread:');
  for (const [k, ms] of s.self) log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  log('  longest tasks:');
  for (const t of s.longest) log(`  ${t.ms.toFixed(1).padStart(6)} ms at ${t.at.toFixed(2).padStart(5)} s  ${t.top}`);
  log(`  renderer threads busy: ${s.threads.map((t) => `${t.thread} ${t.busyMs.toFixed(0)} ms`).join(', ')}`);
}
