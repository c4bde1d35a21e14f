import { loader } from '@monaco-editor/react';
// The full entry: besides the core it adapts createWebWorker to the {moduleId, label} form monaco-yaml
// uses (edcore alone leaves the YAML worker without its handlers). Its other languages are lazy chunks.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import blueprintSchema from '../../../../../packages/model/blueprint.schema.json';

/** The URI of the editable Blueprint model: the blueprint JSON Schema applies to it only. */
export const BLUEPRINT_URI = 'inmemory://blaupause/blueprint.yaml';

/**
 * Monaco from the bundle, never from a CDN (issue 3: works offline). Its workers are Vite `?worker`
 * chunks of this origin. Imported only by the lazy YAML editor, so none of this is in the initial chunk.
 */
self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: [
    { uri: 'https://blaupause.dev/schemas/blueprint-v1.schema.json', fileMatch: [BLUEPRINT_URI], schema: blueprintSchema as object },
  ],
});

export { monaco };

// Monaco cancels its pending language requests (folding, links, validation…) when a model changes or
// is switched, and some of those cancellations surface as unhandled rejections named "Canceled". They
// are expected, not errors: keep them out of the console.
window.addEventListener('unhandledrejection', (e) => {
  const reason: unknown = e.reason;
  if (reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled') e.preventDefault();
});
