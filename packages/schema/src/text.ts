import { z } from 'zod';

/** Limits shared by the forms (maxlength) and the gateway (validation). */
export const CONCERN_LIMITS = {
  shortText: 500,
  longText: 10_000,
  reason: 2_000,
} as const;

const tooLong = (max: number) => `Must be ${max.toLocaleString('en-GB')} characters or fewer`;

/** Required free text: trimmed; blank counts as missing. */
export const text = (max: number, requiredMessage: string) =>
  z
    .string({ error: requiredMessage })
    .trim()
    .min(1, { error: requiredMessage })
    .max(max, { error: tooLong(max) });

/** Optional free text: trimmed; blank becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong(max) })
    .optional()
    .transform((value) => (value ? value : undefined));

/** A little clock drift between a phone and the server is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** When something happened: an ISO 8601 date-time with an offset, not in the future. Optional. */
export const happenedAtSchema = z.iso
  .datetime({ offset: true, error: 'Enter a real date and time' })
  .optional()
  .refine((value) => !value || Date.parse(value) <= Date.now() + FUTURE_TOLERANCE_MS, {
    error: 'The date and time must be in the past',
  });

/**
 * A client-generated key that makes a submission exactly-once: the same key with the same input
 * returns the first result. A UUID is a good key.
 */
export const idempotencyKeySchema = z
  .string({ error: 'An idempotency key is required' })
  .regex(/^[A-Za-z0-9_-]{16,100}$/, {
    error: 'The idempotency key must be 16 to 100 letters, digits, hyphens or underscores',
  });
