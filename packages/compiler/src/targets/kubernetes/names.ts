/**
 * Kubernetes names and labels. Blueprint names are DNS-1123 labels already; what we derive from
 * them (suffixes, prefixes) may grow past 63 characters, and user labels may break the label rules.
 */
import { Derived } from '../../derived';

export const MAX_LABEL = 63;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A small stable hash (FNV-1a) for shortening names without collisions in practice. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(7, '0').slice(0, 7);
}

/** Fits a derived name into a DNS label: unchanged when short enough, else truncated plus a hash. */
export function fitName(name: string, max = MAX_LABEL): string {
  if (name.length <= max) return name;
  const head = name.slice(0, max - 8).replace(/-+$/, '');
  return `${head}-${hash(name)}`;
}

/** `<name>-<suffix>`; when too long the name is shortened (plus a hash) and the suffix kept, so it stays readable. */
export function suffixed(name: string, suffix: string, max = MAX_LABEL): string {
  const full = `${name}-${suffix}`;
  if (full.length <= max) return full;
  return `${fitName(name, max - suffix.length - 1)}-${suffix}`;
}

/** One name handed out: what was asked for and what came out. */
export interface Take {
  base: string;
  /** Set for takeSuffixed. */
  suffix?: string;
  out: string;
}

/** Names taken in one scope: a short list while few (most pods hold a handful), a Set past that. */
class Used {
  private few: string[] | undefined;
  private many: Set<string> | undefined;

  has(name: string): boolean {
    return this.many ? this.many.has(name) : this.few?.includes(name) === true;
  }
  add(name: string): void {
    if (this.many) this.many.add(name);
    else if (this.few === undefined) this.few = [name];
    else if (this.few.length < FEW) {
      if (!this.few.includes(name)) this.few.push(name);
    } else {
      this.many = new Set(this.few);
      this.many.add(name);
      this.few = undefined;
    }
  }
  delete(name: string): void {
    if (this.many) this.many.delete(name);
    else if (this.few !== undefined) {
      const i = this.few.indexOf(name);
      if (i >= 0) this.few.splice(i, 1);
    }
  }
}
const FEW = 16;

/** Hands out unique names within one scope (a pod's volumes, a pod's containers). */
export class NameAllocator {
  private readonly used = new Used();
  /**
   * While set, every name handed out is appended: the incremental compiler keeps a service's
   * takes beside its output and replays them to know the service would get the same names again.
   */
  journal: Take[] | undefined;

  reserve(name: string): void {
    this.used.add(name);
  }
  /** `<name>-<suffix>` (fitted), or `<name>-<suffix>-2`... when taken. */
  takeSuffixed(name: string, suffix: string): string {
    let out = suffixed(name, suffix);
    for (let i = 2; this.used.has(out); i++) out = suffixed(name, `${suffix}-${i}`);
    this.used.add(out);
    this.journal?.push({ base: name, suffix, out });
    return out;
  }
  take(base: string): string {
    let name = fitName(base);
    for (let i = 2; this.used.has(name); i++) name = fitName(`${base}-${i}`);
    this.used.add(name);
    this.journal?.push({ base, out: name });
    return name;
  }
  /**
   * Takes the names of a journal again. True when each comes out as it did then; otherwise
   * nothing stays taken and the answer is false (the service must be emitted afresh).
   */
  replay(takes: readonly Take[]): boolean {
    for (let i = 0; i < takes.length; i++) {
      const t = takes[i] as Take;
      const out = t.suffix === undefined ? this.take(t.base) : this.takeSuffixed(t.base, t.suffix);
      if (out !== t.out) {
        this.used.delete(out);
        this.release(takes, i);
        return false;
      }
    }
    return true;
  }
  /** Gives back the first `count` names of a replayed journal (they were free before it). */
  release(takes: readonly Take[], count = takes.length): void {
    for (let i = 0; i < count; i++) this.used.delete((takes[i] as Take).out);
  }
}

/** Turns free text (a host path's last segment) into a DNS-label fragment; '' when nothing is left. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  if (name.length > MAX_LABEL || !LABEL_NAME.test(name)) return false;
  return prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
}

export const isLabelValue = (v: string): boolean => v === '' || (v.length <= MAX_LABEL && LABEL_NAME.test(v));

/** Container port names follow IANA service names: at most 15 characters with at least one letter. */
export const isPortName = (n: string): boolean => n.length <= 15 && IANA_SVC_NAME.test(n) && !n.includes('--');

/** Service names are DNS-1035 labels: they must start with a letter. */
export const isServiceName = (n: string): boolean => /^[a-z]/.test(n);

/** `<protocol>-<port>`, a port's name where the blueprint gives none: the same string from compile to compile (see derived.ts). */
const portNames = new Derived<string, number>((protocol, port) => `${protocol}-${port}`);
export const defaultPortName = (p: { protocol: string; port: number }): string => portNames.get(p.protocol, p.port);
