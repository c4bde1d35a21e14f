import { type Diagnostic, type DiagnosticCode, diag, type Path, type ReadLimits, type Severity, type YamlSource } from '@blaupause/model';

export interface ImportComposeOptions {
  /** File name, for positions in diagnostics and the default blueprint name. */
  file?: string;
  /** Variables for ${VAR} interpolation. Undefined: keep every ${VAR} as written and declare it a parameter. */
  env?: Record<string, string>;
  /** Blueprint name; default: the Compose `name:`, else derived from the file name, else "app". */
  name?: string;
  /** Budgets of the YAML reader (size, aliases, nodes, depth); its defaults otherwise. */
  limits?: Partial<ReadLimits>;
  /**
   * Reads a service's `env_file` (the reference as written) into its variables; undefined when the
   * file does not exist. Injected by a caller that has the project folder (the CLI opening a
   * folder); absent, env_file is reported as not imported.
   */
  readEnvFile?: (ref: string) => Record<string, string> | undefined;
  /** The project folder's name: the blueprint's name when neither `name:` nor the file name gives one (as Compose). */
  folderName?: string;
}

/**
 * What every phase of one import shares: the diagnostics, and how a path of the Compose file
 * becomes a source position and a canvas element. Positions are looked up only for the few
 * paths that get a diagnostic, never per value.
 */
export interface ParameterDraft {
  default?: string;
  description?: string;
  required?: boolean;
}

export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Variables the file references, to become blueprint parameters (only when no env was given). */
  readonly parameters: Record<string, ParameterDraft> = {};
  /** Canvas element of a Compose path; set once the service names are known. */
  elementOf: (path: Path) => string | undefined = () => undefined;

  constructor(
    readonly source: YamlSource | undefined,
    readonly options: ImportComposeOptions,
    /** The raw text, for the few places that must see how a scalar was written (octal modes). */
    readonly text: string,
  ) {}

  /** A diagnostic at `path`; `at` is the path whose source position to use when `path` names no written node. */
  report(code: DiagnosticCode, severity: Severity, path: Path, message: string, hint?: string, at: Path = path): void {
    const source = this.source?.positionOf(at);
    const elementId = this.elementOf(path);
    this.diagnostics.push(
      diag(code, severity, path, message, {
        ...(elementId ? { elementId } : {}),
        ...(hint ? { hint } : {}),
        ...(source ? { source } : {}),
      }),
    );
  }

  /** A key the blueprint cannot carry: reported by its exact path, never dropped silently. */
  unsupported(path: Path, reason: string, hint?: string, severity: Severity = 'warning', at?: Path): void {
    this.report('IMPORT_UNSUPPORTED_KEY', severity, path, `${dotted(path)} is not imported: ${reason}`, hint, at);
  }

  approximated(path: Path, message: string, hint?: string, at?: Path): void {
    this.report('IMPORT_APPROXIMATED', 'warning', path, `${dotted(path)}: ${message}`, hint, at);
  }

  error(code: DiagnosticCode, path: Path, message: string, hint?: string, at?: Path): void {
    this.report(code, 'error', path, message, hint, at);
  }

  /** Declares a parameter; the first default (`:-` / `-`) and the first required message (`:?` / `?`) win. */
  declare(name: string, op?: string, arg?: string): void {
    if (!Object.hasOwn(this.parameters, name)) this.parameters[name] = {};
    const p = this.parameters[name] as ParameterDraft;
    if ((op === ':-' || op === '-') && p.default === undefined) p.default = arg ?? '';
    if (op === ':?' || op === '?') {
      p.required = true;
      if (arg && p.description === undefined) p.description = arg;
    }
  }
}

export const dotted = (path: Path): string => (path.length ? path.join('.') : 'the file');

/** A plain mapping read from YAML (never a class instance; prototype keys were refused by readYaml). */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
