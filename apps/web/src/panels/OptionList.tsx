import { memo, useRef } from 'react';

/** `list`, or the array last returned when it holds the same strings in the same order (a memo key that survives edits). */
export function useSameList(list: readonly string[]): readonly string[] {
  const last = useRef(list);
  const prev = last.current;
  if (prev !== list && (prev.length !== list.length || list.some((x, i) => x !== prev[i]))) last.current = list;
  return last.current;
}

/**
 * A select's options, one per value, rendered again only when the list changes: the link form
 * offers every other service (999 options at 1,000 services), and an edit of the selected service
 * re-rendered and diffed them all in the keydown task.
 */
export const OptionList = memo(function OptionList({ values }: { values: readonly string[] }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {v}
    </option>
  ));
});
