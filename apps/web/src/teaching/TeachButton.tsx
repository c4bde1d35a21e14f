import { setTeachingOpen } from './teach-state';

/** The toolbar's way into the teaching view (1-level vs 2-level orchestration). */
export function TeachButton() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => setTeachingOpen(true)}
      title="Explain the blueprint as 1-level and 2-level orchestration"
    >
      Teach
    </button>
  );
}
