import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { withAutoLayout } from '../layout/auto-layout';
import { useAppStore } from '../store/useApp';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Opens a file the user picked or dropped: a blueprint, a Compose file or Kubernetes YAML becomes
 * the document (one undoable step); what the import could not carry is shown as a report.
 */
export function useOpenFile() {
  const store = useAppStore();
  const { fitView } = useReactFlow();
  return useCallback(
    async (file: File) => {
      const { dispatch, setReport } = store.getState();
      if (file.size > MAX_BYTES) {
        setReport({ title: `${file.name} is larger than 5 MiB`, ok: false, diagnostics: [] });
        return;
      }
      // Loaded on first use: the importers, the YAML readers and validation are not needed to draw.
      const { openText, validate } = await import('./open-text');
      const opened = openText(await file.text(), file.name);
      if (!opened.blueprint) {
        setReport({ title: `Could not open ${file.name}`, ok: false, diagnostics: opened.diagnostics });
        return;
      }
      // An import has no layout: ELK lays it out (loaded on first use), by dependency, left to right.
      dispatch({ kind: 'replaceDocument', blueprint: await withAutoLayout(opened.blueprint) });
      // Once the new nodes are measured, show all of them.
      setTimeout(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 }), 50);
      // Validation problems show in the problems list already; the report keeps what only the file knows.
      const known = new Set(validate(opened.blueprint).map((d) => `${d.code}|${d.path.join('.')}`));
      const diagnostics = opened.diagnostics.filter((d) => !known.has(`${d.code}|${d.path.join('.')}`));
      const verb = opened.format === 'imported' ? 'Imported' : 'Opened';
      setReport(diagnostics.length > 0 ? { title: `${verb} ${file.name}`, ok: true, diagnostics } : undefined);
    },
    [store, fitView],
  );
}
