import { type Danger, elementLabel } from './dangers';

/**
 * The dangerous settings of a deploy, listed plainly (who, what, why), and the typed confirmation
 * that enables Deploy: the project's name. Nothing is pre-filled, and a new list starts empty again.
 */
export function DangerConfirm({
  dangers,
  project,
  typed,
  onType,
}: {
  dangers: readonly Danger[];
  project: string;
  typed: string;
  onType: (value: string) => void;
}) {
  if (dangers.length === 0) return null;
  return (
    <section className="deploy-dangers" aria-label="Dangerous settings" role="alert">
      <h3 className="deploy-subtitle">
        {dangers.length} dangerous setting{dangers.length === 1 ? '' : 's'}: these containers get power over this machine
      </h3>
      <ul className="danger-list">
        {dangers.map((d) => (
          <li key={d.id} className="danger-item">
            <strong>{elementLabel(d.elementId)}</strong> — {d.why}
            <div className="muted">
              <code>{d.field}</code> = <code>{d.value}</code>
            </div>
          </li>
        ))}
      </ul>
      <label className="deploy-project">
        <span>
          Type <code>{project}</code> to deploy with these settings
        </span>
        <input
          value={typed}
          onChange={(e) => onType(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-label="Project name to confirm"
        />
      </label>
    </section>
  );
}
