import * as z from 'zod';
import { inDateRange } from './dates.js';

/*
 * Every schema in this package is written with zod's functional API (`z.optional(x)`,
 * `.check(z.maxLength(n))`, `z.pipe(x, z.transform(f))`, `z._default(x, v)`), never the chained
 * methods (`.optional()`, `.max()`, `.transform()`, `.refine()`): those exist only in classic zod.
 * The gateway runs these schemas on classic zod; the widgets' bundles swap in `zod-lite.ts`, which
 * has only the functions listed there (the concern form is 36.9 kB gzipped on zod-lite and 42.2 kB
 * on zod/mini, measured 7 December 2026; 54.5 kB on classic zod when last measured). zod-lite.test.ts checks that zod-lite gives what zod gives on
 * every exported schema; the schema tests run on zod, zod/mini and zod-lite, and the widget tests on
 * zod-lite: a chained method, or a function zod-lite lacks, fails them.
 */

/** Limits shared by the forms (maxlength) and the gateway (validation). */
export const CONCERN_LIMITS = {
  /** A person's name, as a reporter gives it. */
  name: 200,
  shortText: 500,
  longText: 10_000,
  reason: 2_000,
} as const;

const tooLong = (max: number) =>
  z.maxLength(max, { error: `Must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** Half of a UTF-16 surrogate pair without its other half (with `u`, a whole pair is one character). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Whether `value` has a character PostgreSQL cannot keep in text: NUL (U+0000), or half of a UTF-16
 * surrogate pair on its own (a JSON string can carry one as `"\ud800"`; it is no character in UTF-8).
 */
export const hasUnstorableCharacter = (value: string): boolean =>
  value.includes('\u0000') || LONE_SURROGATE.test(value);

/** The message for text with such a character: it usually comes from copying and pasting. */
export const UNUSUAL_CHARACTERS =
  'Remove the unusual characters: some come in when text is copied and pasted';

/**
 * The check every text field has: no character that cannot be stored. The gateway refuses such text
 * in any argument before its schema runs (gateway/src/graphql/storable-text.ts), with the same message.
 */
export const storable = () =>
  z.refine<string>((value) => !hasUnstorableCharacter(value), { error: UNUSUAL_CHARACTERS });

/** Required free text: trimmed; blank counts as missing. */
export const text = (max: number, requiredMessage: string) =>
  z
    .string({ error: requiredMessage })
    .check(z.trim(), z.minLength(1, { error: requiredMessage }), tooLong(max), storable());

/** Optional free text: trimmed; blank becomes undefined. */
export const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), tooLong(max), storable())),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  );

/** A little clock drift between a phone and the server is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * When something happened: an ISO 8601 date-time with an offset, in years 0001 to 9999 (see
 * `inDateRange`), not in the future. Optional.
 */
export const happenedAtSchema = z.optional(
  z.iso.datetime({ offset: true, error: 'Enter a real date and time' }).check(
    z.refine((value) => inDateRange(Date.parse(value)), { error: 'Enter a real date and time' }),
    z.refine((value) => Date.parse(value) <= Date.now() + FUTURE_TOLERANCE_MS, {
      error: 'The date and time must be in the past',
    }),
  ),
);

/**
 * A client-generated key that makes a submission exactly-once: the same key with the same input
 * returns the first result. A UUID is a good key.
 */
export const idempotencyKeySchema = z.string({ error: 'An idempotency key is required' }).check(
  z.regex(/^[A-Za-z0-9_-]{16,100}$/, {
    error: 'The idempotency key must be 16 to 100 letters, digits, hyphens or underscores',
  }),
);

/** No value twice in a list. */
export const noRepeats = <T>(message: string) =>
  z.refine<readonly T[]>((values) => new Set(values).size === values.length, { error: message });

/** Where a risk record (a DASH checklist, a capacity assessment) is kept: a concern or a case. */
export const concernOrCaseFields = () => ({
  concernId: z.optional(z.uuid({ error: 'Choose the concern' })),
  caseId: z.optional(z.uuid({ error: 'Choose the case' })),
});

/** Exactly one of `concernId` and `caseId`. */
export const onConcernOrCase = () =>
  z.superRefine<{ concernId?: string | undefined; caseId?: string | undefined }>((value, ctx) => {
    if (!value.concernId === !value.caseId) {
      ctx.addIssue({
        code: 'custom',
        path: [value.concernId ? 'caseId' : 'concernId'],
        message: value.concernId
          ? 'Record it on the concern or on the case, not both'
          : 'Choose the concern or the case it is recorded on',
      });
    }
  });
