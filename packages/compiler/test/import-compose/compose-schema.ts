import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The official Compose Specification schema (test/schemas/compose-spec.json), compiled with the
 * same settings as compose-schema.test.ts: strict about keywords, Compose's own formats added.
 */
const schema = JSON.parse(readFileSync(new URL('../schemas/compose-spec.json', import.meta.url), 'utf8'));
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
});
addFormats(ajv);
ajv.addFormat('duration', /^(\d+(\.\d+)?(h|m|s|ms|us|ns))+$/);
ajv.addFormat('expose', { type: 'string', validate: (s: string) => /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(s) });
ajv.addFormat('ports', true);
const validate = ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });

/** The schema errors of a Compose document, one line each; empty when it is valid. */
export function composeSchemaErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}
