import seed from 'virtual:seed-document';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openingDocument } from './boot/opening';
import { withDefaultLayout } from './flow/default-layout';
import { withAutoLayout } from './layout/auto-layout';
import { hybridStorage, libraryStorage, newLibraryId } from './library/browser-storage';
import { LibraryContext } from './library/LibraryContext';
import { createLibrary } from './library/library-controller';
import { openDocumentDb } from './persistence/doc-db';
import { createDocumentSave, createDocumentText } from './persistence/document-text';
import { AppContext } from './store/app-context';
import { createAppStore, selectBlueprint } from './store/store';
import { browserThemeController } from './theme/browser-theme';
import { ThemeContext } from './theme/ThemeContext';
import AnalysisWorker from './worker/analysis.worker?worker';
import { createAnalysisSource } from './worker/analysis-source';
import { connectWorker, type WorkerLike } from './worker/connect';
import '@xyflow/react/dist/style.css';
import { localStorageOrUndefined } from './persistence/web-storage';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/nodes.css';
import './styles/panels.css';
import './styles/inspector.css';
import './styles/problems.css';

// Composition root: the store, the analysis worker and the storage are created here and injected, never on import.
// The worker loads documents (schema, migrations, YAML readers) and analyses them (validation,
// compilers), so none of that is in the initial chunk or runs on the main thread.
const storage = localStorageOrUndefined();
// The theme first: its colours are on <html> before anything renders (no flash of the other theme).
const theme = browserThemeController(storage);
const { analysisPort, documents, text, save } = connectWorker(new AnalysisWorker() as unknown as WorkerLike);
const analysis = createAnalysisSource(analysisPort);
// The library's documents live in IndexedDB (its index in localStorage): which ones it holds is read
// first (a few ms, no worker needed). Where IndexedDB is unusable (or does not answer within 2 s),
// documents stay in localStorage as before.
const hybrid = storage ? hybridStorage(libraryStorage(storage), openDocumentDb()) : undefined;
const withDb = hybrid ? await Promise.race([hybrid.loadIds(), new Promise<false>((r) => setTimeout(() => r(false), 2000))]) : false;
// The library of saved blueprints loads (and moves an older single autosave into itself) before
// the worker restores its current blueprint from the storage entries.
const library = storage
  ? createLibrary({
      storage: withDb && hybrid ? hybrid : libraryStorage(storage),
      restore: documents.restore,
      template: async (id) => withAutoLayout(await documents.template(id)),
      withLayout: withDefaultLayout,
      now: Date.now,
      newId: newLibraryId,
      // Autosave: the worker makes the text from the document it analyses (not JSON.stringify here)
      // and writes it into IndexedDB itself; without IndexedDB the page writes its text to localStorage.
      ...(withDb && hybrid
        ? { documents: hybrid, saveInWorker: createDocumentSave(analysis.sent, save) }
        : { text: createDocumentText(analysis.sent, text) }),
    })
  : undefined;
// (Only the library's current blueprint goes to the worker, not every saved one.) A first visit
// opens the seed, bundled as a document: the canvas paints without waiting for the worker.
const entries = storage ? (library ? await library.restoreEntries() : appEntries(storage)) : {};
const opening = await openingDocument(entries, documents.restore, seed);
const store = createAppStore(withDefaultLayout(opening.blueprint));
library?.attach(store, opening.restored);
// Documents still in localStorage (from versions before IndexedDB, or saved there at the last
// pagehide) move into IndexedDB once the page is up; each leaves localStorage only once IndexedDB holds it.
if (withDb && hybrid) setTimeout(() => void hybrid.move(), 1000);
// The analysis follows the store: every new document goes to the worker (moves are filtered there).
analysis.request(selectBlueprint(store.getState()));
store.subscribe((s) => analysis.request(selectBlueprint(s)));
const context = { store, analysis, documents, storage };

/** A copy of the app's entries in the storage (keys starting with "blaupause"), for the worker to restore from. */
function appEntries(storage: Storage): Record<string, string> {
  const entries: Record<string, string> = {};
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const value = key?.startsWith('blaupause') ? storage.getItem(key) : null;
      if (key && value !== null) entries[key] = value;
    }
  } catch {
    // storage that refuses to be read restores nothing
  }
  return entries;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ThemeContext value={theme}>
      <AppContext value={context}>
        <LibraryContext value={library}>
          <App />
        </LibraryContext>
      </AppContext>
    </ThemeContext>
  </StrictMode>,
);
