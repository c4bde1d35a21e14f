import { type Diagnostic, diag, type Path, type Target } from '@blaupause/model';
import type { NoteCall, NoteSink } from './incremental/memo';

/**
 * Fidelity notes of one compile, without duplicates (same code, path and message; the first one
 * is kept). Duplicates are found by the path's second segment (a plain compile) or by message
 * (an incremental one, whose next compile looks its notes up by message), then by comparing
 * paths segment by segment, so no key string is built from the path.
 */
export class Notes implements NoteSink {
  readonly list: Diagnostic[] = [];
  recording: NoteCall[] | undefined;
  readonly byMessage: NotesByMessage = new Map();

  /**
   * `previous`: the notes of the last incremental compile of this target, by message. A note made
   * again with the same content is given that compile's object, so notes stay the same objects
   * from compile to compile (as replayed ones are) and sorting them starts from a sorted run.
   */
  /**
   * Without a cache, notes are indexed by their path's second segment (the service's, volume's …
   * name) for the duplicate check instead: no message is hashed (or flattened) to find them.
   */
  private readonly byName: Map<string, Diagnostic | Diagnostic[]> | undefined;

  constructor(
    private readonly target: Target,
    cached: boolean,
    private readonly previous?: NotesByMessage,
  ) {
    this.byName = cached ? undefined : new Map();
  }

  add(kind: 'lost' | 'approximated', path: Path, elementId: string, message: string, hint?: string): void {
    const byName = this.byName;
    if (byName !== undefined) {
      // A plain compile: no call kept for replaying, no earlier note to reuse, no index by message.
      const code = kind === 'lost' ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED';
      const name = path.length > 1 ? String(path[1]) : '';
      const same = byName.get(name);
      if (
        same !== undefined &&
        (Array.isArray(same)
          ? same.some((d) => isDuplicate(d, code, path) && d.message === message)
          : isDuplicate(same, code, path) && same.message === message)
      )
        return;
      const d = diag(code, kind === 'lost' ? 'warning' : 'info', path, message, this.extra(elementId, hint));
      this.list.push(d);
      if (same === undefined) byName.set(name, d);
      else if (Array.isArray(same)) same.push(d);
      else byName.set(name, [same, d]);
      return;
    }
    const call: NoteCall = { kind, path, elementId, message, hint, made: undefined };
    this.recording?.push(call);
    this.replay(call);
  }

  /**
   * Records a note unless it repeats one (same code, path and message). The diagnostic made for
   * a call is kept on it, so a replayed note (see incremental/) is the same object again.
   */
  replay(call: NoteCall): void {
    const { kind, path, message } = call;
    const code = kind === 'lost' ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED';
    const same = this.byMessage.get(message);
    if (same !== undefined && repeats(same, code, path)) return;
    call.made ??=
      this.earlier(code, call) ?? diag(code, kind === 'lost' ? 'warning' : 'info', path, message, this.extra(call.elementId, call.hint));
    this.keep(call.made, message, same);
  }

  /** What a note carries besides code, severity, path and message (no hint key when there is none). */
  private extra(elementId: string, hint: string | undefined): Partial<Diagnostic> {
    return hint ? { elementId, target: this.target, hint } : { elementId, target: this.target };
  }

  private keep(d: Diagnostic, message: string, same: Diagnostic | Diagnostic[] | undefined): void {
    this.list.push(d);
    if (same === undefined) this.byMessage.set(message, d);
    else if (Array.isArray(same)) same.push(d);
    else this.byMessage.set(message, [same, d]);
  }

  /** The last compile's note equal to the one `call` makes (code, path, message, element, hint), if any. */
  private earlier(code: Diagnostic['code'], call: NoteCall): Diagnostic | undefined {
    const before = this.previous?.get(call.message);
    if (before === undefined) return undefined;
    const equal = (d: Diagnostic) =>
      d.code === code && d.elementId === call.elementId && d.hint === (call.hint || undefined) && samePath(d.path, call.path);
    return Array.isArray(before) ? before.find(equal) : equal(before) ? before : undefined;
  }
}

/** Notes by message: one, or several with different paths or codes. */
export type NotesByMessage = Map<string, Diagnostic | Diagnostic[]>;

function samePath(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a note of this code and path is among the notes with its message already. */
const repeats = (same: Diagnostic | Diagnostic[], code: Diagnostic['code'], path: Path): boolean =>
  Array.isArray(same) ? same.some((d) => isDuplicate(d, code, path)) : isDuplicate(same, code, path);

function isDuplicate(d: Diagnostic, code: Diagnostic['code'], path: Path): boolean {
  if (d.code !== code || d.path.length !== path.length) return false;
  for (let i = 0; i < path.length; i++) if (String(d.path[i]) !== String(path[i])) return false;
  return true;
}
