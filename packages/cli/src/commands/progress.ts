import type { ProgressEvent, RolloutEvent } from '@blaupause/engine';
import { actionTarget, formatEngineError, formatPlan, stepDone } from '../engine-render';
import type { Io } from '../io';
import { sanitize } from '../render';

/**
 * Progress of an apply or destroy as lines: the plan, each finished step with its duration, waits,
 * failures. Pulls are compact: one line per image and kind of status ("Downloading", "Extracting"),
 * not one per layer and chunk; on a terminal the byte counts update in place on that line.
 */
export class ProgressPrinter {
  private readonly started = new Map<string, number>();
  private readonly pullSeen = new Map<string, Set<string>>();
  /** A pull line is open on the terminal (no newline yet): the next line must end it first. */
  private openLine = false;

  constructor(
    private readonly io: Io,
    /** For hints that name the next command (blaupause logs PROJECT SERVICE). */
    private readonly project?: string,
  ) {}

  event(ev: ProgressEvent): void {
    switch (ev.kind) {
      case 'plan':
        this.line(formatPlan(ev.plan).trimEnd());
        return;
      case 'step': {
        const key = `${ev.action.kind} ${actionTarget(ev.action)}`;
        if (ev.phase === 'started') {
          this.started.set(key, ev.at);
          return;
        }
        const t0 = this.started.get(key);
        if (ev.phase === 'done') this.line(stepDone(ev.action, t0 === undefined ? undefined : ev.at - t0));
        // The error event that follows says what happened and what to do; the step only says where.
        else this.line(`  FAILED     ${ev.action.kind} ${actionTarget(ev.action)}`);
        return;
      }
      case 'wait':
        this.line(`  waiting    ${sanitize(ev.service)}: for ${sanitize(ev.on)} to be ${ev.condition}`);
        return;
      case 'pull':
        this.pull(ev);
        return;
      case 'build':
        this.line(`  build      ${sanitize(ev.text)}`);
        return;
      case 'error':
        this.endLine();
        this.io.stderr.write(formatEngineError(ev.error, this.project));
        return;
      case 'rollout':
        this.line(rolloutLine(ev));
        return;
      case 'done':
        return;
    }
  }

  end(): void {
    this.endLine();
  }

  private pull(ev: Extract<ProgressEvent, { kind: 'pull' }>): void {
    const status = sanitize(ev.status);
    const bytes = ev.total ? ` ${mb(ev.current ?? 0)}/${mb(ev.total)} MB` : '';
    const text = `  pulling    ${sanitize(ev.image)}: ${status}${bytes}`;
    if (this.io.stdout.isTTY) {
      this.io.stdout.write(`\r\u001b[K${text}`);
      this.openLine = true;
      return;
    }
    const seen = this.pullSeen.get(ev.image) ?? new Set<string>();
    this.pullSeen.set(ev.image, seen);
    if (seen.has(status)) return;
    seen.add(status);
    this.line(text);
  }

  private line(text: string): void {
    this.endLine();
    this.io.stdout.write(`${text}\n`);
  }

  private endLine(): void {
    if (!this.openLine) return;
    this.io.stdout.write('\n');
    this.openLine = false;
  }
}

const mb = (n: number) => (n / 1e6).toFixed(1);

const PHASE: Record<RolloutEvent['phase'], string> = {
  started: 'started',
  healthy: 'healthy',
  stopping: 'stopping',
  retired: 'set aside',
  failed: 'FAILED',
  restored: 'restored',
  committed: 'committed',
  added: 'added',
  removed: 'removed',
  paused: 'canary',
};

/** One orchestrator step of one replica (scale, rolling update, canary): `  healthy    web #2 [1a2b3c4d5e6f]`. */
export function rolloutLine(e: RolloutEvent): string {
  const version = e.version ? ` [${sanitize(e.version)}]` : '';
  return `  ${PHASE[e.phase].padEnd(11)}${sanitize(e.service)} #${e.replica}${version}${e.message ? ` — ${sanitize(e.message)}` : ''}`;
}
