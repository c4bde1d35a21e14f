export { type EmitResult, emitYaml, emitYamlDocuments, scalar } from './emit';
export { type SourceRange, tag, tagOf } from './source-tag';
export { StreamedMapping } from './streamed';
