import { useEffect, useState } from 'react';
import type { Api } from './api-types';
import { describeError } from './errors';

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Contexts = Out<Api['engine']['kubeContexts']['query']>;

/**
 * The kubeconfig context the Kubernetes target deploys to. The choice is the server's (one user,
 * one machine); after a switch the targets are asked again, so the engine line shows the new cluster.
 */
export function KubeContextPicker({ api, onChanged, disabled }: { api: Api; onChanged: () => void; disabled?: boolean }) {
  const [state, setState] = useState<Contexts | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    api.engine.kubeContexts
      .query()
      .then((c) => current && setState(c))
      .catch((e) => current && setError(describeError(e).title));
    return () => {
      current = false;
    };
  }, [api]);

  if (error) return <p className="deploy-help is-bad">{error}</p>;
  if (!state) return null;
  if (state.contexts.length === 0)
    return (
      <p className="muted deploy-help">
        No kubeconfig contexts{state.error ? `: ${state.error}` : ''}. Set KUBECONFIG before starting the server.
      </p>
    );
  const chosen = state.contexts.find((c) => c.current)?.name ?? '';
  const pick = async (name: string) => {
    setError(undefined);
    try {
      await api.engine.useKubeContext.mutate({ context: name });
      setState({ ...state, contexts: state.contexts.map((c) => ({ ...c, current: c.name === name })) });
      onChanged();
    } catch (e) {
      setError(describeError(e).title);
    }
  };
  return (
    <label className="deploy-target">
      <span>Context</span>
      <select value={chosen} onChange={(e) => void pick(e.target.value)} disabled={disabled}>
        {state.contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({c.cluster}
            {c.namespace ? `, ${c.namespace}` : ''})
          </option>
        ))}
      </select>
    </label>
  );
}
