import type { Blueprint } from '@blaupause/model';
import { Suspense, useEffect } from 'react';
import { lazyRetry } from '../lazy/retry';
import { useApp } from '../store/useApp';
import { useSemanticBlueprint } from '../store/useSemanticBlueprint';

// The forms (service, network, edge…) are a chunk of their own, loaded once the first paint is
// done (the page starts with nothing selected): the initial chunk carries the summary only.
const loadSelected = () => import('./InspectorSelected');
const Selected = lazyRetry(loadSelected);

/** A form for the selected element; a summary of the blueprint when nothing (or several) is selected. */
export function Inspector() {
  // Not re-rendered by a drag: it shows no positions (a new document every frame re-ran its forms, 1,000 link options).
  const bp = useSemanticBlueprint();
  const selection = useApp((s) => s.selection);
  const only = selection.length === 1 ? selection[0] : undefined;
  useEffect(() => {
    const t = setTimeout(() => void loadSelected().catch(() => undefined), 0);
    return () => clearTimeout(t);
  }, []);
  return (
    <section className="inspector" id="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {only === undefined ? (
        <Summary bp={bp} selected={selection.length} />
      ) : (
        <Suspense fallback={<div className="inspector-body" aria-busy="true" />}>
          <Selected bp={bp} id={only} />
        </Suspense>
      )}
    </section>
  );
}

function Summary({ bp, selected }: { bp: Blueprint; selected: number }) {
  const services = Object.keys(bp.services).length;
  const volumes = Object.keys(bp.volumes ?? {}).length;
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Blueprint</span> {bp.metadata.name}
      </p>
      {bp.metadata.description && <p className="muted">{bp.metadata.description}</p>}
      <p className="muted">
        {services} {services === 1 ? 'service' : 'services'}, {volumes} {volumes === 1 ? 'volume' : 'volumes'}
        {selected > 1 ? ` · ${selected} elements selected` : ' · select a node to edit it'}
      </p>
    </div>
  );
}
