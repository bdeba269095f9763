import type { ChronologyKind } from '@doorstep/schema';
import type {
  ChildrenPresent,
  ConcernCategory,
  ConcernPersonRole,
  ConcernUrgency,
  ConsentStatus,
  FeedbackPrinciple,
  HouseholdRole,
  LegalBasis,
  RelationshipType,
  RiskLevel,
  SelfAssessmentQuestionId,
  SelfAssessmentStatus,
  SelfConsent,
  TaskKind,
  TriageDecision,
  ViewsStatus,
  WarningType,
} from '@doorstep/schema';
import type { ReferralOutcome, ReferralStatus } from '@doorstep/client';

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
 * What every widget's words for one language begin with. `$code` is a BCP 47 tag; a widget picks the
 * translation for the `lang` of its closest ancestor that has one (`cy-GB` → `cy`), or English.
 * Each widget has its own translation type (`Translation` for the concern form,
 * `FeedbackTranslation`, `SelfAssessmentTranslation`) extending this one, so a bundle carries only
 * its own words. Every key is required, so a missing string is a compile error.
 */
export interface Common {
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
}

/** Every word `<sg-concern-form>` shows, for one language. */
export interface Translation extends Common {
  /** Answers to a yes-or-no question (Welsh answers with the question's verb). */
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
    /** Staff and contractors: choosing the household, and the people in it, from Doorstep's records. */
    finder: {
      legend: string;
      hint: string;
      loading: string;
      /** The households the person works with could not be loaded (no connection, say). */
      loadFailed: string;
      notListed: string;
      /** "Tenancy RH-100234", under each address. */
      tenancy: (reference: string) => string;
      search: {
        label: string;
        button: string;
        searching: string;
        /** How many households a search found (a polite live region reads it). */
        found: Plural;
        forbidden: string;
        failed: string;
      };
      subjects: Question;
      sources: Question;
      /** Staff: adding people who are not on record, or not listed in the household, by name. */
      named: {
        legend: string;
        hint: string;
        /** The heading of one person added ("Person 1 who is not listed"), and their row in the check. */
        person: (n: number) => string;
        name: Question;
        role: ChoiceQuestion<ConcernPersonRole>;
        dateOfBirth: Question;
        description: Question;
        add: string;
        /** The button that takes one person out again, with which one for a screen reader. */
        remove: (n: number) => string;
        /** Shown instead of the add button once the most people have been added. */
        full: string;
        /** In "check your answers": "born 3 March 1990". */
        born: (date: Date, locale: string) => string;
      };
    };

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
    /** For text with a character that cannot be stored (the schemas' `UNUSUAL_CHARACTERS`). */
    unusualCharacters: string;

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
      /** Kept because this web page is not set up to send to Doorstep (not the connection). */
      pageNotSetUp: string[];
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

/** A rating of a feedback question: 5 "Yes, completely" to 1 "No, not at all". */
export type FeedbackScoreWord = '5' | '4' | '3' | '2' | '1';

/** Every word `<sg-feedback>` shows, for one language. */
export interface FeedbackTranslation extends Common {
  feedback: {
    title: string;
    intro: string[];
    /** Always shown first. */
    emergency: string;
    /** The button that switches the widget to the other language: its label, in that language. */
    otherLanguage: { code: string; label: string };
    /** What the page says about a one-time link, by its status. */
    link: Record<'VALID' | 'USED' | 'EXPIRED' | 'INVALID', string>;
    /** One question per safeguarding principle (the six "I statements", in plain words). */
    principles: Record<FeedbackPrinciple, Question>;
    scores: Record<FeedbackScoreWord, string>;
    comment: Question;
    named: ChoiceQuestion<'no' | 'yes'>;
    name: Question;
    phone: Question;
    email: Question;
    submit: string;
    sending: string;
    errorSummaryTitle: string;
    /** Per field, per zod issue code. */
    errors: Record<string, FieldMessages>;
    tooLong: (max: number, locale: string) => string;
    /** For text with a character that cannot be stored (the schemas' `UNUSUAL_CHARACTERS`). */
    unusualCharacters: string;
    /** When the gateway could not take the feedback, by `DoorstepError.code`. */
    requestFailed: { title: string; byCode: Partial<Record<string, string>>; other: string };
    /**
     * Under a failure of the connection or the service: the answers wait (on the device, or in this
     * page only when the device cannot keep them) and are sent by themselves when it returns.
     */
    queued: { device: string; memory: string };
    /** Answers brought back from the device's draft, and the button that clears them. */
    draft: { restored: string; startAgain: string };
    thanks: { title: string; body: string[] };
    /** For staff entering what a tenant said (`channel` phone, paper or in-person). */
    staff: {
      /** Above the questions: whose answers these are, and how to enter them. */
      notice: Record<'PHONE' | 'PAPER' | 'IN_PERSON', string>;
      saved: { title: string; body: string[] };
      /** The button that opens a fresh form for the next tenant. */
      another: string;
    };
    /** The provider's published "you said, we did" responses, shown after sending. */
    changes: { title: string; intro: string; youSaid: string; weDid: string };
  };
}

/** Every word `<sg-self-assessment>` shows, for one language. */
export interface SelfAssessmentTranslation extends Common {
  selfAssessment: {
    title: string;
    intro: string[];
    loading: string;
    /** "8 of 13 questions answered". */
    progress: (answered: number, total: number, locale: string) => string;
    /** The checklist's questions, by their number in the guide. */
    questions: Record<SelfAssessmentQuestionId, string>;
    /** "Statutory guidance: paragraphs 14.187, 14.109". */
    paragraphs: (references: string[]) => string;
    /** The radios' legend and the evidence box's label name the question: 13 of each on one page. */
    status: { legend: (question: string) => string; options: Record<SelfAssessmentStatus, string> };
    evidence: { label: (question: string) => string; hint: string };
    save: {
      saving: string;
      saved: (at: Date, by: string | null, locale: string) => string;
      /** Typed evidence waits for an answer before it can be saved. */
      needsStatus: string;
      failed: Partial<Record<string, string>> & { other: string };
      retry: string;
    };
    /** Someone else saved the question while this person was working on it. */
    conflict: {
      title: string;
      body: string;
      theirs: (at: Date, by: string | null, locale: string) => string;
      keepMine: string;
      useTheirs: string;
    };
    /** Permission to read but not answer (a safeguarding champion). */
    readOnly: string;
    compare: {
      label: string;
      hint: string;
      button: string;
      stop: string;
      /** "Comparing with 1 March 2026". */
      comparing: (date: Date, locale: string) => string;
      changedCount: Plural;
      /** Beside each question: what the answer was on the earlier date. */
      earlier: (date: Date, locale: string) => string;
      notAnswered: string;
      changed: string;
      unchanged: string;
      invalidDate: string;
    };
    loadFailed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
    /** Rounds (typically a year): opened and signed off by the safeguarding lead. */
    rounds: {
      title: string;
      /** "2026/27, opened 1 April 2026 by Priya Shah". */
      open: (name: string, opened: Date, by: string | null, locale: string) => string;
      /** "Compared with 2025/26, signed off 12 March 2026". */
      comparedWith: (name: string, signedOff: Date, locale: string) => string;
      firstRound: string;
      noneOpen: string;
      /** "The last round, 2025/26, was signed off on 12 March 2026 by Priya Shah." */
      lastSignedOff: (name: string, signedOff: Date, by: string | null, locale: string) => string;
      name: { label: string; hint: string; required: string };
      openButton: string;
      opened: (name: string) => string;
      unanswered: Plural;
      allAnswered: string;
      question: (id: string) => string;
      signOff: string;
      confirmTitle: (name: string) => string;
      confirmBody: string;
      confirm: string;
      cancel: string;
      signedOff: (name: string) => string;
      refused: string;
      failed: Partial<Record<string, string>> & { other: string };
      /** Beside each question in an open round: the last round's answer, and how it moved, in words. */
      lastRound: (name: string) => string;
      movement: Record<'BETTER' | 'SAME' | 'WORSE' | 'NEW' | 'UNANSWERED', string>;
    };
    noEvidence: string;
  };
}

/** Every word `<sg-household-view>` shows, for one language. */
export interface HouseholdViewTranslation extends Common {
  householdView: {
    /** The region's accessible name. */
    label: string;
    loading: string;
    /** "Tenancy RH-100234". */
    tenancy: (reference: string) => string;
    warnings: {
      heading: string;
      none: string;
      types: Record<WarningType, string>;
      /** Who in the household a warning is about. */
      about: (name: string) => string;
      household: string;
      /** "Review by 3 June 2027". */
      reviewBy: (date: string) => string;
      notSignedOff: string;
    };
    /** Said above the visit view: what the person sees, and why not more. */
    visit: { intro: string };
    people: {
      heading: string;
      none: string;
      roles: Record<HouseholdRole, string>;
      /** "Age 8"; `null` when the date of birth is not known. */
      age: (age: number | null) => string;
      /** The badge on a child, in words. */
      child: string;
      /** "Kelly Price's relationships". */
      relationshipsLabel: (name: string) => string;
      /** What the related person is to this one, by type: "Child: Mason Price". */
      relationships: Record<RelationshipType, string>;
      raiseConcern: string;
      /** Visually hidden end of the button: "about Kelly Price". */
      raiseConcernAbout: (name: string) => string;
    };
    counts: {
      heading: string;
      /** "2 open concerns" (a button when there are any). */
      concerns: Plural;
      referrals: Plural;
      cases: Plural;
      /** Visually hidden end of a count's button: "about Kelly Price". */
      about: (name: string) => string;
      household: string;
    };
    failed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
  };
}

// ── sg-chronology ──────────────────────────────────────────────────────────────────────────────

/** Every word `<sg-chronology>` shows, for one language. */
/** The words of `<sg-work-queue>`: the safeguarding team's inbox. */
export interface WorkQueueTranslation extends Common {
  workQueue: {
    title: string;
    loading: string;
    /** Said while a refresh is on its way, over what is shown. */
    refreshing: string;
    refresh: string;
    /** "Updated at 10:32 (UK time)". */
    updated: (time: string) => string;
    /** For contractors, housing officers, agency officers and anyone else who may not see it. */
    notAvailable: string;
    /** "(UK time)", after every time shown. */
    ukTime: string;
    overdue: string;
    /** "3 of 73 shown: the most urgent first". */
    shownOf: (shown: number, total: number, locale: string) => string;
    sections: {
      concerns: { heading: string; none: string };
      flags: { heading: string; none: string };
      referrals: { heading: string; none: string };
      warnings: { heading: string; none: string };
      tasks: { heading: string; none: string };
      cases: { heading: string; none: string };
    };
    /** A section's count, in words for screen readers ("3 items"). */
    items: Plural;
    concern: {
      urgency: Record<ConcernUrgency, string>;
      about: (description: string) => string;
      raised: (moment: string) => string;
      due: (moment: string) => string;
      reported: string;
      triage: string;
      /** Visually hidden end of "Triage" and "Open": which concern. */
      which: (reference: string) => string;
      open: string;
    };
    triage: {
      legend: (reference: string) => string;
      decision: string;
      decisions: Record<TriageDecision, Choice>;
      riskLevel: string;
      riskLevels: Record<RiskLevel, string>;
      reason: Question;
      referral: string;
      loadingDraft: string;
      draftFailed: string;
      agency: string;
      legalBasis: string;
      legalBases: Record<LegalBasis, string>;
      legalBasisReason: Question;
      summary: Question;
      save: string;
      saving: string;
      cancel: string;
      errorTitle: string;
      /** One message per field, by the gateway's field name. */
      errors: Record<string, string>;
      tooLong: string;
      /** Said after a triage: the concern left the queue. */
      done: (reference: string) => string;
      /** A colleague triaged it first (STALE_VERSION), or it was closed or is no longer there. */
      stale: (reference: string) => string;
      gone: (reference: string) => string;
      failed: { title: string; byCode: Partial<Record<string, string>>; other: string };
    };
    flag: {
      about: (who: string) => string;
      household: (address: string) => string;
      restricted: string;
      rule: (threshold: number, months: number) => string;
      raised: (moment: string) => string;
      review: string;
      which: (who: string) => string;
      reason: Question;
      save: string;
      cancel: string;
      done: string;
      open: string;
    };
    referral: {
      to: (agency: string) => string;
      respondBy: (moment: string) => string;
      sent: (moment: string) => string;
      open: string;
    };
    warning: {
      types: Record<WarningType, string>;
      about: (who: string) => string;
      reviewBy: (day: string) => string;
      awaitingSignOff: string;
      open: string;
    };
    task: {
      kinds: Record<TaskKind, string>;
      dueAt: (moment: string) => string;
      open: string;
    };
    /** Case work falling due: an action of a case's plan, or a case's review. */
    caseWork: {
      review: string;
      dueOn: (day: string) => string;
      dueBy: (moment: string) => string;
    };
    failed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
  };
}

export interface ChronologyTranslation extends Common {
  chronology: {
    title: string;
    loading: string;
    /** "Showing 40 of 5,000 entries". */
    count: (shown: number, total: number, locale: string) => string;
    /** The person or household the widget may not show (not theirs to see, or not there). */
    notAvailable: string;
    empty: string;
    /** Filtered to nothing. */
    noMatch: string;
    kinds: Record<ChronologyKind, string>;
    /** Names of the record behind an entry, for "Open the concern". */
    open: (sourceType: string) => string;
    keyEvent: string;
    pin: string;
    unpin: string;
    /** Said to screen readers after pinning or unpinning. */
    pinned: string;
    unpinned: string;
    pinRefused: string;
    filters: {
      legend: string;
      kinds: string;
      from: string;
      to: string;
      dateHint: string;
      pinnedOnly: string;
      newestFirst: string;
      apply: string;
      clear: string;
      errorTitle: string;
      invalidDate: string;
      reversed: string;
    };
    print: {
      button: string;
      /** "40 of 5,000 entries are loaded: printing shows those 40." */
      loaded: (loaded: number, total: number, locale: string) => string;
      all: (total: number, locale: string) => string;
      loadAll: (count: number, locale: string) => string;
      /** More than the cap: narrow the dates. */
      capped: (cap: number, locale: string) => string;
      loading: string;
    };
    export: {
      legend: string;
      csv: string;
      json: string;
      preparing: string;
      ready: (format: string, count: number, locale: string) => string;
    };
    loadFailed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
    loadingMore: string;
  };
}

// ── sg-referral-tracker ────────────────────────────────────────────────────────────────────────

/** A move the tracker offers, named by what the person does. */
export type TrackerAction = 'acknowledge' | 'accept' | 'decline' | 'close' | 'withdraw';

/** Every word `<sg-referral-tracker>` shows, for one language. */
export interface ReferralTrackerTranslation extends Common {
  referralTracker: {
    /** The heading: referrals the organisation sent, or (agency mode) its agency received. */
    titleSent: string;
    titleReceived: string;
    loading: string;
    /** For staff who may not see referrals (contractors, frontline officers): no data, no detail. */
    notAvailable: string;
    empty: string;
    noMatch: string;
    /** "Showing 20 of 45 referrals". */
    count: (shown: number, total: number, locale: string) => string;
    statuses: Record<ReferralStatus, string>;
    filters: {
      legend: string;
      status: string;
      anyStatus: string;
      agency: string;
      anyAgency: string;
      overdue: string;
      apply: string;
      clear: string;
    };
    row: {
      /** "To Northshire Adult Social Care" / "From Riverside Homes". */
      to: (agency: string) => string;
      from: (sender: string) => string;
      sent: (date: string) => string;
      due: (date: string) => string;
      noDue: string;
      /** The badge on an overdue referral, in words. */
      overdue: string;
      /** Visually hidden end of the open button: " SG-2026-000123". */
      open: string;
    };
    loadMore: string;
    loadingMore: string;
    detail: {
      back: string;
      /** "Referral SG-2026-000123". */
      heading: (reference: string) => string;
      reason: string;
      legalBasis: string;
      legalBases: Record<LegalBasis, string>;
      summary: string;
      where: string;
      people: string;
      child: string;
      timeline: string;
      /** The first entry: "Sent by Riverside Homes". */
      sentBy: (sender: string) => string;
      /** "Acknowledged by Dee Patel (Northshire Adult Social Care)". */
      moved: (status: string, by: string, organisation: string) => string;
      /** "Message from Dee Patel (Northshire Adult Social Care)". */
      message: (by: string, organisation: string) => string;
      reasonLabel: string;
      outcomeLabel: string;
      outcomes: Record<ReferralOutcome, string>;
    };
    actions: {
      heading: string;
      verbs: Record<TrackerAction, string>;
      /** The button that confirms a move needing words: "Decline the referral". */
      confirm: Record<'decline' | 'close' | 'withdraw', string>;
      reason: string;
      reasonHint: Record<'decline' | 'withdraw', string>;
      outcome: string;
      chooseOutcome: string;
      outcomeDetail: string;
      cancel: string;
      messageHeading: string;
      messageHint: string;
      send: string;
      /** A closed, declined or withdrawn referral's thread takes no more messages. */
      threadClosed: string;
      errorTitle: string;
      required: { reason: string; outcome: string; outcomeDetail: string; body: string };
      /** Said after a move: "The referral is now accepted." */
      done: (status: string) => string;
      messageSent: string;
      /** Someone else moved it first: reloaded, nothing moved twice. */
      stale: string;
      failed: Partial<Record<string, string>> & { other: string };
    };
    live: {
      moved: (reference: string, status: string) => string;
      message: (reference: string) => string;
      received: (reference: string, sender: string) => string;
      /** Updates stopped for good (access ended). */
      stopped: string;
    };
    failed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
  };
}

// ── sg-dashboard ───────────────────────────────────────────────────────────────────────────────

/** A count as shown: a number in the locale's digits, or `suppressed` ("fewer than 5"). */
export type Shown = string;

/** Every word `<sg-dashboard>` shows, for one language. */
export interface DashboardTranslation extends Common {
  dashboard: {
    title: string;
    loading: string;
    /** For frontline staff, contractors, agency officers and anyone else the reports are not for. */
    notAvailable: string;
    failed: { title: string; byCode: Partial<Record<string, string>>; other: string; retry: string };
    /** "1 April 2026 to 7 December 2026". */
    range: (from: string, to: string) => string;
    /** Said over the figures: what they cover (the area and team chosen, when one is). */
    showing: (range: string, area: string | null, team: string | null) => string;
    /** A count withheld because it is under 5. */
    suppressed: string;
    /** The same over a column of the monthly chart, where there is little room: "<5". */
    suppressedShort: string;
    /** Said when some counts are withheld: why. */
    suppressedNote: string;
    /** Said when the period has no concerns at all. */
    empty: string;
    period: {
      legend: string;
      presets: Record<'thisYear' | 'lastYear' | 'lastQuarter' | 'last12Months' | 'custom', string>;
      from: string;
      to: string;
      dateHint: string;
      area: string;
      allAreas: string;
      team: string;
      allTeams: string;
      show: string;
      errorTitle: string;
      /** By field, then by the gateway's or the schema's problem. */
      errors: {
        invalidDate: string;
        reversed: string;
        future: string;
        tooLong: string;
        unknownArea: string;
        unknownTeam: string;
      };
    };
    tiles: {
      heading: string;
      raised: string;
      openConcerns: string;
      openCases: string;
      referralsSent: string;
      referralsOverdue: string;
      medianTriage: string;
      wishesAsked: string;
      /** "12.5 working hours". */
      hours: (hours: number, locale: string) => string;
      /** "75%". */
      share: (share: number, locale: string) => string;
      /** Under the median: "of 40 concerns triaged; 90% within 30 hours". */
      triageDetail: (count: Shown, p90: string) => string;
      /** Under the share: "30 of 40 concerns". */
      wishesDetail: (asked: Shown, of: Shown) => string;
      /** Under the open counts: "at the end of 7 December 2026". */
      atEnd: (day: string) => string;
      none: string;
    };
    chart: {
      showTable: string;
      showChart: string;
      download: string;
      /** Visually hidden end of the download button: the report's title. */
      downloadOf: (title: string) => string;
      preparing: string;
      /** The link to the file once fetched. */
      ready: (title: string) => string;
      downloadFailed: string;
      /** Said when a chart has nothing to show. */
      none: string;
      /** Column heading of a table's counts. */
      count: string;
    };
    byMonth: {
      title: string;
      month: string;
      raised: string;
      openConcerns: string;
      openCases: string;
      /** "Concerns raised each month, April 2026 to December 2026: highest in May 2026 (12), lowest in August 2026 (2)." */
      summary: (
        range: string,
        highest: [string, Shown] | undefined,
        lowest: [string, Shown] | undefined,
      ) => string;
      /** "18 cases open at the end of December 2026." */
      casesSummary: (month: string, cases: Shown) => string;
    };
    byCategory: {
      title: string;
      category: string;
      groups: Record<string, string>;
      /** "Concerns by main category, 1 April 2026 to 7 December 2026: most were Neglect (12), then …". */
      summary: (range: string, ranked: [string, Shown][]) => string;
    };
    byAge: {
      title: string;
      who: string;
      adults: string;
      children: string;
      notKnown: string;
      summary: (adults: Shown, children: Shown, notKnown: Shown) => string;
    };
    byAgency: {
      title: string;
      agency: string;
      /** Each agency type's name. */
      types: Record<string, string>;
      summary: (range: string, ranked: [string, Shown][]) => string;
    };
    /** Where each area of the self-assessment stands in its latest round, and how it moved. */
    selfAssessment: {
      title: string;
      area: string;
      yes: string;
      inProgress: string;
      no: string;
      unanswered: string;
      moved: string;
      /** Appendix 4's areas by number (the guide gives them no names; these are Doorstep's). */
      areas: Record<string, string>;
      /** "2 better, 1 worse, 1 new" from the counts that are not 0; `same` when all are. */
      movement: (better: number, worse: number, added: number) => string;
      /** No round signed off before this one. */
      first: string;
      /** "Round 2026, signed off on 1 December 2026, compared with round 2025." */
      summary: (round: string, signedOff: string | undefined, previous: string | undefined) => string;
      /** Said when an area or team is chosen: the self-assessment is not narrowed by them. */
      wholeOrganisation: string;
    };
    outcomes: {
      title: string;
      outcome: string;
      desired: string;
      risk: string;
      fully: string;
      partially: string;
      notAchieved: string;
      removed: string;
      reduced: string;
      remains: string;
      summary: (desired: [Shown, Shown, Shown], risk: [Shown, Shown, Shown]) => string;
    };
  };
}
