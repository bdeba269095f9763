import * as z from 'zod';
import { pastDate } from './dates.js';
import { HOUSEHOLD_ROLES, RELATIONSHIP_TYPES, VULNERABILITY_FACTORS } from './enums.js';
import { CONCERN_LIMITS, noRepeats, optionalText, text } from './text.js';

const NAME = 200;

/**
 * A person known to the organisation. Whether they are a child is never typed in: it is derived
 * from the date of birth at the date of each event (`isChildOn`).
 */
export const personInputSchema = z
  .object({
    givenName: text(NAME, 'Enter their first name'),
    familyName: text(NAME, 'Enter their last name'),
    otherNames: z._default(
      z
        .array(text(NAME, 'Enter the other name, or remove it'))
        .check(z.maxLength(10, { error: 'At most 10 other names' }), noRepeats('Give each name once')),
      [],
    ),
    dateOfBirth: z.optional(pastDate('The date of birth must be today or earlier')),
    pronouns: optionalText(50),
    preferredLanguage: optionalText(100),
    communicationNeeds: optionalText(CONCERN_LIMITS.reason),
    interpreterNeeded: z._default(z.boolean(), false),
    interpreterLanguage: optionalText(100),
    vulnerabilityFactors: z._default(
      z
        .array(z.enum(VULNERABILITY_FACTORS, { error: 'Select a factor from the list' }))
        .check(noRepeats('Select each factor once')),
      [],
    ),
    advocate: optionalText(CONCERN_LIMITS.shortText),
  })
  .check(
    z.refine(
      (value) => !value.interpreterNeeded || !!(value.interpreterLanguage ?? value.preferredLanguage),
      {
        error: 'Enter the language an interpreter is needed for',
        path: ['interpreterLanguage'],
      },
    ),
  );
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonData = z.output<typeof personInputSchema>;

/** Creating a person, optionally straight into a household (which also sharpens the duplicate check). */
export const createPersonInputSchema = z.object({
  person: personInputSchema,
  household: z.optional(
    z.object({
      householdId: z.uuid({ error: 'Select a household' }),
      role: z.enum(HOUSEHOLD_ROLES, { error: 'Select their place in the household' }),
      joinedOn: pastDate('The date they joined must be today or earlier'),
    }),
  ),
});
export type CreatePersonData = z.output<typeof createPersonInputSchema>;

/** A relationship from one person to another; its inverse is stored with it. */
export const relationshipInputSchema = z
  .object({
    personId: z.uuid({ error: 'Select a person' }),
    relatedPersonId: z.uuid({ error: 'Select the related person' }),
    type: z.enum(RELATIONSHIP_TYPES, { error: 'Select how they are related' }),
    note: optionalText(CONCERN_LIMITS.shortText),
  })
  .check(
    z.refine((value) => value.personId !== value.relatedPersonId, {
      error: 'A person cannot be related to themselves',
      path: ['relatedPersonId'],
    }),
  );
export type RelationshipData = z.output<typeof relationshipInputSchema>;

/** A reason, for restricting a record, merging two, closing a concern. */
export const reasonSchema = z.object({
  reason: text(CONCERN_LIMITS.reason, 'Enter the reason'),
});

/** Merging `mergedId` into `survivorId`: both histories are kept on the survivor. */
export const mergePeopleInputSchema = z
  .object({
    survivorId: z.uuid({ error: 'Select the record to keep' }),
    mergedId: z.uuid({ error: 'Select the record to merge into it' }),
    reason: text(CONCERN_LIMITS.reason, 'Enter why these are the same person'),
  })
  .check(
    z.refine((value) => value.survivorId !== value.mergedId, {
      error: 'Select two different records',
      path: ['mergedId'],
    }),
  );
