import {
  CONCERN_LIMITS,
  CONTACT_LIMITS,
  type FieldError,
  type PublicConcernInput,
  type RaiseConcernInput,
  UNUSUAL_CHARACTERS,
} from '@doorstep/schema';
import type { Answers, StepId, Translation } from '../i18n/translation.js';
import { localDateTimeToIso } from '../internal/datetime.js';

export type { Answers, StepId };

/**
 * Who the form is for. `contractor`: the least to type. `staff`: the full form. `public`: a member of
 * the public or a tenant, anonymous unless they leave contact details.
 */
export type Mode = 'staff' | 'contractor' | 'public';
export const MODES: readonly Mode[] = ['staff', 'contractor', 'public'];

const VIEWS_AND_CONSENT = [
  'personViews.status',
  'personViews.views',
  'personViews.notAskedReason',
  'consent.status',
  'consent.reason',
];

/** The household finder's answers: the household chosen, who it is about, who is thought to cause harm. */
export const FINDER = ['householdId', 'subjectIds', 'allegedSourceIds'];

/**
 * Staff: people who are not on record (or not listed in the household), added by name. The question
 * is `namedPeople`; each person's answers are `namedPeople.<n>.name`, `.role`, `.dateOfBirth` and
 * `.description`, numbered from 0 in the order added, as the schema numbers its errors.
 */
export const NAMED = 'namedPeople';

/** The details asked about each person added by name, in order. */
export const NAMED_DETAILS = ['name', 'role', 'dateOfBirth', 'description'] as const;
export type NamedDetail = (typeof NAMED_DETAILS)[number];

/** The control (and answer) of one detail of the `index`th person added: `namedPeople.1.name`. */
export const namedField = (index: number, detail: NamedDetail): string => `${NAMED}.${index}.${detail}`;

/** `namedPeople.2.name` → `namedPeople.name`: the key of a person's detail in words and limits. */
export const genericField = (field: string): string => field.replace(/^namedPeople\.\d+\./, 'namedPeople.');

/** The question a control belongs to: a named person's detail belongs to `namedPeople`. */
export const questionOf = (field: string): string => (field.startsWith(`${NAMED}.`) ? NAMED : field);

/** How many people not on record the answers add (each has a name answer, perhaps still empty). */
export function namedCount(answers: Answers): number {
  let count = 0;
  while (namedField(count, 'name') in answers) count++;
  return count;
}

/** The questions each mode asks, step by step, by control name; `check` is "check your answers". */
export const STEPS: Record<Mode, readonly (readonly [StepId, readonly string[]])[]> = {
  staff: [
    ['urgency', ['urgency']],
    // The household and its people from Doorstep's records first; the free description stays for
    // when they cannot be found.
    ['who', [...FINDER, NAMED, 'subjectDescription', 'location', 'childrenPresent', 'othersAtRisk']],
    [
      'what',
      [
        'whatHappened',
        'happenedAt',
        'categories',
        'primaryCategory',
        'actionsTaken',
        'mentalCapacityConcern',
      ],
    ],
    ['views', VIEWS_AND_CONSENT],
    ['check', []],
  ],
  contractor: [
    ['urgency', ['urgency']],
    ['who', [...FINDER, 'subjectDescription', 'location', 'childrenPresent']],
    ['what', ['whatHappened']],
    ['views', VIEWS_AND_CONSENT],
    ['check', []],
  ],
  public: [
    ['urgency', ['urgency']],
    ['who', ['aboutSelf', 'subjectDescription', 'location', 'childrenPresent']],
    ['what', ['whatHappened', 'happenedAt']],
    ['views', ['views', 'consent']],
    ['contact', ['contact.name', 'contact.phone', 'contact.email']],
    ['check', []],
  ],
};

/** The steps shown for these answers: a member of the public is asked their views only about themselves. */
export const stepsFor = (mode: Mode, answers: Answers): StepId[] =>
  STEPS[mode]
    .map(([step]) => step)
    .filter((step) => !(mode === 'public' && step === 'views' && answers.aboutSelf === 'no'));

/** The questions on one step. */
export const fieldsOf = (mode: Mode, step: StepId): readonly string[] =>
  STEPS[mode].find(([id]) => id === step)?.[1] ?? [];

/** The step that asks a question. */
export const stepOf = (mode: Mode, field: string): StepId | undefined =>
  STEPS[mode].find(([, fields]) => fields.includes(field))?.[0];

/** Every question a mode can ask, in order. */
const allFields = (mode: Mode): string[] => STEPS[mode].flatMap(([, fields]) => fields);

/** The length limit of each free-text answer, from the schema. */
const TEXT_LIMITS: Partial<Record<string, number>> = {
  subjectDescription: CONCERN_LIMITS.shortText,
  location: CONCERN_LIMITS.shortText,
  whatHappened: CONCERN_LIMITS.longText,
  actionsTaken: CONCERN_LIMITS.longText,
  'personViews.views': CONCERN_LIMITS.longText,
  'personViews.notAskedReason': CONCERN_LIMITS.reason,
  'consent.reason': CONCERN_LIMITS.reason,
  othersAtRisk: CONCERN_LIMITS.longText,
  views: CONCERN_LIMITS.longText,
  'contact.name': CONTACT_LIMITS.name,
  'contact.phone': CONTACT_LIMITS.phone,
  'contact.email': CONTACT_LIMITS.email,
  'namedPeople.name': CONCERN_LIMITS.name,
  'namedPeople.description': CONCERN_LIMITS.shortText,
};

const reader = (answers: Answers) => {
  const text = (name: string): string | undefined => {
    const value = answers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    text,
    optional: (name: string) => (text(name)?.trim() ? text(name) : undefined),
    list: (name: string): string[] => {
      const value = answers[name];
      return Array.isArray(value) ? value : [];
    },
    time: (name: string) => {
      const value = text(name);
      return value ? localDateTimeToIso(value) : undefined;
    },
  };
};

/**
 * The answers of a staff or contractor form in the shape the schema and the gateway take. Pure: it
 * does not validate (that is `parseWith(raiseConcernInputSchema, …)`), it only shapes. Answers to a
 * follow-up question that no longer applies (a reason typed, then the answer changed) are left out.
 */
export function readConcernInput(answers: Answers): RaiseConcernInput {
  const { text, optional, list, time } = reader(answers);
  const categories = list('categories');
  const viewsStatus = text('personViews.status');
  const consentStatus = text('consent.status');
  const householdId = optional('householdId');
  const named = namedCount(answers);
  const nonEmpty = (ids: string[]) => (ids.length ? ids : undefined);
  const input = {
    urgency: text('urgency'),
    categories,
    primaryCategory: categories.length > 1 ? optional('primaryCategory') : undefined,
    // Required answers are sent even when blank, so the schema names them.
    subjectDescription: text('subjectDescription') ?? '',
    location: text('location') ?? '',
    whatHappened: text('whatHappened') ?? '',
    happenedAt: time('happenedAt'),
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
    mentalCapacityConcern: list('mentalCapacityConcern').includes('true'),
    childrenPresent: text('childrenPresent'),
    othersAtRisk: optional('othersAtRisk'),
    namedPeople: named
      ? Array.from({ length: named }, (_, n) => ({
          name: text(namedField(n, 'name')) ?? '',
          role: text(namedField(n, 'role')),
          dateOfBirth: optional(namedField(n, 'dateOfBirth')),
          description: optional(namedField(n, 'description')),
        }))
      : undefined,
    ...(householdId
      ? {
          householdId,
          subjectIds: nonEmpty(list('subjectIds')),
          allegedSourceIds: nonEmpty(list('allegedSourceIds')),
        }
      : {}),
  };
  // Shaped, not checked: the values are only as trustworthy as the form's controls.
  return input as RaiseConcernInput;
}

/** The answers of a public form in the shape `publicConcernInputSchema` takes. */
export function readPublicInput(answers: Answers): PublicConcernInput {
  const { text, optional, time } = reader(answers);
  const about = text('aboutSelf');
  const aboutSelf = about === 'yes' ? true : about === 'no' ? false : undefined;
  const contact = {
    name: optional('contact.name'),
    phone: optional('contact.phone'),
    email: optional('contact.email'),
  };
  const input = {
    urgency: text('urgency'),
    aboutSelf,
    subjectDescription: text('subjectDescription') ?? '',
    location: text('location') ?? '',
    whatHappened: text('whatHappened') ?? '',
    happenedAt: time('happenedAt'),
    childrenPresent: text('childrenPresent'),
    views: aboutSelf ? optional('views') : undefined,
    consent: aboutSelf ? text('consent') : undefined,
    contact: contact.name || contact.phone || contact.email ? contact : undefined,
  };
  return input as PublicConcernInput;
}

/**
 * The control an error belongs to: `categories.1` → `categories`, a missing group (`personViews`) →
 * its radios (`personViews.status`), a named person's detail → its own control
 * (`namedPeople.1.name`). Undefined for anything the mode does not ask.
 */
export function fieldOf(error: FieldError, mode: Mode): string | undefined {
  const path = error.field.replace(/\.\d+$/, '');
  const fields = allFields(mode);
  return [path, `${path}.status`].find((field) => fields.includes(questionOf(field)));
}

export interface ShownError {
  /** The question to link to and mark, or undefined for an error about the whole concern. */
  field: string | undefined;
  message: string;
}

/** The message for one error in the translation's words, else the schema's English message. */
export function localiseError(
  error: FieldError,
  answers: Answers,
  t: Translation,
  locale: string,
  mode: Mode,
): string {
  if (error.message === UNUSUAL_CHARACTERS) return t.concernForm.unusualCharacters;
  const field = fieldOf(error, mode);
  if (!field) return error.message;
  const key = genericField(field);
  const limit = TEXT_LIMITS[key];
  if (error.code === 'too_big' && limit) return t.concernForm.tooLong(limit, locale);
  const message =
    (mode === 'public' ? t.concernForm.public.errors[key]?.[error.code] : undefined) ??
    t.concernForm.errors[key]?.[error.code];
  if (typeof message === 'function') return message(answers);
  return message ?? error.message;
}

/** One message per question, translated, in the order the form asks them. */
export function shownErrors(
  errors: readonly FieldError[],
  answers: Answers,
  t: Translation,
  locale: string,
  mode: Mode,
): ShownError[] {
  const seen = new Set<string>();
  const shown: ShownError[] = [];
  for (const error of errors) {
    const field = fieldOf(error, mode);
    const key = field ?? error.field;
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push({ field, message: localiseError(error, answers, t, locale, mode) });
  }
  const order = allFields(mode);
  const position = (e: ShownError) => (e.field ? order.indexOf(questionOf(e.field)) : order.length);
  return shown.sort((a, b) => position(a) - position(b));
}
