import type { Explanation, TourStep } from './content';

/** `code` spans in the tour's prose: text between backticks. */
function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
  return <p>{parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <span key={i}>{p}</span>))}</p>;
}

export function StepCard({ step }: { step: TourStep }) {
  return (
    <section className="teach-card teach-step" aria-label="Tour step">
      <p className="teach-kicker">{step.kicker}</p>
      <h2>{step.heading}</h2>
      {step.body.map((b) => (
        <Prose key={b} text={b} />
      ))}
      {step.code.map((c) => (
        <figure key={c.caption} className="teach-code">
          <figcaption>{c.caption}</figcaption>
          <pre>{c.text}</pre>
        </figure>
      ))}
    </section>
  );
}

export function ExplanationCard({ explanation: e, view }: { explanation: Explanation; view: string }) {
  return (
    <section className="teach-card teach-explain" data-explains={view} aria-label={e.title}>
      <h3>
        {e.title} <span className="muted">· {e.model}</span>
      </h3>
      <p>{e.summary}</p>
      <div className="teach-decides">
        <div>
          <h4>The orchestrator decides</h4>
          <ul>
            {e.orchestrator.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
        <div>
          <h4>You decide</h4>
          <ul>
            {e.user.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
