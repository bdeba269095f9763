import * as z from 'zod';
import { optionalEmail, optionalPhone } from './contact.js';
import { endNotBeforeStart, isoDate } from './dates.js';
import { optionalText, text } from './text.js';

/*
 * Tenant voice: how people who met the safeguarding service say they were treated, against the six
 * safeguarding principles' "I statements" (Care Act statutory guidance 14.13; Making Safeguarding
 * Personal), and the provider's published "you said, we did" answers.
 */

/**
 * The six safeguarding principles. Each is asked as its "I statement":
 * - EMPOWERMENT: I am asked what I want as the outcomes from the safeguarding process and these
 *   directly inform what happens.
 * - PREVENTION: I receive clear and simple information about what abuse is, how to recognise the
 *   signs and what I can do to seek help.
 * - PROPORTIONALITY: I am sure that the professionals will work in my interest, as I see them and
 *   they will only get involved as much as needed.
 * - PROTECTION: I get help and support to report abuse and neglect. I get help so that I am able to
 *   take part in the safeguarding process to the extent to which I want.
 * - PARTNERSHIP: I know that staff treat any personal and sensitive information in confidence, only
 *   sharing what is helpful and necessary. I am confident that professionals will work together and
 *   with me to get the best result for me.
 * - ACCOUNTABILITY: I understand the role of everyone involved in my life and so do they.
 */
export const FEEDBACK_PRINCIPLES = [
  'EMPOWERMENT',
  'PREVENTION',
  'PROPORTIONALITY',
  'PROTECTION',
  'PARTNERSHIP',
  'ACCOUNTABILITY',
] as const;
export type FeedbackPrinciple = (typeof FEEDBACK_PRINCIPLES)[number];

/** How the feedback reached us: a web form, or taken down by staff from a call, a paper form or a visit. */
export const FEEDBACK_CHANNELS = ['WEB', 'PHONE', 'PAPER', 'IN_PERSON'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** The language the feedback was given in (the forms speak English and Welsh). */
export const FEEDBACK_LANGUAGES = ['en', 'cy'] as const;
export type FeedbackLanguage = (typeof FEEDBACK_LANGUAGES)[number];

/** Length limits (also the forms' maxlength). */
export const FEEDBACK_LIMITS = { comment: 5000, name: 200, youSaid: 2000, weDid: 2000 } as const;

/** A score answers an "I statement": 5 is "Yes, completely", 1 is "No, not at all". */
export const FEEDBACK_SCORES = { min: 1, max: 5 } as const;

/**
 * A one-time feedback link's token, as it appears in the link: `fb_` and 43 URL-safe characters
 * (256 random bits). Only its SHA-256 digest is stored.
 */
export const FEEDBACK_LINK_PATTERN = /^fb_[A-Za-z0-9_-]{43}$/;

/** Where a one-time link stands: INVALID is also the answer for a link of another organisation. */
export const FEEDBACK_LINK_STATES = ['VALID', 'USED', 'EXPIRED', 'INVALID'] as const;
export type FeedbackLinkState = (typeof FEEDBACK_LINK_STATES)[number];

/** How long a one-time link stays open, in days. */
export const FEEDBACK_LINK_DAYS = { default: 28, min: 1, max: 90 } as const;

const scoreMessage = 'Choose an answer from 1 (No, not at all) to 5 (Yes, completely)';
const linkMessage = 'This feedback link is not complete. Copy the whole link and try again.';

const ratingSchema = z.object({
  principle: z.enum(FEEDBACK_PRINCIPLES, { error: 'Select a question from the list' }),
  score: z
    .int({ error: scoreMessage })
    .check(
      z.gte(FEEDBACK_SCORES.min, { error: scoreMessage }),
      z.lte(FEEDBACK_SCORES.max, { error: scoreMessage }),
    ),
});

/** What is kept of one piece of feedback. Name and contact details only when it is not anonymous. */
interface Feedback {
  ratings: { principle: FeedbackPrinciple; score: number }[];
  comment?: string | undefined;
  anonymous: boolean;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  language: FeedbackLanguage;
  channel: FeedbackChannel;
  link?: string | undefined;
}

/**
 * Feedback from a tenant or a member of the public: a score for any of the six "I statements"
 * (each at most once), a comment, or both. Anonymous, or named (a name, and a phone number or email
 * address if they want a reply); when anonymous, any name or contact details sent are dropped.
 * `link` is the token of a one-time link a lead sent about a closed concern.
 */
export const feedbackInputSchema = z.pipe(
  z
    .object({
      ratings: z._default(
        z.array(ratingSchema, { error: 'Choose an answer for each question' }).check(
          z.refine((ratings) => new Set(ratings.map((r) => r.principle)).size === ratings.length, {
            error: 'Answer each question only once',
          }),
        ),
        () => [],
      ),
      comment: optionalText(FEEDBACK_LIMITS.comment),
      anonymous: z.boolean({ error: 'Say whether you want to stay anonymous' }),
      name: optionalText(FEEDBACK_LIMITS.name),
      phone: optionalPhone(),
      email: optionalEmail(),
      language: z.enum(FEEDBACK_LANGUAGES, { error: 'Select a language' }),
      channel: z._default(z.enum(FEEDBACK_CHANNELS, { error: 'Select how the feedback was given' }), 'WEB'),
      link: z.optional(
        z
          .string({ error: linkMessage })
          .check(z.trim(), z.regex(FEEDBACK_LINK_PATTERN, { error: linkMessage })),
      ),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (!value.ratings.length && !value.comment) {
          ctx.addIssue({
            code: 'custom',
            path: ['ratings'],
            message: 'Choose an answer for at least one question, or write a comment',
          });
        }
        if (!value.anonymous && !value.name) {
          ctx.addIssue({
            code: 'custom',
            path: ['name'],
            message: 'Enter your name, or choose to stay anonymous',
          });
        }
      }),
    ),
  z.transform((value): Feedback => {
    if (!value.anonymous) return value;
    const { name: _name, phone: _phone, email: _email, ...anonymous } = value;
    return anonymous;
  }),
);
export type FeedbackInput = z.input<typeof feedbackInputSchema>;
export type FeedbackData = z.output<typeof feedbackInputSchema>;

/** A lead's one-time link for feedback on a closed concern: open for 1 to 90 days (28 unless said). */
export const feedbackLinkRequestSchema = z.object({
  validDays: z._default(
    z
      .int({ error: 'Enter a whole number of days from 1 to 90' })
      .check(
        z.gte(FEEDBACK_LINK_DAYS.min, { error: 'Enter a whole number of days from 1 to 90' }),
        z.lte(FEEDBACK_LINK_DAYS.max, { error: 'A link can stay open for at most 90 days' }),
      ),
    FEEDBACK_LINK_DAYS.default,
  ),
});
export type FeedbackLinkRequest = z.input<typeof feedbackLinkRequestSchema>;

/** Which feedback to read or count: received on these UK days, both inclusive, either left out. */
export const feedbackPeriodSchema = z
  .object({ from: z.optional(isoDate()), to: z.optional(isoDate()) })
  .check(endNotBeforeStart());
export type FeedbackPeriod = z.output<typeof feedbackPeriodSchema>;

/** The provider's published answer to what people said: "you said …, we did …". */
export const youSaidWeDidInputSchema = z.object({
  youSaid: text(FEEDBACK_LIMITS.youSaid, 'Enter what people told you'),
  weDid: text(FEEDBACK_LIMITS.weDid, 'Enter what you did about it'),
  principle: z.optional(z.enum(FEEDBACK_PRINCIPLES, { error: 'Select a principle from the list' })),
});
export type YouSaidWeDidInput = z.input<typeof youSaidWeDidInputSchema>;
export type YouSaidWeDidData = z.output<typeof youSaidWeDidInputSchema>;
