import type { Container, ContainerRole, Healthcheck, HealthTest, Service } from '@blaupause/model';
import { type FormEvent, type KeyboardEvent, memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  durationProblem,
  envNameProblem,
  HEALTH_FIELDS,
  healthPathProblem,
  mountsOf,
  portProblem,
  retriesProblem,
  type WordsField,
} from '../model/container-commands';
import { useApp } from '../store/useApp';
import { AddHelperForm } from './AddHelperForm';
import { CommitField } from './CommitField';
import { imageProblem, nameProblem } from './field-rules';
import { useSameList } from './OptionList';

const HELPER_ROLES: readonly ContainerRole[] = ['sidecar', 'ambassador', 'adapter', 'init'];

const ROLE_HINTS: Record<ContainerRole, string> = {
  main: 'the service itself',
  sidecar: 'extends the main container',
  ambassador: 'proxies its outbound connections',
  adapter: 'normalises its output',
  init: 'runs to completion before the others start',
};

/**
 * After a row of `list` left the DOM (or changed): focus the element `selector` finds in the row now
 * at `index`, else in the row before, else `fallback` — never the page (a keyboard user would start
 * over at the toolbar).
 */
function focusRowAt(list: HTMLElement | null, index: number, selector: string, fallback?: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => {
    if (!list) return;
    const rows = list.querySelectorAll<HTMLElement>(':scope > li');
    const target = (rows[index] ?? rows[index - 1])?.querySelector<HTMLElement>(selector) ?? fallback?.();
    target?.focus();
  });
}

/** What removing a container takes with it, in words: shown beside its remove button and announced after. */
function removalNote(name: string, c: Container): string {
  const mounts = mountsOf(c);
  return mounts.length === 0
    ? `Removed ${name}.`
    : `Removed ${name} with its ${mounts.length === 1 ? 'mount' : 'mounts'} of ${mounts.join(', ')}; the ${mounts.length === 1 ? 'volume stays' : 'volumes stay'}.`;
}

interface PodProps {
  service: string;
  containers: Service['containers'];
}

/**
 * The pod, container by container: a row opens to its name, image, role, environment and (for a
 * helper) a remove button, and the form that adds a helper. Every change is one command (one undo
 * step). Rows are keyed by position, so a rename keeps the row and the focus in its field; which
 * rows are open is kept by name. A helper just added opens with the focus in its name field.
 */
export function PodForm({ service, containers }: PodProps) {
  const [open, setOpen] = useState<readonly string[]>([]);
  // The helper just added: its row takes the focus once it is rendered open.
  const [focusNew, setFocusNew] = useState('');
  // What the last removal took with it, shown while the pod is as it left it (an undo or another edit of the pod clears it).
  const [notice, setNotice] = useState<{ text: string; pod: string }>({ text: '', pod: '' });
  const names = useSameList(Object.keys(containers));
  const hasMain = Object.values(containers).some((c) => c.role === 'main');
  const toggle = useCallback((name: string, isOpen: boolean) => {
    setOpen((o) => (isOpen ? (o.includes(name) ? o : [...o, name]) : o.filter((n) => n !== name)));
  }, []);
  const removed = useCallback(
    (name: string, text: string) =>
      setNotice({
        text,
        pod: names.filter((n) => n !== name).join(' '),
      }),
    [names],
  );
  const renamed = useCallback((from: string, to: string) => setOpen((o) => o.map((n) => (n === from ? to : n))), []);
  const added = useCallback((name: string) => {
    setOpen((o) => (o.includes(name) ? o : [...o, name]));
    setFocusNew(name);
  }, []);
  const focused = useCallback(() => setFocusNew(''), []);
  return (
    <>
      <ul className="pod-list pod-rows" aria-label={`Containers of ${service}`}>
        {names.map((n, i) => {
          const c = containers[n];
          return c ? (
            <ContainerRow
              // biome-ignore lint/suspicious/noArrayIndexKey: by position, so a rename keeps the row and its focus
              key={i}
              index={i}
              service={service}
              name={n}
              container={c}
              others={names}
              hasMain={hasMain}
              open={open.includes(n)}
              focusFirst={focusNew === n}
              onFocused={focused}
              onToggle={toggle}
              onRenamed={renamed}
              onRemoved={removed}
            />
          ) : null;
        })}
      </ul>
      <p className="muted pod-notice" role="status">
        {notice.pod === names.join(' ') ? notice.text : ''}
      </p>
      <AddHelperForm service={service} containers={names} onAdded={added} />
    </>
  );
}

interface RowProps {
  index: number;
  service: string;
  name: string;
  container: Container;
  others: readonly string[];
  hasMain: boolean;
  open: boolean;
  /** Focus the row's first field once it is open (a helper just added). */
  focusFirst: boolean;
  onFocused(): void;
  onToggle(name: string, open: boolean): void;
  onRenamed(from: string, to: string): void;
  onRemoved(name: string, notice: string): void;
}

const ContainerRow = memo(function ContainerRow({
  index,
  service,
  name,
  container: c,
  others,
  hasMain,
  open,
  focusFirst,
  onFocused,
  onToggle,
  onRenamed,
  onRemoved,
}: RowProps) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusFirst || !open) return;
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
    onFocused();
  }, [focusFirst, open, onFocused]);
  const shown = c.image ?? (c.build ? `build ${c.build.context}` : 'no image');
  const isMain = c.role === 'main';
  const roles = hasMain ? HELPER_ROLES : (['main', ...HELPER_ROLES] as const);
  const mounts = mountsOf(c);
  const remove = (e: { currentTarget: HTMLElement }) => {
    const list = e.currentTarget.closest('ul');
    const note = removalNote(name, c);
    if (!dispatch({ kind: 'removeContainer', service, name })) return;
    onRemoved(name, note);
    onToggle(name, false);
    focusRowAt(list, index, 'summary', () => list?.parentElement?.querySelector<HTMLElement>('.add-helper select'));
  };
  return (
    <li data-container={name}>
      <details open={open} onToggle={(e) => onToggle(name, e.currentTarget.open)} aria-label={`Container ${name}`}>
        <summary>
          <span className={`role-badge role-${c.role}`}>{c.role}</span> <span className="container-name">{name}</span>{' '}
          <span className="muted">{shown}</span>
        </summary>
        {open && (
          <div className="container-form" ref={form}>
            <CommitField
              label="Container name"
              value={name}
              validate={(d) =>
                nameProblem(
                  d,
                  others.filter((o) => o !== name),
                )
              }
              onCommit={(to) => {
                if (dispatch({ kind: 'renameContainer', service, from: name, to })) onRenamed(name, to);
              }}
            />
            <CommitField
              label="Image"
              value={c.image ?? ''}
              placeholder={c.build ? `built from ${c.build.context}` : 'e.g. busybox:1.36'}
              validate={imageProblem}
              onCommit={(image) => dispatch({ kind: 'setImage', service, container: name, image })}
            />
            {isMain ? (
              <p className="muted role-fixed">Role: main — the service itself; a pod keeps exactly one main container.</p>
            ) : (
              <div className="field">
                <label htmlFor={`${id}-role`}>Role</label>
                <select
                  id={`${id}-role`}
                  value={c.role}
                  onChange={(e) => dispatch({ kind: 'setContainerRole', service, container: name, role: e.target.value as ContainerRole })}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r} — {ROLE_HINTS[r]}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <EnvForm service={service} container={name} env={c.env} />
            <CommandForm service={service} container={name} command={c.command} args={c.args} />
            <HealthForm service={service} container={name} role={c.role} healthcheck={c.healthcheck} />
            {!isMain && (
              <div className="container-remove">
                <button type="button" className="button danger" onClick={remove} aria-label={`Remove container ${name}`}>
                  Remove container
                </button>
                {mounts.length > 0 && (
                  <span className="muted">
                    {mounts.length === 1 ? 'Its mount' : 'Its mounts'} of {mounts.join(', ')} {mounts.length === 1 ? 'goes' : 'go'} with it;
                    the volume stays.
                  </span>
                )}
              </div>
            )}
          </div>
        )}
      </details>
    </li>
  );
});

/**
 * A container's environment, one row per variable (name and value, committed on Enter or when
 * focus leaves, like every field) and a row to add one. Rows are keyed by position: renaming a
 * variable keeps it in place, and the focus in its field.
 */
function EnvForm({ service, container, env }: { service: string; container: string; env: Container['env'] }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const entries = Object.entries(env ?? {});
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const problem = name ? (envNameProblem(name) ?? (entries.some(([k]) => k === name) ? `${name} is set already.` : undefined)) : undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name || problem) return;
    if (dispatch({ kind: 'setEnv', service, container, name, value })) {
      setName('');
      setValue('');
      e.currentTarget.querySelector('input')?.focus();
    }
  };
  return (
    <div className="env-form">
      <h4 className="subheading">Environment</h4>
      {entries.length > 0 && (
        <ul className="env-list" aria-label={`Environment of ${container}`}>
          {entries.map(([k, v], i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: by position, so a renamed variable keeps its row and focus
            <EnvRow key={i} index={i} service={service} container={container} name={k} value={v} taken={entries.map(([n]) => n)} />
          ))}
        </ul>
      )}
      <form className="env-add" onSubmit={submit} aria-label={`Add a variable to ${container}`}>
        <label htmlFor={`${id}-name`} className="sr-only">
          New variable name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder="NAME"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-value`} className="sr-only">
          New variable value
        </label>
        <input id={`${id}-value`} value={value} placeholder="value" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="button" disabled={!name || !!problem} aria-label={`Add variable to ${container}`} title={problem}>
          Add
        </button>
        {problem && (
          <p id={`${id}-problem`} className="field-problem">
            {problem}
          </p>
        )}
      </form>
    </div>
  );
}

interface EnvRowProps {
  index: number;
  service: string;
  container: string;
  name: string;
  value: string;
  taken: readonly string[];
}

/** One variable: its name and value as drafts, validated as you type; Enter or leaving the row commits, Escape restores. */
function EnvRow({ index, service, container, name, value, taken }: EnvRowProps) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [draft, setDraft] = useState({ name, value });
  const [shown, setShown] = useState({ name, value });
  if (shown.name !== name || shown.value !== value) {
    setShown({ name, value });
    setDraft({ name, value });
  }
  const problem =
    draft.name === name
      ? undefined
      : (envNameProblem(draft.name) ?? (taken.includes(draft.name) ? `${draft.name} is set already.` : undefined));
  const commit = () => {
    if (problem || (draft.name === name && draft.value === value)) return;
    dispatch({ kind: 'setEnv', service, container, name: draft.name, value: draft.value, was: name });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') setDraft({ name, value });
  };
  const remove = (e: { currentTarget: HTMLElement }) => {
    const list = e.currentTarget.closest('ul');
    const form = list?.nextElementSibling;
    if (dispatch({ kind: 'removeEnv', service, container, name }))
      focusRowAt(list, index, 'button', () => form?.querySelector<HTMLElement>('input'));
  };
  return (
    <li className="env-row">
      <input
        aria-label={`Name of variable ${name}`}
        value={draft.name}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <input
        aria-label={`Value of ${name}`}
        value={draft.value}
        spellCheck={false}
        onChange={(e) => setDraft({ ...draft, value: e.target.value })}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="link-button" onClick={remove} aria-label={`Remove variable ${name} of ${container}`}>
        remove
      </button>
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </li>
  );
}

const WORDS: Record<WordsField, { label: string; hint: string }> = {
  command: { label: 'Command', hint: 'replaces the image’s entrypoint (Compose entrypoint, Kubernetes command)' },
  args: { label: 'Arguments', hint: 'replace the image’s command (Compose command, Kubernetes args)' },
};

/** A container's command and arguments, each a list of words: one argv entry per word, no shell in between. */
function CommandForm({ service, container, command, args }: { service: string; container: string; command?: string[]; args?: string[] }) {
  const dispatch = useApp((s) => s.dispatch);
  return (
    <div className="env-form">
      <h4 className="subheading">Command</h4>
      {(['command', 'args'] as const).map((field) => (
        <WordsForm
          key={field}
          label={WORDS[field].label}
          hint={WORDS[field].hint}
          container={container}
          words={(field === 'command' ? command : args) ?? []}
          onChange={(words) => dispatch({ kind: 'setWords', service, container, field, words })}
        />
      ))}
    </div>
  );
}

interface WordsProps {
  /** What the words are, e.g. Command: names the fields and the buttons. */
  label: string;
  hint?: string;
  container: string;
  words: readonly string[];
  /** At least this many words stay (a remove button is not offered below it). */
  min?: number;
  onChange(words: string[]): boolean;
}

/**
 * A list of words (an argv), one field per word, committed on Enter or when focus leaves, Escape
 * restores; a field to add one. Each change is one command. Words are kept as typed, spaces and
 * quotes included: no shell splits or joins them.
 */
function WordsForm({ label, hint, container, words, min = 0, onChange }: WordsProps) {
  const id = useId();
  const [word, setWord] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (word === '') return;
    if (onChange([...words, word])) {
      setWord('');
      e.currentTarget.querySelector('input')?.focus();
    }
  };
  const lower = label.toLowerCase();
  return (
    <div className="words-form">
      <p className="muted words-label" id={`${id}-label`}>
        {label}
        {hint && <span> — {hint}</span>}
      </p>
      {words.length > 0 && (
        <ol className="env-list" aria-label={`${label} of ${container}`}>
          {words.map((w, i) => (
            <WordRow
              // biome-ignore lint/suspicious/noArrayIndexKey: a word is its position in the argv
              key={i}
              index={i}
              label={label}
              container={container}
              word={w}
              removable={words.length > min}
              onCommit={(to) => onChange(words.map((x, j) => (j === i ? to : x)))}
              onRemove={() => onChange(words.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      )}
      <form className="env-add words-add" onSubmit={submit} aria-label={`Add a word to the ${lower} of ${container}`}>
        <label htmlFor={`${id}-word`} className="sr-only">
          {`New ${lower} word`}
        </label>
        <input
          id={`${id}-word`}
          value={word}
          placeholder={words.length === 0 ? `${lower}: one word per field` : 'next word'}
          spellCheck={false}
          onChange={(e) => setWord(e.target.value)}
        />
        <button type="submit" className="button" disabled={word === ''} aria-label={`Add word to the ${lower} of ${container}`}>
          Add
        </button>
      </form>
    </div>
  );
}

interface WordRowProps {
  index: number;
  label: string;
  container: string;
  word: string;
  removable: boolean;
  onCommit(word: string): boolean;
  onRemove(): boolean;
}

function WordRow({ index, label, container, word, removable, onCommit, onRemove }: WordRowProps) {
  const [draft, setDraft] = useState(word);
  const [shown, setShown] = useState(word);
  if (shown !== word) {
    setShown(word);
    setDraft(word);
  }
  const commit = () => {
    if (draft !== word) onCommit(draft);
  };
  const remove = (e: { currentTarget: HTMLElement }) => {
    const list = e.currentTarget.closest('ol');
    const form = list?.nextElementSibling;
    if (onRemove()) focusRowAt(list, index, 'input', () => form?.querySelector<HTMLElement>('input'));
  };
  const lower = label.toLowerCase();
  return (
    <li className="env-row words-row">
      <input
        aria-label={`${label} word ${index + 1}`}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(word);
        }}
      />
      {removable && (
        <button
          type="button"
          className="link-button"
          onClick={remove}
          aria-label={`Remove word ${index + 1} of the ${lower} of ${container}`}
        >
          remove
        </button>
      )}
    </li>
  );
}

type HealthKind = 'none' | 'exec' | 'shell' | 'http' | 'tcp';

const HEALTH_KINDS: Record<HealthKind, string> = {
  none: 'none — no healthcheck',
  exec: 'exec — run a program (exit 0 = healthy)',
  shell: 'shell — run a shell command (exit 0 = healthy)',
  http: 'http — a GET of a path answers 2xx/3xx',
  tcp: 'tcp — a port accepts connections',
};

const kindOf = (test: HealthTest | undefined): HealthKind =>
  !test ? 'none' : 'exec' in test ? 'exec' : 'shell' in test ? 'shell' : 'http' in test ? 'http' : 'tcp';

type Timing = 'interval' | 'timeout' | 'startPeriod';

const TIMINGS: readonly { key: Timing; placeholder: string }[] = [
  { key: 'interval', placeholder: '30s (the default)' },
  { key: 'timeout', placeholder: '30s (the default)' },
  { key: 'startPeriod', placeholder: '0s (the default)' },
];

/** The check for a whole number field: empty is allowed when `optional`. */
const wholeProblem = (draft: string, check: (n: number) => string | undefined, optional: boolean) =>
  draft.trim() === '' ? (optional ? undefined : check(Number.NaN)) : check(Number(draft));

/**
 * A container's healthcheck: the kind of check and its own fields, then how often and how long
 * it runs. A kind chosen is written once its fields make a valid check (the model's rules, the
 * errors name the field); choosing "none" removes it. Each change is one command.
 */
function HealthForm({
  service,
  container,
  role,
  healthcheck: hc,
}: {
  service: string;
  container: string;
  role: ContainerRole;
  healthcheck?: Healthcheck;
}) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const stored = kindOf(hc?.test);
  // The kind shown: another one than the stored check's while its fields are being filled in.
  const [kind, setKind] = useState<HealthKind>(stored);
  const [shownKind, setShownKind] = useState(stored);
  if (shownKind !== stored) {
    setShownKind(stored);
    setKind(stored);
  }
  const put = (next: Healthcheck | null) => dispatch({ kind: 'setHealthcheck', service, container, healthcheck: next });
  /** A new check with the stored timings kept. */
  const withTest = (test: HealthTest) => put({ ...(hc ?? {}), test });
  const change = (key: Timing | 'retries', value: string | number | undefined) => {
    if (!hc) return;
    const { [key]: _old, ...rest } = hc;
    put(value === undefined ? (rest as Healthcheck) : { ...rest, [key]: value });
  };
  const current = kind === stored ? hc?.test : undefined;
  const http = current && 'http' in current ? current.http : undefined;
  return (
    <div className="env-form health-form">
      <h4 className="subheading">Healthcheck</h4>
      {role === 'init' && <p className="muted role-fixed">An init container runs to completion: a healthcheck of it is never used.</p>}
      <div className="field">
        <label htmlFor={`${id}-kind`}>Check</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => {
            const next = e.target.value as HealthKind;
            setKind(next);
            if (next === 'none' && hc) put(null);
          }}
        >
          {(Object.keys(HEALTH_KINDS) as HealthKind[]).map((k) => (
            <option key={k} value={k}>
              {HEALTH_KINDS[k]}
            </option>
          ))}
        </select>
      </div>
      {kind === 'exec' && (
        <WordsForm
          label={HEALTH_FIELDS.exec}
          hint="run inside the container, one word per field"
          container={container}
          words={current && 'exec' in current ? current.exec : []}
          min={1}
          onChange={(exec) => withTest({ exec })}
        />
      )}
      {kind === 'shell' && (
        <CommitField
          label={HEALTH_FIELDS.shell}
          value={current && 'shell' in current ? current.shell : ''}
          placeholder="e.g. pg_isready -U postgres"
          validate={(d) => (d === '' ? `${HEALTH_FIELDS.shell}: a command, e.g. pg_isready -U postgres.` : undefined)}
          onCommit={(shell) => withTest({ shell })}
        />
      )}
      {(kind === 'http' || kind === 'tcp') && (
        <CommitField
          label={HEALTH_FIELDS.port}
          type="number"
          min={1}
          value={current && 'tcp' in current ? String(current.tcp.port) : http ? String(http.port) : ''}
          placeholder="e.g. 8080"
          validate={(d) => wholeProblem(d, portProblem, false)}
          onCommit={(d) =>
            withTest(kind === 'tcp' ? { tcp: { port: Number(d) } } : { http: { ...(http ?? { path: '/' }), port: Number(d) } })
          }
        />
      )}
      {http && (
        <>
          <CommitField
            label={HEALTH_FIELDS.path}
            value={http.path}
            placeholder="/"
            validate={healthPathProblem}
            onCommit={(path) => withTest({ http: { ...http, path } })}
          />
          <div className="field">
            <label htmlFor={`${id}-scheme`}>Scheme</label>
            <select
              id={`${id}-scheme`}
              value={http.scheme ?? 'http'}
              onChange={(e) => {
                const { scheme: _old, ...rest } = http;
                withTest({ http: e.target.value === 'https' ? { ...rest, scheme: 'https' } : rest });
              }}
            >
              <option value="http">http</option>
              <option value="https">https (the certificate is not checked)</option>
            </select>
          </div>
        </>
      )}
      {hc && kind === stored && (
        <>
          {TIMINGS.map(({ key, placeholder }) => (
            <CommitField
              key={key}
              label={HEALTH_FIELDS[key]}
              value={hc[key] ?? ''}
              placeholder={placeholder}
              validate={(d) => (d.trim() === '' ? undefined : durationProblem(HEALTH_FIELDS[key], d.trim()))}
              onCommit={(d) => change(key, d.trim() || undefined)}
            />
          ))}
          <CommitField
            label={HEALTH_FIELDS.retries}
            type="number"
            min={1}
            value={hc.retries === undefined ? '' : String(hc.retries)}
            placeholder="3 (the default)"
            validate={(d) => wholeProblem(d, retriesProblem, true)}
            onCommit={(d) => change('retries', d.trim() === '' ? undefined : Number(d))}
          />
          <div className="check-field">
            <input
              id={`${id}-liveness`}
              type="checkbox"
              checked={hc.liveness === true}
              onChange={(e) => {
                const { liveness: _old, ...rest } = hc;
                put(e.target.checked ? { ...rest, liveness: true } : rest);
              }}
            />
            <label htmlFor={`${id}-liveness`}>Restart the container when it fails (Kubernetes liveness probe)</label>
          </div>
        </>
      )}
    </div>
  );
}
