/** Stable finding fingerprints: rule + subject + field + arguments, hashed. */
import { createHash } from 'node:crypto';

export function fingerprint(rule: string, subject: string, field: string, args: string[] = []): string {
  return createHash('sha256').update([rule, subject, field, ...args].join('\u0000')).digest('hex').slice(0, 16);
}
