import * as z from 'zod';
import { pastDate } from './dates.js';
import { CONCERN_PERSON_ROLES, LOCATIONS_OF_RISK, SOURCES_OF_RISK } from './enums.js';
import { CONCERN_LIMITS, noRepeats, optionalText, text } from './text.js';

/** The most people a concern can name who are not on record. */
export const MAX_NAMED_PEOPLE = 10;

/**
 * Someone the reporter names who is not on Doorstep's records, or not listed in the household they
 * chose: a new partner, a visitor, a child not on the tenancy. Kept with the concern; the
 * safeguarding team finds or adds their record. Whether they are a child comes from the date of
 * birth when one is given, as for everyone else.
 */
export const namedPersonSchema = z.object({
  name: text(CONCERN_LIMITS.name, 'Enter their name, or what people call them'),
  role: z.enum(CONCERN_PERSON_ROLES, {
    error: 'Say whether the concern is about them or they may be causing the harm',
  }),
  dateOfBirth: z.optional(pastDate('The date of birth must be today or earlier')),
  description: optionalText(CONCERN_LIMITS.shortText),
});
export type NamedPersonData = z.output<typeof namedPersonSchema>;

/**
 * Who and where a concern is about, by record: the people it is about (subjects), apart from them
 * the alleged sources of harm, the household, people named who are not on record, and the Safeguarding Adults Collection's location and
 * source of risk. All optional (and left out of the parsed input when not given), so a form that only
 * describes the person in words works as before.
 */
export const concernLinksShape = {
  subjectIds: z.optional(
    z
      .array(z.uuid({ error: 'Select a person' }))
      .check(z.maxLength(20, { error: 'At most 20 people' }), noRepeats('Select each person once')),
  ),
  allegedSourceIds: z.optional(
    z
      .array(z.uuid({ error: 'Select a person' }))
      .check(z.maxLength(20, { error: 'At most 20 people' }), noRepeats('Select each person once')),
  ),
  householdId: z.optional(z.uuid({ error: 'Select a household' })),
  namedPeople: z.optional(
    z
      .array(namedPersonSchema)
      .check(z.maxLength(MAX_NAMED_PEOPLE, { error: `At most ${MAX_NAMED_PEOPLE} people` })),
  ),
  locationOfRisk: z.optional(z.enum(LOCATIONS_OF_RISK, { error: 'Select where the risk was' })),
  sourceOfRisk: z.optional(z.enum(SOURCES_OF_RISK, { error: 'Select who the risk came from' })),
};

/** A person is either someone the concern is about or an alleged source of harm, not both. */
export const subjectsApartFromSources = z.refine<{ subjectIds?: string[]; allegedSourceIds?: string[] }>(
  (value) => !(value.allegedSourceIds ?? []).some((id) => (value.subjectIds ?? []).includes(id)),
  {
    error: 'A person the concern is about cannot also be an alleged source of harm',
    path: ['allegedSourceIds'],
  },
);
