import type {
  ChildrenPresent,
  ConcernCategory,
  ConcernUrgency,
  ConsentStatus,
  SelfConsent,
  ViewsStatus,
} from '@doorstep/schema';

/** A choice in a radio or checkbox group: its label and an optional hint under it. */
export interface Choice {
  label: string;
  hint?: string;
}

/** A question answered in one control. */
export interface Question {
  label: string;
  hint?: string;
}

/** A question answered by a group of radios or checkboxes, asked in a `<legend>`. */
export interface ChoiceQuestion<T extends string> {
  legend: string;
  hint?: string;
  options: Record<T, Choice>;
}

/**
 * A message that depends on a count, one form per `Intl.PluralRules` category the language uses
 * (English: one, other; Welsh: zero, one, two, few, many, other). `{n}` is replaced by the count.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Error messages for one field, keyed by the zod issue code the schema produces (`invalid_type`,
 * `invalid_value` and `too_small` for a missing answer, `custom` for a rule, …). A code not listed
 * falls back to the schema's English message.
 */
export type FieldMessages = Partial<Record<string, ErrorMessage>>;

/** The answers given so far, by control name (see `concern-form/concern-input.ts`). */
export type Answers = Partial<Record<string, string | string[]>>;

/**
 * An error message: fixed text, or text that depends on the other answers (e.g. the reason asked
 * for depends on the consent answer).
 */
export type ErrorMessage = string | ((answers: Answers) => string);

/** The steps of the concern form, in the order they can come. */
export type StepId = 'urgency' | 'who' | 'what' | 'views' | 'contact' | 'check';

/**
 * Every word a widget shows, for one language. `$code` is a BCP 47 tag; a widget picks the
 * translation for the `lang` of its closest ancestor that has one (`cy-GB` → `cy`), or English.
 * Every key is required, so a missing string is a compile error.
 */
export interface Translation {
  $code: string;
  $name: string;
  /** Locale for dates and numbers when the page's `lang` names no region (`en` → `en-GB`). */
  $formatLocale: string;
  $dir: 'ltr' | 'rtl';

  /** Visually hidden prefix of every error message (GOV.UK pattern). */
  errorPrefix: string;
  /** Visually hidden word read before the warning icon's text. */
  warningPrefix: string;
  /** Appended to the label of an optional question. */
  optional: string;
  yes: string;
  no: string;

  concernForm: {
    emergency: {
      /** Always shown first, on every step. */
      notice: string;
      /** Shown when "someone is in danger right now" is chosen. */
      chosen: string;
    };
    steps: Record<StepId, string>;
    /** "Step 2 of 5". */
    stepOf: (step: number, total: number) => string;
    continue: string;
    back: string;

    urgency: ChoiceQuestion<ConcernUrgency>;
    subjectDescription: Question;
    location: Question;
    whatHappened: Question;
    happenedAt: Question;
    categories: ChoiceQuestion<ConcernCategory> & {
      groups: { adults: string; children: string; other: string };
    };
    primaryCategory: Question;
    actionsTaken: Question;
    personViews: ChoiceQuestion<ViewsStatus> & { views: Question; notAskedReason: Question };
    consent: ChoiceQuestion<ConsentStatus> & {
      /** The reason's question depends on the answer. */
      reason: Record<'REFUSED' | 'NOT_SOUGHT' | 'LACKS_CAPACITY', Question>;
    };
    mentalCapacityConcern: { legend: string; label: string; hint?: string };
    childrenPresent: ChoiceQuestion<ChildrenPresent>;
    othersAtRisk: Question;

    /** Words for a member of the public or a tenant (`mode="public"`). */
    public: {
      aboutSelf: ChoiceQuestion<'yes' | 'no'>;
      subjectDescription: Question;
      location: Question;
      whatHappened: Question;
      views: Question;
      consent: ChoiceQuestion<SelfConsent>;
      contact: { legend: string; hint: string; name: Question; phone: Question; email: Question };
      errors: Record<string, FieldMessages>;
      nextSteps: string[];
    };

    check: {
      intro: string;
      change: string;
      notGiven: string;
    };
    submit: string;
    sending: string;

    errorSummaryTitle: string;
    /** Per field (dotted path, e.g. `consent.reason`), per zod issue code. */
    errors: Record<string, FieldMessages>;
    /** For any text longer than its limit. */
    tooLong: (max: number, locale: string) => string;

    /** When the gateway could not take the concern, by `DoorstepError.code`. */
    requestFailed: {
      title: string;
      byCode: Partial<Record<string, string>>;
      other: string;
    };

    draft: { restored: string; startAgain: string };

    /** A concern kept to send later. */
    queued: {
      deviceTitle: string;
      deviceBody: string[];
      memoryTitle: string;
      memoryBody: string[];
      /** How many concerns are waiting on this device or page. */
      waiting: Plural;
      /** A queued concern has been sent. */
      sent: (reference: string) => string;
      /** A queued concern was refused (for example the sign-in expired); it is kept. */
      refused: string;
    };

    confirmation: {
      title: string;
      referenceLabel: string;
      receivedAt: (date: Date, locale: string) => string;
      nextStepsTitle: string;
      nextSteps: string[];
      another: string;
    };
  };
}

/** The messages for a missing answer: zod reports it as one of these three codes. */
export const missing = (message: string): FieldMessages => ({
  invalid_type: message,
  invalid_value: message,
  too_small: message,
});
