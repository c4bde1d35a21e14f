import type { DeployPlan } from './api-types';

const ORDER = ['create', 'recreate', 'update', 'start', 'scale-up', 'scale-down', 'remove', 'unchanged'];

/** What a deploy would do, per container: create / recreate / remove / unchanged (and scaling), volumes kept. */
export function PlanView({ plan }: { plan: DeployPlan }) {
  const actions = [...plan.actions].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.service.localeCompare(b.service));
  return (
    <section className="deploy-plan" aria-label="Plan">
      <h3 className="deploy-subtitle">
        Plan for <code>{plan.project}</code> {plan.noop && <span className="muted">— nothing to change</span>}
      </h3>
      <ul className="plan-list">
        {actions.map((a) => (
          <li key={`${a.kind}:${a.elementId}:${a.replica ?? ''}`} className={`plan-item plan-${a.kind}`}>
            <span className="plan-kind">{a.kind}</span>
            <span className="plan-target">
              {a.service}
              {a.container && a.container !== a.service ? `/${a.container}` : ''}
              {a.replica ? ` #${a.replica}` : ''}
            </span>
            {a.reason && <span className="plan-reason muted">{a.reason}</span>}
          </li>
        ))}
        {plan.resources
          .filter((r) => r.kind !== 'keep' || r.resource === 'volume')
          .map((r) => (
            <li key={`${r.resource}:${r.name}`} className={`plan-item plan-${r.kind === 'keep' ? 'unchanged' : r.kind}`}>
              <span className="plan-kind">{r.kind}</span>
              <span className="plan-target">
                {r.resource} {r.name}
              </span>
              {r.reason && <span className="plan-reason muted">{r.reason}</span>}
            </li>
          ))}
      </ul>
    </section>
  );
}
