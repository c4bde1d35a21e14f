export { type EmitResult, emitYaml, emitYamlDocuments, renderDocuments, renderEntries, scalar } from './emit';
export { Rendered } from './rendered';
export { type SourceRange, tag, tagOf } from './source-tag';
export { StreamedMapping } from './streamed';
