import type { ContainerRole, Healthcheck, HealthTest } from '@blaupause/model';
import { useId, useState } from 'react';
import { durationProblem, HEALTH_FIELDS, healthPathProblem, portProblem, retriesProblem } from '../model/container-commands';
import { useApp } from '../store/useApp';
import { CommitField } from './CommitField';
import { WordsForm } from './WordsForm';

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
export function HealthForm({
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
