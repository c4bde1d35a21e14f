// The Blueprint text's reader (the YAML reader and the schema, ~280 KB): a chunk of its own, loaded
// after the editor has shown its first line, so it is not on the way to that line (YamlEditor.tsx).
export { loadBlueprint } from '@blaupause/model';
