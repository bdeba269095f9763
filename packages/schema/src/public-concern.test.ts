import { describe, expect, it } from 'vitest';
import {
  auditFilterSchema,
  breakGlassInputSchema,
  chronologyFilterSchema,
  feedbackInputSchema,
  feedbackPeriodSchema,
  grantAccessInputSchema,
  hasUnstorableCharacter,
  idempotencyKeySchema,
  inDateRange,
  parseWith,
  personInputSchema,
  publicConcernInputSchema,
  raiseConcernInputSchema,
  searchQuerySchema,
  selfAssessmentComparisonSchema,
  UNUSUAL_CHARACTERS,
} from './index.js';

const base = {
  urgency: 'ROUTINE',
  aboutSelf: false,
  subjectDescription: 'The boy next door',
  location: '12 Elm Row',
  whatHappened: 'He is left alone at night',
};

const errorsFor = (schema: Parameters<typeof parseWith>[0], input: unknown) => {
  const result = parseWith(schema, input);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
};

describe('publicConcernInputSchema', () => {
  it('accepts an anonymous concern about someone else, with defaults', () => {
    expect(parseWith(publicConcernInputSchema, base)).toEqual({
      ok: true,
      data: {
        ...base,
        childrenPresent: 'NOT_KNOWN',
        views: undefined,
        consent: undefined,
        contact: undefined,
        happenedAt: undefined,
      },
    });
  });

  it('asks for each missing answer in plain words', () => {
    expect(errorsFor(publicConcernInputSchema, {})).toEqual({
      urgency: 'Select how urgent this is',
      aboutSelf: 'Say whether this is about you or someone else',
      subjectDescription: 'Enter who you are worried about',
      location: 'Enter the address or place',
      whatHappened: 'Tell us what you saw or heard',
    });
  });

  it('needs an answer about sharing when it is about the person, and drops their wishes otherwise', () => {
    expect(errorsFor(publicConcernInputSchema, { ...base, aboutSelf: true })).toEqual({
      consent: 'Say whether we can share this to get you help',
    });
    const own = parseWith(publicConcernInputSchema, {
      ...base,
      aboutSelf: true,
      consent: 'REFUSED',
      views: 'Stay',
    });
    expect(own.ok && [own.data.consent, own.data.views]).toEqual(['REFUSED', 'Stay']);
    const other = parseWith(publicConcernInputSchema, { ...base, consent: 'GIVEN', views: 'Stay' });
    expect(other.ok && [other.data.consent, other.data.views]).toEqual([undefined, undefined]);
  });

  it('keeps contact details only if some are given, and checks their format', () => {
    const blank = parseWith(publicConcernInputSchema, { ...base, contact: { name: ' ', email: '' } });
    expect(blank.ok && blank.data.contact).toBe(undefined);
    const named = parseWith(publicConcernInputSchema, { ...base, contact: { name: ' Sam ' } });
    expect(named.ok && named.data.contact).toEqual({ name: 'Sam', phone: undefined, email: undefined });
    expect(
      errorsFor(publicConcernInputSchema, { ...base, contact: { email: 'sam at example', phone: 'x' } }),
    ).toEqual({
      'contact.email': 'Enter an email address in the right format, like name@example.com',
      'contact.phone': 'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
    });
  });
});

describe('the other shared schemas', () => {
  it('takes an idempotency key of 16 to 100 safe characters', () => {
    expect(parseWith(idempotencyKeySchema, crypto.randomUUID()).ok).toBe(true);
    expect(parseWith(idempotencyKeySchema, 'short').ok).toBe(false);
    expect(parseWith(idempotencyKeySchema, 'x'.repeat(20) + '!').ok).toBe(false);
  });

  it('checks audit filters and access requests', () => {
    expect(errorsFor(auditFilterSchema, { from: new Date(2026, 1, 2), to: new Date(2026, 1, 1) })).toEqual({
      from: 'From must be before to',
    });
    expect(errorsFor(auditFilterSchema, { entityId: 'nope' })).toEqual({ entityId: 'Must be a record id' });
    const id = crypto.randomUUID();
    const glass = parseWith(breakGlassInputSchema, {
      subjectType: 'Person',
      subjectId: id,
      reason: '  Child at risk tonight ',
    });
    expect(glass.ok && [glass.data.minutes, glass.data.reason]).toEqual([60, 'Child at risk tonight']);
    expect(
      errorsFor(breakGlassInputSchema, { subjectType: 'Person', subjectId: id, reason: 'why', minutes: 300 }),
    ).toEqual({
      reason: 'Give the reason in a sentence: it is read by the safeguarding lead',
      minutes: 'At most 4 hours: ask a safeguarding lead for longer access',
    });
    const grant = parseWith(grantAccessInputSchema, {
      userId: id,
      subjectType: 'Household',
      subjectId: id,
      reason: 'Covering the case',
    });
    expect(grant.ok && grant.data.days).toBe(30);
    expect(
      errorsFor(grantAccessInputSchema, {
        userId: id,
        subjectType: 'Household',
        subjectId: id,
        reason: 'Covering the case',
        days: 1.5,
      }),
    ).toHaveProperty('days');
  });
});

/*
 * What PostgreSQL cannot take is refused by the shared schemas themselves, so the widgets say so
 * before sending: text with NUL or half a surrogate pair, and dates outside the years 0001 to 9999.
 */

describe('text that cannot be stored', () => {
  it('is NUL, or half a surrogate pair on its own, wherever it is in the text', () => {
    for (const bad of [
      '\u0000',
      'a\u0000',
      '\uD800',
      'a\uD800b',
      '\uDC00',
      'a\uDC00',
      '\uDC00\uD800',
      '😀\uD83D',
    ]) {
      expect(hasUnstorableCharacter(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of [
      '',
      'plain',
      'Siân Ó Dúnlaing',
      '😀',
      'a😀b😀',
      '\uD83D\uDE00',
      '\u0001\u200B\uFFFF',
    ]) {
      expect(hasUnstorableCharacter(good), JSON.stringify(good)).toBe(false);
    }
  });

  it('is refused in every text field, with a plain message', () => {
    expect(errorsFor(publicConcernInputSchema, { ...base, whatHappened: 'left\u0000alone' })).toEqual({
      whatHappened: UNUSUAL_CHARACTERS,
    });
    expect(
      errorsFor(publicConcernInputSchema, {
        ...base,
        contact: { name: 'Ann\uD800', phone: '01632 960 001' },
      }),
    ).toEqual({ 'contact.name': UNUSUAL_CHARACTERS });
    expect(
      errorsFor(feedbackInputSchema, { anonymous: true, language: 'en', comment: 'Good\uDC00' }),
    ).toEqual({
      comment: UNUSUAL_CHARACTERS,
    });
    expect(errorsFor(searchQuerySchema, 'Bi\u0000rch')).toEqual({ _: UNUSUAL_CHARACTERS });
    expect(errorsFor(auditFilterSchema, { requestId: 'r\u0000' })).toEqual({ requestId: UNUSUAL_CHARACTERS });
  });

  it('is told after the length: an over-long answer hears of its length first', () => {
    expect(errorsFor(publicConcernInputSchema, { ...base, location: 'x'.repeat(501) + '\u0000' })).toEqual({
      location: 'Must be 500 characters or fewer',
    });
  });
});

describe('dates outside the years 0001 to 9999', () => {
  it('are out of range as moments', () => {
    expect(inDateRange(Date.parse('0001-01-01T00:00:00Z'))).toBe(true);
    expect(inDateRange(new Date('9999-12-31T23:59:59.999Z'))).toBe(true);
    expect(inDateRange(Date.parse('0000-12-31T23:59:59.999Z'))).toBe(false);
    expect(inDateRange(Date.parse('+010000-01-01T00:00:00Z'))).toBe(false);
    expect(inDateRange(new Date(NaN))).toBe(false);
  });

  it('are refused as days: year 0000 is no real date', () => {
    expect(
      errorsFor(personInputSchema, { givenName: 'Ann', familyName: 'Lee', dateOfBirth: '0000-02-29' }),
    ).toEqual({
      dateOfBirth: 'Enter a real date, like 2026-03-31',
    });
    expect(errorsFor(feedbackPeriodSchema, { from: '0000-01-01', to: '0000-01-02' })).toEqual({
      from: 'Enter a real date, like 2026-03-31',
      to: 'Enter a real date, like 2026-03-31',
    });
    expect(errorsFor(chronologyFilterSchema, { from: '0001-01-01', to: '9999-12-31' })).toEqual({});
    expect(errorsFor(selfAssessmentComparisonSchema, { earlier: '0000-01-01' })).toEqual({
      earlier: 'Enter a real date, like 2026-03-31',
    });
  });

  it('are refused as when something happened, also when the offset takes the moment out of range', () => {
    for (const happenedAt of ['0000-06-01T12:00:00Z', '0001-01-01T00:30:00+01:00']) {
      expect(errorsFor(raiseConcernInputSchema, { happenedAt }).happenedAt).toBe(
        'Enter a real date and time',
      );
    }
    expect(errorsFor(publicConcernInputSchema, { ...base, happenedAt: '0001-01-01T00:00:00Z' })).toEqual({});
  });

  it('are refused in the audit trail filter, given as dates', () => {
    expect(errorsFor(auditFilterSchema, { from: new Date(Date.parse('0000-01-01T00:00:00Z')) })).toEqual({
      from: 'Enter a date and time between the years 1 and 9999',
    });
    expect(errorsFor(auditFilterSchema, { to: new Date(8.64e15) })).toEqual({
      to: 'Enter a date and time between the years 1 and 9999',
    });
  });
});
