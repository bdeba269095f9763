import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageOn,
  householdInputSchema,
  INVERSE_RELATIONSHIP,
  isChildOn,
  isoDate,
  isoDateOf,
  parseWith,
  pastDate,
  personInputSchema,
  raiseConcernInputSchema,
  RELATIONSHIP_TYPES,
  warningInputSchema,
} from './index.js';

const fields = (result: ReturnType<typeof parseWith>) =>
  result.ok ? [] : result.errors.map((e) => e.field).sort();

describe('dates', () => {
  it('derive childhood from the date of birth on the day of the event', () => {
    expect(ageOn('2008-03-15', '2026-03-14')).toBe(17);
    expect(ageOn('2008-03-15', '2026-03-15')).toBe(18);
    expect(isChildOn('2008-03-15', '2026-03-14')).toBe(true);
    expect(isChildOn('2008-03-15', new Date('2026-03-15T00:30:00Z'))).toBe(false);
    expect(isChildOn(null, '2026-01-01')).toBeNull();
  });

  it('refuse text that is no date at all with a message, without throwing', () => {
    for (const value of ['last week', 'abc', '2026-02-30', '']) {
      expect(fields(parseWith(isoDate(), value)), value).toEqual(['_']);
      expect(fields(parseWith(pastDate('Past'), value)), value).toEqual(['_']);
    }
  });

  it('add calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', 12)).toBe('2027-11-25');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('relationships', () => {
  it('each have an inverse whose inverse is themselves', () => {
    for (const type of RELATIONSHIP_TYPES)
      expect(INVERSE_RELATIONSHIP[INVERSE_RELATIONSHIP[type]]).toBe(type);
    expect(INVERSE_RELATIONSHIP.PARENT).toBe('CHILD');
    expect(INVERSE_RELATIONSHIP.CARER).toBe('CARED_FOR');
  });
});

describe('people and households', () => {
  it('need a name, a real past date of birth, and the interpreter’s language', () => {
    expect(
      fields(parseWith(personInputSchema, { givenName: ' ', familyName: 'X', dateOfBirth: '2026-02-30' })),
    ).toEqual(['dateOfBirth', 'givenName']);
    expect(
      fields(parseWith(personInputSchema, { givenName: 'A', familyName: 'B', interpreterNeeded: true })),
    ).toEqual(['interpreterLanguage']);
    expect(
      parseWith(personInputSchema, {
        givenName: 'A',
        familyName: 'B',
        interpreterNeeded: true,
        preferredLanguage: 'Urdu',
      }).ok,
    ).toBe(true);
  });

  it('tidy a postcode and refuse one that is not', () => {
    const base = {
      tenancyReference: 'T-1',
      addressLine1: '1 Road',
      localAuthorityArea: 'Council',
      tenure: 'SOCIAL_RENT',
    };
    const tidy = parseWith(householdInputSchema, { ...base, postcode: 'rv12ab' });
    expect(tidy.ok && tidy.data.postcode).toBe('RV1 2AB');
    expect(fields(parseWith(householdInputSchema, { ...base, postcode: '12345' }))).toEqual(['postcode']);
  });
});

describe('concerns naming people', () => {
  const concern = {
    urgency: 'ROUTINE',
    subjectDescription: 'x',
    location: 'x',
    whatHappened: 'x',
    personViews: { status: 'ASKED_NONE_EXPRESSED' },
    consent: { status: 'GIVEN' },
  };
  const a = '5b1c8c39-6d0e-4d6b-9a53-1f3f1c6f9a01';

  it('leave the new fields out when not given, so existing forms send what they always sent', () => {
    const result = parseWith(raiseConcernInputSchema, concern);
    expect(result.ok && Object.keys(result.data)).not.toContain('subjectIds');
  });

  it('refuse a person who is both a subject and an alleged source', () => {
    expect(
      fields(parseWith(raiseConcernInputSchema, { ...concern, subjectIds: [a], allegedSourceIds: [a] })),
    ).toEqual(['allegedSourceIds']);
  });
});

describe('warnings', () => {
  const warning = {
    personId: '5b1c8c39-6d0e-4d6b-9a53-1f3f1c6f9a01',
    type: 'RISK_TO_STAFF',
    description: 'Visit in pairs',
    told: { status: 'TOLD', how: 'In person' },
  };
  it('are reviewed after today and at most 12 months ahead', () => {
    expect(parseWith(warningInputSchema, { ...warning, reviewDate: addMonths(isoDateOf(), 12) }).ok).toBe(
      true,
    );
    expect(
      fields(parseWith(warningInputSchema, { ...warning, reviewDate: addMonths(isoDateOf(), 13) })),
    ).toEqual(['reviewDate']);
    expect(fields(parseWith(warningInputSchema, { ...warning, reviewDate: isoDateOf() }))).toEqual([
      'reviewDate',
    ]);
  });
});
