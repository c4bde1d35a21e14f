import { type DeployTargetKind, TARGET_HELP, type TargetStatus } from './targets';

/**
 * Where Deploy goes: the targets the server offers, each marked when its engine does not answer
 * (it stays choosable, so its hint says what to start). The live status follows the choice.
 */
export function TargetPicker({
  targets,
  value,
  onChange,
  disabled,
}: {
  targets: readonly TargetStatus[];
  value: DeployTargetKind;
  onChange: (kind: DeployTargetKind) => void;
  disabled?: boolean;
}) {
  if (targets.length <= 1) return null;
  return (
    <div className="deploy-target">
      <label htmlFor="deploy-target-select">Target</label>
      <select
        id="deploy-target-select"
        value={value}
        onChange={(e) => onChange(e.target.value as DeployTargetKind)}
        disabled={disabled}
        aria-describedby="deploy-target-help"
      >
        {targets.map((t) => (
          <option key={t.kind} value={t.kind}>
            {t.label}
            {t.connected ? '' : ' — not reachable'}
          </option>
        ))}
      </select>
      <p id="deploy-target-help" className="muted deploy-help">
        {TARGET_HELP[value]}
      </p>
    </div>
  );
}
