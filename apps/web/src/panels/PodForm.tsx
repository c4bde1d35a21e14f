import type { Service } from '@blaupause/model';
import { useCallback, useState } from 'react';
import { AddHelperForm } from './AddHelperForm';
import { ContainerRow } from './ContainerRow';
import { useSameList } from './OptionList';

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
