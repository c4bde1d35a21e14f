import { lazy, Suspense } from 'react';
import { setTeachingOpen, useTeachingOpen } from './teach-state';

// The teaching view, its YAML reader and its texts are a chunk of their own, loaded when opened.
const TeachView = lazy(() => import('./TeachView'));

/** Shows the teaching view over the designer while it is open (the designer stays mounted underneath). */
export function TeachingMount() {
  const open = useTeachingOpen();
  if (!open) return null;
  return (
    <Suspense fallback={<div className="teach-loading">Loading the teaching view…</div>}>
      <TeachView onClose={() => setTeachingOpen(false)} />
    </Suspense>
  );
}
