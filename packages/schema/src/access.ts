import * as z from 'zod';

/** The records that can be restricted, and so granted or broken into. */
export const GRANT_SUBJECT_TYPES = ['Person', 'Household'] as const;

// Functional zod API only: see text.ts.
const reason = z
  .string({ error: 'Give the reason' })
  .check(
    z.trim(),
    z.minLength(10, { error: 'Give the reason in a sentence: it is read by the safeguarding lead' }),
    z.maxLength(1_000, { error: 'Must be 1,000 characters or fewer' }),
  );

const subjectType = z.enum(GRANT_SUBJECT_TYPES, { error: 'Say whether it is a person or a household' });

/** Break-glass: emergency access to a record you would not otherwise see, for a short time. */
export const breakGlassInputSchema = z.object({
  subjectType,
  subjectId: z.uuid({ error: 'Must be a record id' }),
  reason,
  minutes: z._default(
    z
      .int()
      .check(
        z.gte(15, { error: 'At least 15 minutes' }),
        z.lte(240, { error: 'At most 4 hours: ask a safeguarding lead for longer access' }),
      ),
    60,
  ),
});

/** A safeguarding lead gives a member of staff access to a restricted record. */
export const grantAccessInputSchema = z.object({
  userId: z.uuid({ error: 'Must be a user id' }),
  subjectType,
  subjectId: z.uuid({ error: 'Must be a record id' }),
  reason,
  days: z._default(
    z.int().check(z.gte(1, { error: 'At least 1 day' }), z.lte(90, { error: 'At most 90 days' })),
    30,
  ),
});

export type BreakGlassInput = z.input<typeof breakGlassInputSchema>;
export type GrantAccessInput = z.input<typeof grantAccessInputSchema>;
