import { Suspense } from 'react';
import { lazyRetry } from '../lazy/retry';
import { setTeachingOpen, useTeachingOpen } from './teach-state';

// The teaching view, its YAML reader and its texts are a chunk of their own, loaded when opened.
const TeachView = lazyRetry(() => import('./TeachView'));
// The capability matrix (../capabilities) is a chunk of its own too, loaded with the view.
const CapabilityMatrix = lazyRetry(() => import('../capabilities/CapabilityMatrix'));

/** Shows the teaching view over the designer while it is open (the designer stays mounted underneath). */
export function TeachingMount() {
  const open = useTeachingOpen();
  if (!open) return null;
  return (
    <Suspense fallback={<div className="teach-loading">Loading the teaching view…</div>}>
      <TeachView
        onClose={() => setTeachingOpen(false)}
        automates={
          <Suspense fallback={<p className="muted">Loading the capability matrix…</p>}>
            <CapabilityMatrix />
          </Suspense>
        }
      />
    </Suspense>
  );
}
