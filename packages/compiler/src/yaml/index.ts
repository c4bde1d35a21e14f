export { type EmitResult, emitYaml, emitYamlDocumentPieces, emitYamlDocuments, renderDocuments, renderEntries } from './emit';
export { Rendered } from './rendered';
export { scalar } from './scalar';
export { Recorder, Shaped, ShapeSet } from './shape';
export { type SourceRange, tag, tagOf } from './source-tag';
export { StreamedMapping } from './streamed';
export { Filled, materialize, Template } from './template';
export { writeSample } from './writer';
