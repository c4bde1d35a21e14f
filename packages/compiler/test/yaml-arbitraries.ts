import fc from 'fast-check';

/** Arbitraries for the YAML writer's property tests (src/yaml/*.test.ts). */

// Strings full of what YAML treats specially: indicators, reserved words, numbers, spaces, breaks.
export const special = fc.constantFrom(
  '',
  ' ',
  '-',
  '- ',
  ':',
  ': ',
  '#',
  ' #',
  '?',
  '!',
  '&',
  '*',
  '|',
  '>',
  '%',
  '@',
  '`',
  '"',
  "'",
  ',',
  '[',
  ']',
  '{',
  '}',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'n',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '.inf',
  '-.Inf',
  '.nan',
  '<<',
  '=',
  '0',
  '007',
  '0755',
  '0x1f',
  '0o17',
  '1e3',
  '-1.5',
  '+1',
  '22:22',
  '2001-12-14',
  '1_000',
  '\n',
  '\n\n',
  '\t',
  '\r\n',
  '\u0085',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  '\\',
  '$',
  '${X}',
);
export const yamlString = fc.oneof(
  fc.string(),
  fc.array(fc.oneof(special, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((a) => a.join('')),
);
export const scalarArb = fc.oneof(yamlString, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
export const valueArb = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalarArb, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(
    yamlString.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
    tie('value'),
    { maxKeys: 4 },
  ),
})).value;

// -0 reads back as 0 in some forms; compare numbers by value.
export const normalise = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));
