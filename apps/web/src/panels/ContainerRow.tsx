import type { Container, ContainerRole } from '@blaupause/model';
import { memo, useEffect, useId, useRef } from 'react';
import { mountsOf } from '../model/container-commands';
import { useApp } from '../store/useApp';
import { CommitField } from './CommitField';
import { EnvForm } from './EnvForm';
import { imageProblem, nameProblem } from './field-rules';
import { focusRowAt } from './focus-row';
import { HealthForm } from './HealthForm';
import { CommandForm } from './WordsForm';

const HELPER_ROLES: readonly ContainerRole[] = ['sidecar', 'ambassador', 'adapter', 'init'];

const ROLE_HINTS: Record<ContainerRole, string> = {
  main: 'the service itself',
  sidecar: 'extends the main container',
  ambassador: 'proxies its outbound connections',
  adapter: 'normalises its output',
  init: 'runs to completion before the others start',
};
/** What removing a container takes with it, in words: shown beside its remove button and announced after. */
function removalNote(name: string, c: Container): string {
  const mounts = mountsOf(c);
  return mounts.length === 0
    ? `Removed ${name}.`
    : `Removed ${name} with its ${mounts.length === 1 ? 'mount' : 'mounts'} of ${mounts.join(', ')}; the ${mounts.length === 1 ? 'volume stays' : 'volumes stay'}.`;
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
export const ContainerRow = memo(function ContainerRow({
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
