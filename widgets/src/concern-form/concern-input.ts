import { CONCERN_LIMITS, type FieldError, type RaiseConcernInput } from '@doorstep/schema';
import type { Translation } from '../i18n/translation.js';
import { localDateTimeToIso } from '../internal/datetime.js';

/** Every answer the form can send, by its control's `name`, in the order the form asks them. */
export const CONCERN_FIELDS = [
  'urgency',
  'subjectDescription',
  'location',
  'whatHappened',
  'happenedAt',
  'categories',
  'primaryCategory',
  'actionsTaken',
  'personViews.status',
  'personViews.views',
  'personViews.notAskedReason',
  'consent.status',
  'consent.reason',
  'mentalCapacityConcern',
  'childrenPresent',
  'othersAtRisk',
] as const;
export type ConcernField = (typeof CONCERN_FIELDS)[number];

/** The length limit of each free-text answer, from the schema. */
const TEXT_LIMITS: Partial<Record<ConcernField, number>> = {
  subjectDescription: CONCERN_LIMITS.shortText,
  location: CONCERN_LIMITS.shortText,
  whatHappened: CONCERN_LIMITS.longText,
  actionsTaken: CONCERN_LIMITS.longText,
  'personViews.views': CONCERN_LIMITS.longText,
  'personViews.notAskedReason': CONCERN_LIMITS.reason,
  'consent.reason': CONCERN_LIMITS.reason,
  othersAtRisk: CONCERN_LIMITS.longText,
};

/**
 * Reads the concern form's controls into the shape the schema and the gateway take. Pure: it does
 * not validate (that is `parseWith(raiseConcernInputSchema, …)`), it only shapes. Answers to a
 * follow-up question that no longer applies (a reason typed, then the answer changed) are left out.
 */
export function readConcernInput(form: HTMLFormElement): RaiseConcernInput {
  const data = new FormData(form);
  const text = (name: ConcernField): string | undefined => {
    const value = data.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const optional = (name: ConcernField) => (text(name)?.trim() ? text(name) : undefined);
  const categories = data.getAll('categories').filter((value) => typeof value === 'string');
  const viewsStatus = text('personViews.status');
  const consentStatus = text('consent.status');
  const happenedAt = text('happenedAt');

  const input = {
    urgency: text('urgency'),
    categories,
    primaryCategory: categories.length > 1 ? optional('primaryCategory') : undefined,
    // Required answers are sent even when blank, so the schema names them.
    subjectDescription: text('subjectDescription') ?? '',
    location: text('location') ?? '',
    whatHappened: text('whatHappened') ?? '',
    happenedAt: happenedAt ? localDateTimeToIso(happenedAt) : undefined,
    actionsTaken: optional('actionsTaken'),
    personViews: viewsStatus
      ? {
          status: viewsStatus,
          views: viewsStatus === 'ASKED_EXPRESSED' ? optional('personViews.views') : undefined,
          notAskedReason: viewsStatus === 'NOT_ASKED' ? optional('personViews.notAskedReason') : undefined,
        }
      : undefined,
    consent: consentStatus
      ? { status: consentStatus, reason: consentStatus === 'GIVEN' ? undefined : optional('consent.reason') }
      : undefined,
    mentalCapacityConcern: data.has('mentalCapacityConcern'),
    childrenPresent: text('childrenPresent'),
    othersAtRisk: optional('othersAtRisk'),
  };
  // Shaped, not checked: the values are only as trustworthy as the form's controls.
  return input as RaiseConcernInput;
}

/**
 * The form field an error belongs to: `categories.1` → `categories`, and a missing group
 * (`personViews`) → its radios (`personViews.status`). Undefined for anything the form does not ask.
 */
export function fieldOf(error: FieldError): ConcernField | undefined {
  const path = error.field.replace(/\.\d+$/, '');
  const field = path === 'personViews' || path === 'consent' ? `${path}.status` : path;
  return (CONCERN_FIELDS as readonly string[]).includes(field) ? (field as ConcernField) : undefined;
}

export interface ShownError {
  /** The field to link to and mark, or undefined for an error about the whole concern. */
  field: ConcernField | undefined;
  message: string;
}

/** The message for one error in the translation's words, else the schema's English message. */
export function localiseError(
  error: FieldError,
  input: RaiseConcernInput,
  t: Translation,
  locale: string,
): string {
  const field = fieldOf(error);
  if (!field) return error.message;
  const limit = TEXT_LIMITS[field];
  if (error.code === 'too_big' && limit) return t.concernForm.tooLong(limit, locale);
  const message = t.concernForm.errors[field]?.[error.code];
  if (typeof message === 'function') return message(input);
  return message ?? error.message;
}

/** One message per field, translated, in the order the form asks the questions. */
export function shownErrors(
  errors: readonly FieldError[],
  input: RaiseConcernInput,
  t: Translation,
  locale: string,
): ShownError[] {
  const seen = new Set<string>();
  const shown: ShownError[] = [];
  for (const error of errors) {
    const field = fieldOf(error);
    const key = field ?? error.field;
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push({ field, message: localiseError(error, input, t, locale) });
  }
  const position = (e: ShownError) => (e.field ? CONCERN_FIELDS.indexOf(e.field) : CONCERN_FIELDS.length);
  return shown.sort((a, b) => position(a) - position(b));
}
