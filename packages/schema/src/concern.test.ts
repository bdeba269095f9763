/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseWith, raiseConcernInputSchema } from './index.js';

const base = {
  urgency: 'ROUTINE',
  subjectDescription: 'Tenant, flat 3',
  location: '3 Elm Row',
  whatHappened: 'Bruising on both arms',
  personViews: { status: 'ASKED_NONE_EXPRESSED' },
  consent: { status: 'GIVEN' },
};

const errorsFor = (input: unknown) => {
  const result = parseWith(raiseConcernInputSchema, input);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
};

describe('raiseConcernInputSchema', () => {
  it('accepts the least a contractor must give, filling in defaults', () => {
    const result = parseWith(raiseConcernInputSchema, base);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        categories: [],
        primaryCategory: undefined,
        mentalCapacityConcern: false,
        childrenPresent: 'NOT_KNOWN',
      }),
    });
  });

  it('asks for each missing required answer in plain words', () => {
    expect(errorsFor({})).toEqual({
      urgency: 'Select how urgent this is',
      subjectDescription: 'Enter who the concern is about',
      location: 'Enter the address or place',
      whatHappened: 'Enter what you saw or heard',
      personViews: 'Say whether the person was asked what they want to happen',
      consent: 'Say whether the person agreed to information being shared',
    });
  });

  it('treats blank text as missing and trims the rest', () => {
    expect(errorsFor({ ...base, whatHappened: '   ' })).toEqual({
      whatHappened: 'Enter what you saw or heard',
    });
    const result = parseWith(raiseConcernInputSchema, { ...base, location: '  3 Elm Row  ' });
    expect(result.ok && result.data.location).toBe('3 Elm Row');
  });

  it('needs the person’s words when they said what they want, and a reason when not asked', () => {
    expect(errorsFor({ ...base, personViews: { status: 'ASKED_EXPRESSED' } })).toEqual({
      'personViews.views': 'Enter what the person wants to happen',
    });
    expect(errorsFor({ ...base, personViews: { status: 'NOT_ASKED' } })).toEqual({
      'personViews.notAskedReason': 'Enter why the person was not asked',
    });
  });

  it('needs a reason when consent was not sought or the person lacks capacity', () => {
    expect(errorsFor({ ...base, consent: { status: 'NOT_SOUGHT' } })).toEqual({
      'consent.reason': 'Enter why consent was not asked for',
    });
    expect(errorsFor({ ...base, consent: { status: 'LACKS_CAPACITY' } })).toEqual({
      'consent.reason': 'Enter why sharing is in the person’s best interests',
    });
    expect(errorsFor({ ...base, consent: { status: 'REFUSED' } })).toEqual({});
  });

  it('takes the first category as the main one, and refuses a main one not selected', () => {
    const result = parseWith(raiseConcernInputSchema, { ...base, categories: ['NEGLECT', 'FINANCIAL'] });
    expect(result.ok && result.data.primaryCategory).toBe('NEGLECT');
    expect(errorsFor({ ...base, categories: ['NEGLECT'], primaryCategory: 'FINANCIAL' })).toEqual({
      primaryCategory: 'The main type of harm must be one of the types selected',
    });
    expect(errorsFor({ ...base, categories: ['NEGLECT', 'NEGLECT'] })).toEqual({
      categories: 'Select each type of harm only once',
    });
  });

  it('refuses a time in the future or one without an offset, and text that is too long', () => {
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    expect(errorsFor({ ...base, happenedAt: future })).toEqual({
      happenedAt: 'The date and time must be in the past',
    });
    expect(errorsFor({ ...base, happenedAt: '2026-01-01 10:00' })).toEqual({
      happenedAt: 'Enter a real date and time',
    });
    expect(errorsFor({ ...base, location: 'x'.repeat(501) })).toEqual({
      location: 'Must be 500 characters or fewer',
    });
  });
});

describe('the zod these tests run on', () => {
  it('is classic zod, zod/mini or zod-lite as the vitest project says (the schemas must work on all)', () => {
    const chained = typeof (z.string() as unknown as { min?: unknown }).min;
    expect(chained).toBe(import.meta.env.ZOD_FLAVOUR === 'classic' ? 'function' : 'undefined');
  });
});
