export { type EmitResult, emitYaml, emitYamlDocumentPieces, emitYamlDocuments, renderDocuments, renderEntries } from './emit';
export { Rendered } from './rendered';
export { scalar } from './scalar';
export { type SourceRange, tag, tagOf } from './source-tag';
export { StreamedMapping } from './streamed';
export { Filled, materialize, Template } from './template';
