import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { FIT_VIEW_ANIMATED } from '../canvas/fit-view';
import { withAutoLayout } from '../layout/auto-layout';
import { useOpenDocument } from '../library/open-document';
import { useAppStore } from '../store/useApp';
import type { Opened } from './open-text';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Opens a file the user picked or dropped: a blueprint, a Compose file or Kubernetes YAML opens as a
 * new blueprint in the library (the one on the canvas is kept; a blank canvas is replaced, one
 * undoable step — library/open-document.ts); what the import could not carry is shown as a report.
 */
export function useOpenFile() {
  const store = useAppStore();
  const apply = useApplyOpened();
  return useCallback(
    async (file: File) => {
      if (file.size > MAX_BYTES) {
        store.getState().setReport({ title: `${file.name} is larger than 5 MiB`, ok: false, diagnostics: [] });
        return;
      }
      // Loaded on first use: the importers, the YAML readers and validation are not needed to draw.
      const { openText } = await import('./open-text');
      await apply(openText(await file.text(), file.name), file.name);
    },
    [store, apply],
  );
}

/**
 * Opens a folder the user picked (`<input webkitdirectory>`): its Compose file with its `.env` and
 * env_files, read in the browser. Only small files outside node_modules and .git are read.
 */
export function useOpenFolder() {
  const apply = useApplyOpened();
  return useCallback(
    async (list: readonly File[]) => {
      const files = list.filter((f) => f.size <= MAX_BYTES && !/(^|\/)(node_modules|\.git)\//.test(relative(f))).slice(0, 500);
      const { openFolderFiles } = await import('./open-folder');
      const folder = (list[0]?.webkitRelativePath ?? '').split('/')[0] || 'the folder';
      const texts = await Promise.all(files.map(async (f) => ({ path: relative(f), text: await f.text() })));
      const opened = openFolderFiles(texts, folder);
      await apply(opened, opened.file ? `${folder}/${opened.file}` : folder);
    },
    [apply],
  );
}

/** "shop/conf/app.env" → "conf/app.env": the path inside the picked folder. */
const relative = (f: File) => (f.webkitRelativePath || f.name).split('/').slice(1).join('/') || f.name;

function useApplyOpened() {
  const store = useAppStore();
  const { fitView } = useReactFlow();
  const openDocument = useOpenDocument();
  return useCallback(
    async (opened: Opened, name: string) => {
      const { setReport } = store.getState();
      const { validate } = await import('./open-text');
      if (!opened.blueprint) {
        setReport({ title: `Could not open ${name}`, ok: false, diagnostics: opened.diagnostics });
        return;
      }
      // An import has no layout: ELK lays it out (loaded on first use), by dependency, left to right.
      // A blueprint with anything in it is kept: the file opens as a new one (open-document.ts).
      if (openDocument(await withAutoLayout(opened.blueprint)) === 'failed') return;
      // Once the new nodes are measured, show all of them.
      setTimeout(() => void fitView(FIT_VIEW_ANIMATED), 50);
      // Validation problems show in the problems list already; the report keeps what only the file knows.
      const known = new Set(validate(opened.blueprint).map((d) => `${d.code}|${d.path.join('.')}`));
      const diagnostics = opened.diagnostics.filter((d) => !known.has(`${d.code}|${d.path.join('.')}`));
      const verb = opened.format === 'imported' ? 'Imported' : 'Opened';
      setReport(diagnostics.length > 0 ? { title: `${verb} ${name}`, ok: true, diagnostics } : undefined);
    },
    [store, fitView, openDocument],
  );
}
