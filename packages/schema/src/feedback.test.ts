import { describe, expect, it } from 'vitest';
import {
  chronologyFilterSchema,
  FEEDBACK_LIMITS,
  FEEDBACK_LINK_PATTERN,
  FEEDBACK_PRINCIPLES,
  feedbackInputSchema,
  feedbackLinkRequestSchema,
  feedbackPeriodSchema,
  parseWith,
  youSaidWeDidInputSchema,
} from './index.js';

const errorsFor = (schema: Parameters<typeof parseWith>[0], input: unknown) => {
  const result = parseWith(schema, input);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
};

const LINK = `fb_${'a1B2-_'.repeat(7)}x`;
const base = { anonymous: true, language: 'en', ratings: [{ principle: 'EMPOWERMENT', score: 5 }] };

describe('feedbackInputSchema', () => {
  it('accepts anonymous ratings, filling in the channel', () => {
    expect(parseWith(feedbackInputSchema, base)).toEqual({
      ok: true,
      data: { ...base, channel: 'WEB', comment: undefined, link: undefined },
    });
  });

  it('accepts a comment alone, trimmed, and no ratings', () => {
    const result = parseWith(feedbackInputSchema, { anonymous: true, language: 'cy', comment: '  Diolch ' });
    expect(result.ok && [result.data.comment, result.data.ratings, result.data.language]).toEqual([
      'Diolch',
      [],
      'cy',
    ]);
  });

  it('needs at least one answer or a comment', () => {
    const message = 'Choose an answer for at least one question, or write a comment';
    expect(errorsFor(feedbackInputSchema, { anonymous: true, language: 'en' })).toEqual({ ratings: message });
    expect(errorsFor(feedbackInputSchema, { anonymous: true, language: 'en', comment: '   ' })).toEqual({
      ratings: message,
    });
  });

  it('asks for each missing answer in plain words', () => {
    expect(errorsFor(feedbackInputSchema, {})).toEqual({
      anonymous: 'Say whether you want to stay anonymous',
      language: 'Select a language',
    });
    expect(errorsFor(feedbackInputSchema, { ...base, language: 'fr', channel: 'FAX' })).toEqual({
      language: 'Select a language',
      channel: 'Select how the feedback was given',
    });
  });

  it('takes scores from 1 to 5, whole numbers, for principles on the list, each once', () => {
    const scoreMessage = 'Choose an answer from 1 (No, not at all) to 5 (Yes, completely)';
    for (const score of [0, 6, 2.5, '3', null]) {
      expect(
        errorsFor(feedbackInputSchema, { ...base, ratings: [{ principle: 'PREVENTION', score }] }),
        String(score),
      ).toEqual({
        'ratings.0.score': scoreMessage,
      });
    }
    expect(
      errorsFor(feedbackInputSchema, { ...base, ratings: [{ principle: 'KINDNESS', score: 3 }] }),
    ).toEqual({ 'ratings.0.principle': 'Select a question from the list' });
    expect(
      errorsFor(feedbackInputSchema, {
        ...base,
        ratings: [
          { principle: 'PREVENTION', score: 3 },
          { principle: 'PREVENTION', score: 4 },
        ],
      }),
    ).toEqual({ ratings: 'Answer each question only once' });
    const all = FEEDBACK_PRINCIPLES.map((principle, i) => ({ principle, score: (i % 5) + 1 }));
    const parsed = parseWith(feedbackInputSchema, { ...base, ratings: all });
    expect(parsed.ok && parsed.data.ratings).toEqual(all);
  });

  it('drops the name and contact details when anonymous, and keeps them when named', () => {
    const anonymous = parseWith(feedbackInputSchema, {
      ...base,
      name: 'Sam',
      phone: '01632 960 001',
      email: 'sam@example.com',
    });
    expect(anonymous.ok && Object.keys(anonymous.data).sort()).toEqual([
      'anonymous',
      'channel',
      'language',
      'ratings',
    ]);
    const named = parseWith(feedbackInputSchema, {
      ...base,
      anonymous: false,
      name: ' Sam Jones ',
      email: 'sam@example.com',
    });
    expect(named.ok && [named.data.name, named.data.email, named.data.phone]).toEqual([
      'Sam Jones',
      'sam@example.com',
      undefined,
    ]);
  });

  it('needs a name when not anonymous, and checks contact details as the public concern form does', () => {
    expect(errorsFor(feedbackInputSchema, { ...base, anonymous: false, name: '  ' })).toEqual({
      name: 'Enter your name, or choose to stay anonymous',
    });
    expect(
      errorsFor(feedbackInputSchema, {
        ...base,
        anonymous: false,
        name: 'Sam',
        phone: 'call me',
        email: 'sam at example',
      }),
    ).toEqual({
      phone: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
      email: 'Enter an email address in the right format, like name@example.com',
    });
  });

  it('limits the length of the comment and the name', () => {
    expect(
      errorsFor(feedbackInputSchema, {
        ...base,
        anonymous: false,
        name: 'n'.repeat(FEEDBACK_LIMITS.name + 1),
        comment: 'c'.repeat(FEEDBACK_LIMITS.comment + 1),
      }),
    ).toEqual({ name: 'Must be 200 characters or fewer', comment: 'Must be 5,000 characters or fewer' });
    expect(parseWith(feedbackInputSchema, { ...base, comment: 'c'.repeat(FEEDBACK_LIMITS.comment) }).ok).toBe(
      true,
    );
  });

  it('takes a one-time link token only in its own format', () => {
    expect(FEEDBACK_LINK_PATTERN.test(LINK)).toBe(true);
    const linked = parseWith(feedbackInputSchema, { ...base, link: ` ${LINK} ` });
    expect(linked.ok && linked.data.link).toBe(LINK);
    for (const link of ['', 'fb_short', LINK.slice(0, -1), `${LINK}x`, LINK.replace('fb_', 'xx_'), 42]) {
      expect(errorsFor(feedbackInputSchema, { ...base, link }), String(link)).toEqual({
        link: 'This feedback link is not complete. Copy the whole link and try again.',
      });
    }
  });
});

describe('the other feedback schemas', () => {
  it('open a link for 28 days unless told, from 1 to 90', () => {
    expect(parseWith(feedbackLinkRequestSchema, {})).toEqual({ ok: true, data: { validDays: 28 } });
    expect(parseWith(feedbackLinkRequestSchema, { validDays: 90 }).ok).toBe(true);
    expect(errorsFor(feedbackLinkRequestSchema, { validDays: 91 })).toEqual({
      validDays: 'A link can stay open for at most 90 days',
    });
    expect(errorsFor(feedbackLinkRequestSchema, { validDays: 0 })).toHaveProperty('validDays');
    expect(errorsFor(feedbackLinkRequestSchema, { validDays: 1.5 })).toHaveProperty('validDays');
  });

  it('take a period of real days in order, as the chronology filter does', () => {
    expect(parseWith(feedbackPeriodSchema, { from: '2026-01-01', to: '2026-01-01' }).ok).toBe(true);
    expect(parseWith(feedbackPeriodSchema, {}).ok).toBe(true);
    expect(errorsFor(feedbackPeriodSchema, { from: '2026-02-30' })).toEqual({
      from: 'Enter a real date, like 2026-03-31',
    });
    const backwards = { from: '2026-02-02', to: '2026-02-01' };
    const message = { to: 'The end date must be on or after the start date' };
    expect(errorsFor(feedbackPeriodSchema, backwards)).toEqual(message);
    expect(errorsFor(chronologyFilterSchema, backwards)).toEqual(message);
  });

  it('need both halves of a "you said, we did", and a principle only from the list', () => {
    expect(errorsFor(youSaidWeDidInputSchema, { youSaid: ' ', principle: 'KINDNESS' })).toEqual({
      youSaid: 'Enter what people told you',
      weDid: 'Enter what you did about it',
      principle: 'Select a principle from the list',
    });
    expect(
      parseWith(youSaidWeDidInputSchema, { youSaid: ' Calls went unanswered ', weDid: 'A named officer' }),
    ).toEqual({
      ok: true,
      data: { youSaid: 'Calls went unanswered', weDid: 'A named officer', principle: undefined },
    });
    expect(
      errorsFor(youSaidWeDidInputSchema, { youSaid: 'y'.repeat(2001), weDid: 'w'.repeat(2001) }),
    ).toEqual({ youSaid: 'Must be 2,000 characters or fewer', weDid: 'Must be 2,000 characters or fewer' });
  });
});
