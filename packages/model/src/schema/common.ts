import { z } from 'zod';
import { DNS_LABEL, DNS_LABEL_MAX } from './dns-label';
import { DURATION } from './duration';
import { QUANTITY } from './quantity';

// Re-exported from a module without zod, so code that needs only the rule does not bundle zod.
export { DNS_LABEL, DNS_LABEL_MAX } from './dns-label';

export const Name = z
  .string()
  .max(DNS_LABEL_MAX)
  .regex(DNS_LABEL, 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit')
  .describe('DNS-1123 label (lower-case letters, digits, "-"; at most 63 characters)');

// Durations as Compose writes them (1h30m, 10s, 500ms): re-exported from a module without zod, as QUANTITY is.
export { DURATION } from './duration';
export const Duration = z
  .string()
  .regex(DURATION, 'must be a duration such as 10s, 1m30s or 500ms')
  .describe('duration such as 10s, 1m30s, 500ms');

// Re-exported from a module without zod (the designer's initial chunk validates sizes with it).
export { QUANTITY } from './quantity';
export const Quantity = z.string().regex(QUANTITY, 'must be a size such as 512Mi, 1Gi or 100M').describe('size such as 512Mi, 1Gi, 100M');

export const Port = z.number().int().min(1).max(65535);
export const Protocol = z.enum(['tcp', 'udp']);

/** Environment and label keys: anything printable without "=", and never a prototype key. */
export const StringMap = z.record(z.string().min(1), z.string());

export const Labels = StringMap.describe('labels (key → value)');
