import * as z from 'zod';
import { LOCATIONS_OF_RISK, SOURCES_OF_RISK } from './enums.js';
import { noRepeats } from './text.js';

/**
 * Who and where a concern is about, by record: the people it is about (subjects), apart from them
 * the alleged sources of harm, the household, and the Safeguarding Adults Collection's location and
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
