import * as z from 'zod';
import { optionalText } from './text.js';

/**
 * How to reach someone who gave us something without signing in: a concern from the public form,
 * named feedback. Every field is optional; when given, it must look like what it says it is.
 */

/** Length limits of the optional contact details (also the forms' maxlength). */
export const CONTACT_LIMITS = { name: 200, phone: 40, email: 254 } as const;

/** Optional text that, when given, must match `pattern`. */
const optionalMatching = (max: number, pattern: RegExp, error: string) =>
  z.pipe(
    optionalText(max),
    z.optional(z.string().check(z.refine((value) => pattern.test(value), { error }))),
  );

/** An optional phone number: digits, spaces, `+`, `-` and brackets. */
export const optionalPhone = () =>
  optionalMatching(
    CONTACT_LIMITS.phone,
    /^[0-9+() -]{6,40}$/,
    'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
  );

/** An optional email address, in the right format. */
export const optionalEmail = () =>
  optionalMatching(
    CONTACT_LIMITS.email,
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    'Enter an email address in the right format, like name@example.com',
  );
