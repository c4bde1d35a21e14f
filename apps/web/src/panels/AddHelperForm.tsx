import type { ContainerRole } from '@blaupause/model';
import { type FormEvent, memo, useId, useState } from 'react';
import { uniqueName } from '../model/names';
import { useApp } from '../store/useApp';
import { imageProblem } from './field-rules';

const HELPER_ROLES: readonly ContainerRole[] = ['sidecar', 'ambassador', 'adapter', 'init'];

interface Props {
  service: string;
  containers: readonly string[];
  /** Called with the new helper's name once it is in the pod. */
  onAdded?: (name: string) => void;
}

/**
 * Adds a helper container (named after its role) to the pod. Memoised: give it the same `containers`
 * array while the names are the same, and a stable `onAdded`.
 */
export const AddHelperForm = memo(function AddHelperForm({ service, containers, onAdded }: Props) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [role, setRole] = useState<ContainerRole>('sidecar');
  const [image, setImage] = useState('');
  const problem = image.trim() ? imageProblem(image) : 'Give the helper an image.';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    const name = uniqueName(role, containers);
    if (dispatch({ kind: 'addContainer', service, name, role, image: image.trim() })) {
      setImage('');
      onAdded?.(name);
    }
  };
  return (
    <form className="add-helper" onSubmit={submit} aria-label="Add a helper container">
      <label htmlFor={`${id}-role`} className="sr-only">
        Helper role
      </label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ContainerRole)}>
        {HELPER_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-image`} className="sr-only">
        Helper image
      </label>
      <input id={`${id}-image`} value={image} placeholder="helper image" spellCheck={false} onChange={(e) => setImage(e.target.value)} />
      <button type="submit" className="button" disabled={!!problem} aria-label="Add helper container" title={problem}>
        Add
      </button>
    </form>
  );
});
