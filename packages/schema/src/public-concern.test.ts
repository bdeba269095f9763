import { describe, expect, it } from 'vitest';
import {
  auditFilterSchema,
  breakGlassInputSchema,
  grantAccessInputSchema,
  idempotencyKeySchema,
  parseWith,
  publicConcernInputSchema,
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
