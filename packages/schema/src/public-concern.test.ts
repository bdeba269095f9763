import { describe, expect, it } from 'vitest';
import { parseWith, publicConcernInputSchema } from './index.js';

const base = {
  urgency: 'ROUTINE',
  aboutSelf: false,
  subjectDescription: 'The boy next door',
  location: '12 Elm Row',
  whatHappened: 'He is left alone at night',
};

const errorsFor = (input: unknown) => {
  const result = parseWith(publicConcernInputSchema, input);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
};

describe('publicConcernInputSchema', () => {
  it('accepts an anonymous concern about someone else, with defaults', () => {
    const result = parseWith(publicConcernInputSchema, base);
    expect(result).toEqual({
      ok: true,
      data: { ...base, childrenPresent: 'NOT_KNOWN', views: undefined, happenedAt: undefined },
    });
  });

  it('asks for each missing answer in plain words', () => {
    expect(errorsFor({})).toEqual({
      urgency: 'Select how urgent this is',
      aboutSelf: 'Select who you are worried about',
      subjectDescription: 'Tell us who you are worried about',
      location: 'Tell us where this is',
      whatHappened: 'Tell us what happened',
    });
  });

  it('needs an answer about sharing when the concern is about the person themselves', () => {
    expect(errorsFor({ ...base, aboutSelf: true })).toEqual({ consent: 'Say whether we can share this' });
    expect(errorsFor({ ...base, aboutSelf: true, consent: 'REFUSED', views: 'Leave me be' })).toEqual({});
  });

  it('takes contact details only if they are given, and checks the email address', () => {
    const result = parseWith(publicConcernInputSchema, { ...base, contact: { name: ' Sam ', email: ' ' } });
    expect(result.ok && result.data.contact).toEqual({ name: 'Sam', phone: undefined, email: undefined });
    expect(errorsFor({ ...base, contact: { email: 'sam at example' } })).toEqual({
      'contact.email': 'Enter an email address like name@example.com',
    });
  });
});
