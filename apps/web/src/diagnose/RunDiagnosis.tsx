import { useState } from 'react';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { failedStepText } from './failed-step';

type Diagnosis = Awaited<ReturnType<Api['diagnose']['run']['query']>>;

/** After a failed deploy on Docker: which step failed, the engine's message, the container's exit code and last lines, what to try. */
export function RunDiagnosis({ api, runId }: { api: Api; runId: string }) {
  const [d, setD] = useState<Diagnosis | undefined>(undefined);
  const store = useAppStore();
  // The document when the diagnosis came (it names the services of a failed pull's image); no subscription to edits.
  const [step, setStep] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const ask = () => {
    setBusy(true);
    setError(undefined);
    api.diagnose.run
      .query({ runId })
      .then((diagnosis) => {
        setStep(failedStepText(diagnosis, selectBlueprint(store.getState())));
        setD(diagnosis);
      })
      .catch((e: unknown) => setError(describeError(e).title))
      .finally(() => setBusy(false));
  };
  if (!d)
    return (
      <p className="diag-run-ask">
        <button type="button" className="diag-open" onClick={ask} disabled={busy}>
          {busy ? 'Diagnosing…' : 'Why did it fail?'}
        </button>
        {error && <span className="diag-error"> {error}</span>}
      </p>
    );
  const first = d.errors[0];
  return (
    <section className="diag-run" aria-label="Diagnosis">
      <dl className="diag-facts">
        {step && (
          <>
            <dt>Failed step</dt>
            <dd>{step}</dd>
          </>
        )}
        {first && (
          <>
            <dt>Engine said</dt>
            <dd>
              <code>{first.code}</code> {first.message}
            </dd>
          </>
        )}
        {d.exitCode !== undefined && (
          <>
            <dt>Exit code</dt>
            <dd>{d.exitCode}</dd>
          </>
        )}
      </dl>
      {d.logTail.length > 0 && (
        <pre className="diag-logtail" title="Last log lines">
          {d.logTail.join('\n')}
        </pre>
      )}
      {d.tryNext.length > 0 && (
        <ul className="diag-try" aria-label="What to try">
          {d.tryNext.map((t: string) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
