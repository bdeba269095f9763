// Before @doorstep/schema builds its schemas: keeps zod from probing for `eval` under a strict CSP.
import '../internal/zod-jitless.js';

import {
  RaiseConcernDocument,
  RaisePublicConcernDocument,
  type RaiseConcernMutationVariables,
  type RaisePublicConcernMutationVariables,
} from '@doorstep/client';
import {
  ADULT_CATEGORIES,
  CHILD_CATEGORIES,
  CONCERN_PERSON_ROLES,
  MAX_NAMED_PEOPLE,
  CHILDREN_PRESENT,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  OTHER_CATEGORIES,
  SELF_CONSENT,
  VIEWS_STATUSES,
  parseWith,
  publicConcernInputSchema,
  raiseConcernInputSchema,
  type FieldError,
} from '@doorstep/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { SgConcernQueuedEvent } from '../events/concern-queued.js';
import { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import { SgErrorEvent } from '../events/error.js';
import { cy } from '../i18n/cy.js';
import { en } from '../i18n/en.js';
import type { Choice, Translation } from '../i18n/translation.js';
import { ApiController, send } from '../internal/api.js';
import {
  choiceId,
  choices,
  errorSummary,
  idFor,
  selectField,
  summaryList,
  textArea,
  textInput,
  type ChoiceItem,
  type SummaryRow,
} from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController, plural } from '../internal/localize.js';
import {
  outboxFor,
  OutboxSync,
  type OutboxNews,
  type QueuedConcern,
  type Receipt,
} from '../internal/outbox.js';
import { deleteSealed, getSealed, putSealed, STORAGE_TTL_MS } from '../internal/secure-store.js';
import { tokenSubject } from '../internal/token.js';
import { HouseholdFinder } from './finder.js';
import {
  FINDER,
  NAMED,
  NAMED_DETAILS,
  namedField,
  fieldOf,
  fieldsOf,
  genericField,
  namedCount,
  questionOf,
  readConcernInput,
  readPublicInput,
  shownErrors,
  stepOf,
  stepsFor,
  type Answers,
  type Mode,
  type NamedDetail,
  type StepId,
} from './concern-input.js';
import { concernFormStyles } from './concern-form.styles.js';

/** The control an error summary link moves focus to: the first choice of a group. */
const FIRST_CHOICE: Partial<Record<string, string>> = {
  urgency: CONCERN_URGENCIES[0],
  aboutSelf: 'yes',
  categories: ADULT_CATEGORIES[0],
  'personViews.status': VIEWS_STATUSES[0],
  'consent.status': CONSENT_STATUSES[0],
  consent: SELF_CONSENT[0],
  mentalCapacityConcern: 'true',
  childrenPresent: CHILDREN_PRESENT[0],
  // "It is not listed": the last choice, always there.
  householdId: '',
  'namedPeople.role': CONCERN_PERSON_ROLES[0],
};
const targetFor = (field: string): string => {
  const first = FIRST_CHOICE[genericField(field)];
  return first !== undefined ? choiceId(field, first) : idFor(field);
};

/** Questions shown inside another question (a follow-up), not on their own. */
const FOLLOW_UPS = [
  'primaryCategory',
  'personViews.views',
  'personViews.notAskedReason',
  'consent.reason',
  'subjectIds',
  'allegedSourceIds',
];

/** Consent answers that ask for a reason (required for two, optional for a refusal). */
const REASON_STATUSES: readonly string[] = ['REFUSED', 'NOT_SOUGHT', 'LACKS_CAPACITY'];
type ReasonStatus = 'REFUSED' | 'NOT_SOUGHT' | 'LACKS_CAPACITY';

/** Questions that may be left blank. */
const OPTIONAL = [
  ...FINDER,
  'happenedAt',
  'childrenPresent',
  'othersAtRisk',
  'actionsTaken',
  'categories',
  'views',
  'contact.name',
  'contact.phone',
  'contact.email',
  NAMED,
  'namedPeople.dateOfBirth',
  'namedPeople.description',
];

/** The words of a question: its label (a legend for a group), hint, and choices if it has them. */
interface Question {
  label: string;
  hint?: string | undefined;
  options?: Record<string, Choice> | undefined;
}

/** A question's words and state, as `#renderQuestions` hands them to the field patterns. */
type ChoicesOptionsWords = Question & {
  name: string;
  errorPrefix: string;
  optional: string | undefined;
  error: string | undefined;
  value: string;
};

type Phase = 'form' | 'sending' | 'queued' | 'sent';
type Notice = { type: 'sent'; reference: string } | { type: 'refused' };

interface Draft {
  answers: Answers;
  step: StepId;
}

/**
 * A form to raise a safeguarding concern, one step at a time, for staff, contractors or the public.
 * It validates each step with the same schema as the gateway, keeps an encrypted draft on the device
 * while the person types, and when sending fails for want of a connection keeps the concern in an
 * encrypted outbox and sends it when the connection returns — exactly once, by its idempotency key.
 *
 * It takes the gateway's address and token from its own `endpoint` / `token`, else from the closest
 * `<sg-provider>`.
 *
 * @summary Raise a safeguarding concern.
 *
 * @event {SgConcernSubmittedEvent} sg-concern-submitted - The gateway accepted a concern (now, or
 *   later from the outbox): `event.reference`, `event.receivedAt`, `event.idempotencyKey`.
 * @event {SgConcernQueuedEvent} sg-concern-queued - The concern could not be sent now and waits in
 *   the outbox: `event.idempotencyKey`, `event.storage` (`device` or `memory`).
 * @event {SgErrorEvent} sg-error - Sending failed for a reason other than the connection or the
 *   answers (`event.code`: `UNAUTHENTICATED`, `FORBIDDEN`, …). The form has told the person.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The line saying how many concerns wait to be sent, and which were sent.
 * @csspart warning - The "call 999" notice at the top of every step.
 * @csspart emergency - The "call 999 now" message shown when someone is in danger right now.
 * @csspart error-summary - The "There is a problem" box, or the box saying the concern was not sent.
 * @csspart back - The "Back" button.
 * @csspart step-heading - The heading of each step.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - Text inputs, text areas and the select.
 * @csspart choice - Radio and checkbox inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message next to a field.
 * @csspart summary - The "check your answers" list.
 * @csspart button - The continue and send buttons.
 * @csspart queued - The panel saying the concern is saved and will be sent later.
 * @csspart confirmation - The panel that replaces the form once the concern is sent.
 * @csspart confirmation-title - Its "Concern sent" heading.
 * @csspart reference - The reference number in it.
 *
 * @cssproperty --sg-concern-form-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-concern-form-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-concern-form-max-width - Width of the form's column. Default 40em.
 * @cssproperty --sg-concern-form-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-concern-form-secondary-text-color - Hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-concern-form-background - Inputs' background. Falls back to `--sg-color-background`.
 * @cssproperty --sg-concern-form-border-color - Inputs' borders. Falls back to `--sg-color-border`.
 * @cssproperty --sg-concern-form-rule-color - The line beside follow-up questions. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-concern-form-error-color - Falls back to `--sg-color-error`.
 * @cssproperty --sg-concern-form-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-concern-form-focus-text-color - Text on the focus colour. Falls back to `--sg-color-focus-text`.
 * @cssproperty --sg-concern-form-link-color - Links and change buttons. Falls back to `--sg-color-link`.
 * @cssproperty --sg-concern-form-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-concern-form-button-text-color - Falls back to `--sg-color-button-text`.
 * @cssproperty --sg-concern-form-button-shadow-color - Falls back to `--sg-color-button-shadow`.
 * @cssproperty --sg-concern-form-success-color - The confirmation panel. Falls back to `--sg-color-success`.
 * @cssproperty --sg-concern-form-success-text-color - Falls back to `--sg-color-success-text`.
 */
export class SgConcernForm extends LitElement {
  static override styles = concernFormStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /**
   * The bearer token sent with the concern: the host page's sign-in supplies it (or a public token
   * for `mode="public"`). Default: the provider's. Prefer the property; the attribute is visible.
   */
  @property() token: string | undefined = undefined;

  /** `staff` (the full form, default), `contractor` (the least to type) or `public` (anonymous). */
  @property({ reflect: true }) mode: Mode = 'staff';

  /**
   * `off` for shared computers: no draft and no outbox on the device. A concern that cannot be sent
   * is then kept in this page's memory only, and the form says so.
   */
  @property({ attribute: 'offline-storage' }) offlineStorage: 'on' | 'off' = 'on';

  /**
   * Who the concern is about, chosen before the form opens (e.g. from `<sg-household-view>`'s
   * `sg-raise-concern` event): a household and a person living there. Setting it chooses them in
   * the form's answers (staff and contractors); the person can still change them.
   */
  @property({ attribute: false }) subject: { householdId: string; personId: string } | undefined = undefined;

  @state() private answers: Answers = {};
  @state() private step: StepId = 'urgency';
  /** Errors from the schema or the gateway. */
  @state() private errors: readonly FieldError[] | undefined;
  /** The code of a failed request other than invalid input. */
  @state() private failure: string | undefined;
  @state() private phase: Phase = 'form';
  @state() private received: Receipt | undefined;
  @state() private waiting = 0;
  @state() private notices: Notice[] = [];
  @state() private restored = false;

  readonly #localize = new LocalizeController<Translation>(this, [en, cy]);
  readonly #api = new ApiController(this);
  readonly #finder = new HouseholdFinder(this, () => this.#api.api);
  /** What the form last wrote into the description and place itself, from the household chosen. */
  #filledIn: { subjectDescription?: string; location?: string } = {};
  readonly #sync = new OutboxSync(
    this,
    () => this.#outbox,
    () => this.#sendOne,
  );
  #pendingKey: string | undefined;
  #pendingFailure: { code: string; fields: FieldError[] } | undefined;
  #unlisten: (() => void) | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** IndexedDB refused (private browsing, say): device storage is treated as off. */
  #storageBroken = false;

  get #onDevice(): boolean {
    return this.offlineStorage !== 'off' && !this.#storageBroken;
  }

  get #outbox() {
    return outboxFor(this.#onDevice);
  }

  get #draftId(): string {
    return `concern-form:${this.mode}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#restoreDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten?.();
    this.#unlisten = undefined;
    clearTimeout(this.#saveTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('offlineStorage') || !this.#unlisten) {
      this.#unlisten?.();
      this.#unlisten = this.#outbox.listen(this.#onNews);
      void this.#countWaiting();
    }
    // Another mode has its own questions and its own draft: show that one (a page often sets the
    // mode after loading, from who signed in). The other mode's draft stays on the device.
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      this.#clear();
      void this.#restoreDraft();
    }
    if (changed.has('subject') && this.subject) {
      const { householdId, personId } = this.subject;
      this.answers = { ...this.answers, householdId, subjectIds: [personId] };
    }
    // Staff and contractors choose the household from Doorstep's records when they can.
    if (this.mode !== 'public' && (this.step === 'who' || this.step === 'check')) {
      // Once; again after a failure each time the person comes to the step.
      void this.#finder.load((changed as Map<string, unknown>).has('step'));
      void this.#finder.ensure(this.#text('householdId') || undefined);
    }
  }

  /** Clears every answer and message and shows the first step. The device's draft is deleted. */
  reset(): void {
    this.#clear();
    void this.#deleteDraft();
  }

  #clear(): void {
    clearTimeout(this.#saveTimer);
    this.answers = {};
    this.step = 'urgency';
    this.errors = undefined;
    this.failure = undefined;
    this.received = undefined;
    this.restored = false;
    this.phase = 'form';
    this.#pendingKey = undefined;
  }

  override render(): TemplateResult {
    const t = this.#localize.t;
    return html`<div class="base" part="base" lang=${t.$code} dir=${t.$dir}>
      <div class="content">
        ${this.#renderStatus()}
        ${
          this.phase === 'sent' && this.received
            ? this.#renderConfirmation(this.received)
            : this.phase === 'queued'
              ? this.#renderQueued()
              : this.#renderStep()
        }
      </div>
    </div>`;
  }

  /** Always in the page, so what changes in it is announced. */
  #renderStatus(): TemplateResult {
    const { t } = this.#localize;
    const q = t.concernForm.queued;
    return html`<div class="status" part="status" role="status">
      ${this.notices.map(
        (notice) =>
          html`<p class="status__line">${notice.type === 'sent' ? q.sent(notice.reference) : q.refused}</p>`,
      )}
      ${this.waiting > 0 ? html`<p class="status__line">${plural(q.waiting, this.waiting, t.$code)}</p>` : nothing}
    </div>`;
  }

  #renderStep(): TemplateResult {
    const { t, locale } = this.#localize;
    const f = t.concernForm;
    const steps = stepsFor(this.mode, this.answers);
    const index = Math.max(0, steps.indexOf(this.step));
    const onCheck = this.step === 'check';
    const here = new Set(
      onCheck ? steps.flatMap((step) => fieldsOf(this.mode, step)) : fieldsOf(this.mode, this.step),
    );
    const shown = (this.errors ? shownErrors(this.errors, this.answers, t, locale, this.mode) : []).filter(
      (e) => !e.field || here.has(questionOf(e.field)),
    );
    const errorFor = (field: string) => (onCheck ? undefined : shown.find((e) => e.field === field)?.message);
    const danger = this.answers.urgency === 'IMMEDIATE_DANGER';
    const sending = this.phase === 'sending';

    return html`<form
      novalidate
      aria-busy=${sending ? 'true' : 'false'}
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onInput}
    >
      <div class="warning ${danger ? 'warning--emphasised' : ''}" part="warning">
        <span class="warning__icon" aria-hidden="true">!</span>
        <strong class="warning__text">
          <span class="visually-hidden">${t.warningPrefix}</span> ${f.emergency.notice}
        </strong>
      </div>
      ${
        shown.length
          ? errorSummary({
              title: f.errorSummaryTitle,
              items: shown.map((e) => ({
                message: this.#summaryMessage(e.field, e.message),
                target: e.field && this.#targetFor(e.field),
              })),
              onFollow: (target) => this.#follow(target),
            })
          : nothing
      }
      ${this.failure ? this.#renderFailure(this.failure) : nothing}
      ${
        this.restored
          ? html`<div class="notice">
              <p>${f.draft.restored}</p>
              <button type="button" class="link" @click=${this.#startAgain}>${f.draft.startAgain}</button>
            </div>`
          : nothing
      }
      ${
        index > 0
          ? html`<button
              type="button"
              class="link back"
              part="back"
              @click=${() => this.#goTo(steps[index - 1]!)}
            >
              ${f.back}
            </button>`
          : nothing
      }
      <p class="caption">${f.stepOf(index + 1, steps.length)}</p>
      ${
        this.step === 'urgency'
          ? nothing
          : html`<h2 class="step-heading" part="step-heading" tabindex="-1">${f.steps[this.step]}</h2>`
      }
      ${onCheck ? this.#renderCheck(steps) : this.#renderQuestions(errorFor)}
      <button
        class="button"
        part="button"
        type="submit"
        ?disabled=${sending}
        aria-busy=${sending ? 'true' : 'false'}
      >
        ${onCheck ? (sending ? f.sending : f.submit) : f.continue}
      </button>
    </form>`;
  }

  /** In the error summary, a detail of someone added by name says which person it is about. */
  #summaryMessage(field: string | undefined, message: string): string {
    const index = /^namedPeople\.(\d+)\./.exec(field ?? '')?.[1];
    if (index === undefined) return message;
    return `${this.#localize.t.concernForm.finder.named.person(Number(index) + 1)}: ${message}`;
  }

  /** The words of one question in this mode: its label (or legend), hint and choices. */
  #question(control: string): Question {
    const field = genericField(control);
    const f = this.#localize.t.concernForm;
    const p = f.public;
    const choice = (q: { legend: string; hint?: string; options: Record<string, Choice> }): Question => ({
      label: q.legend,
      hint: q.hint,
      options: q.options,
    });
    switch (field) {
      case 'urgency':
      case 'childrenPresent':
      case 'categories':
        return choice(f[field]);
      case 'personViews.status':
        return choice(f.personViews);
      case 'consent.status':
        return choice(f.consent);
      case 'aboutSelf':
      case 'consent':
        return choice(p[field]);
      case 'subjectDescription':
      case 'location':
      case 'whatHappened':
        return this.mode === 'public' ? p[field] : f[field];
      case 'happenedAt':
      case 'actionsTaken':
      case 'othersAtRisk':
      case 'primaryCategory':
        return f[field];
      case 'mentalCapacityConcern':
        return f.mentalCapacityConcern;
      case 'personViews.views':
        return f.personViews.views;
      case 'personViews.notAskedReason':
        return f.personViews.notAskedReason;
      case 'consent.reason':
        return f.consent.reason[this.#text('consent.status') as ReasonStatus] ?? { label: '' };
      case 'views':
        return p.views;
      case 'namedPeople.name':
      case 'namedPeople.dateOfBirth':
      case 'namedPeople.description':
        return f.finder.named[field.slice(`${NAMED}.`.length) as 'name' | 'dateOfBirth' | 'description'];
      case 'namedPeople.role':
        return choice(f.finder.named.role);
      case 'householdId': {
        const options = Object.fromEntries(this.#finder.households.map((h) => [h.id, { label: h.address }]));
        return { label: f.finder.legend, hint: f.finder.hint, options };
      }
      case 'subjectIds':
      case 'allegedSourceIds': {
        const members = this.#finder.byId(this.#text('householdId'))?.members ?? [];
        const q = field === 'subjectIds' ? f.finder.subjects : f.finder.sources;
        return { ...q, options: Object.fromEntries(members.map((m) => [m.id, { label: m.displayName }])) };
      }
      default:
        return p.contact[field.slice('contact.'.length) as 'name' | 'phone' | 'email'];
    }
  }

  #text(name: string): string {
    const value = this.answers[name];
    return typeof value === 'string' ? value : '';
  }

  #list(name: string): string[] {
    const value = this.answers[name];
    return Array.isArray(value) ? value : [];
  }

  /** Whether a question is asked, given the answers so far (follow-ups depend on their question). */
  #asked(field: string): boolean {
    switch (field) {
      case 'primaryCategory':
        return this.#list('categories').length > 1;
      case 'personViews.views':
        return this.#text('personViews.status') === 'ASKED_EXPRESSED';
      case 'personViews.notAskedReason':
        return this.#text('personViews.status') === 'NOT_ASKED';
      case 'consent.reason':
        return REASON_STATUSES.includes(this.#text('consent.status'));
      case 'subjectIds':
      case 'allegedSourceIds':
        return !!this.#text('householdId');
      default:
        return true;
    }
  }

  /** The questions of the current step, each with its follow-ups inside it. */
  #renderQuestions(errorFor: (field: string) => string | undefined): TemplateResult[] {
    const { t } = this.#localize;
    const words = (name: string, optional = OPTIONAL.includes(genericField(name))) => ({
      ...this.#question(name),
      name,
      errorPrefix: t.errorPrefix,
      optional: optional ? t.optional : undefined,
      error: errorFor(name),
      value: this.#text(name),
    });
    const items = (name: string, extra: (value: string) => Partial<ChoiceItem> = () => ({})): ChoiceItem[] =>
      Object.entries(this.#question(name).options ?? {}).map(([value, option]) => ({
        value,
        ...option,
        selected: this.#list(name).includes(value) || this.#text(name) === value,
        ...extra(value),
      }));
    const area = (name: string, rows = 3) => textArea({ ...words(name), rows });

    const render = (field: string): TemplateResult => {
      switch (field) {
        case 'urgency':
          // The alert follows the question, not inside its list of answers, and is there only with
          // its words: an alert put in the page is announced, as the error summary is.
          return html`${choices({
            ...words(field),
            type: 'radio',
            legend: this.#question(field).label,
            legendSize: 'l',
            headingClass: 'step-heading',
            items: items(field),
          })}
          ${
            this.#text(field) === 'IMMEDIATE_DANGER'
              ? html`<p class="emergency" part="emergency" role="alert">${t.concernForm.emergency.chosen}</p>`
              : nothing
          }`;
        case 'categories': {
          const f = t.concernForm;
          const section = (heading: string, values: readonly string[]) => ({
            heading,
            items: items(field).filter((item) => values.includes(item.value)),
          });
          const categories = this.#list(field);
          return html`${choices({
            ...words(field),
            type: 'checkbox',
            legend: this.#question(field).label,
            sections: [
              section(f.categories.groups.adults, ADULT_CATEGORIES),
              section(f.categories.groups.children, CHILD_CATEGORIES),
              section(f.categories.groups.other, OTHER_CATEGORIES),
            ],
          })}
          ${
            this.#asked('primaryCategory')
              ? selectField({
                  ...words('primaryCategory'),
                  choices: categories.map((value) => ({ value, label: this.#optionLabel(field, value) })),
                  value: this.#text('primaryCategory') || categories[0],
                  onChange: () => undefined, // the form's change listener records it
                })
              : nothing
          }`;
        }
        case 'mentalCapacityConcern': {
          const q = t.concernForm.mentalCapacityConcern;
          return choices({
            ...words(field),
            type: 'checkbox',
            legend: q.legend,
            hint: undefined,
            items: [
              { value: 'true', label: q.label, hint: q.hint, selected: this.#list(field).includes('true') },
            ],
          });
        }
        case 'personViews.status':
          return choices({
            ...words(field),
            type: 'radio',
            legend: this.#question(field).label,
            items: items(field, (value) => ({
              conditional:
                value === 'ASKED_EXPRESSED'
                  ? area('personViews.views')
                  : value === 'NOT_ASKED'
                    ? area('personViews.notAskedReason')
                    : undefined,
            })),
          });
        case 'consent.status': {
          const reason = this.#text(field);
          return choices({
            ...words(field),
            type: 'radio',
            legend: this.#question(field).label,
            items: items(field),
            // One follow-up for three answers, so it sits after them; its question follows the answer.
            after: html`<div class="conditional" ?hidden=${!this.#asked('consent.reason')}>
              ${textArea({ ...words('consent.reason', reason === 'REFUSED'), rows: 3 })}
            </div>`,
          });
        }
        case 'householdId':
          return this.#renderFinder(words, items);
        case NAMED:
          return this.#renderNamed(words, items);
        case 'aboutSelf':
        case 'childrenPresent':
        case 'consent':
          return choices({
            ...words(field),
            type: 'radio',
            legend: this.#question(field).label,
            items: items(field),
          });
        case 'whatHappened':
          return area(field, 6);
        case 'othersAtRisk':
        case 'actionsTaken':
        case 'views':
          return area(field, field === 'views' ? 4 : 3);
        case 'happenedAt':
          return textInput({ ...words(field), type: 'datetime-local' });
        case 'subjectDescription':
        case 'location':
          return textInput(words(field));
        default: {
          // contact.name, contact.phone, contact.email
          const part = field.slice('contact.'.length);
          return textInput({
            ...words(field),
            type: part === 'email' ? 'email' : part === 'phone' ? 'tel' : 'text',
            autocomplete: part === 'phone' ? 'tel' : part,
            spellcheck: false,
          });
        }
      }
    };

    const fields = fieldsOf(this.mode, this.step).filter((field) => !FOLLOW_UPS.includes(field));
    const rendered = fields.map(render);
    return this.step === 'contact'
      ? [html`<p class="hint">${t.concernForm.public.contact.hint}</p>`, ...rendered]
      : rendered;
  }

  /** The household finder: the households offered, a search for leads, the people in the one chosen. */
  #renderFinder(
    words: (name: string) => ChoicesOptionsWords,
    items: (name: string) => ChoiceItem[],
  ): TemplateResult {
    const { t, locale } = this.#localize;
    const f = t.concernForm.finder;
    const finder = this.#finder;
    const chosen = this.#text('householdId');
    const people = (field: 'subjectIds' | 'allegedSourceIds') =>
      choices({
        ...words(field),
        type: 'checkbox',
        legend: this.#question(field).label,
        legendSize: 's',
        small: true,
        items: items(field),
      });
    const searched = {
      idle: '',
      searching: f.search.searching,
      done: plural(f.search.found, finder.found, locale),
      forbidden: f.search.forbidden,
      failed: f.search.failed,
    }[finder.search];
    const find = () =>
      void finder.find(this.renderRoot.querySelector<HTMLInputElement>('#finder-query')!.value, chosen);
    const offered = finder.households.length > 0 || !!chosen;
    return html`${
      this.mode === 'staff'
        ? html`<div class="group finder__search">
            <label class="label" part="label" for="finder-query">${f.search.label}</label>
            <div class="finder__row">
              <input
                class="input"
                part="control"
                id="finder-query"
                type="search"
                autocomplete="off"
                .value=${finder.query}
                @keydown=${(event: KeyboardEvent) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault(); // searches, rather than moving to the next step
                  find();
                }}
              />
              <button
                type="button"
                class="button button--secondary finder__button"
                part="button"
                @click=${find}
              >
                ${f.search.button}
              </button>
            </div>
            <p class="hint" part="hint" role="status">${searched}</p>
          </div>`
        : nothing
    }
    ${finder.loading === 'loading' && !offered ? html`<p class="hint" role="status">${f.loading}</p>` : nothing}
    ${finder.loading === 'failed' && !offered ? html`<p class="hint">${f.loadFailed}</p>` : nothing}
    ${
      offered
        ? choices({
            ...words('householdId'),
            type: 'radio',
            legend: f.legend,
            items: [
              ...finder.households.map((h) => ({
                value: h.id,
                label: h.address,
                hint: f.tenancy(h.tenancyReference),
                selected: chosen === h.id,
                conditional:
                  chosen === h.id ? html`${people('subjectIds')} ${people('allegedSourceIds')}` : undefined,
              })),
              { value: '', label: f.notListed, selected: this.answers.householdId === '' },
            ],
          })
        : nothing
    }`;
  }

  /**
   * Staff: people who are not on record, or not listed in the household, added by name. Each is a
   * group of their own with a button to take them out again; the add button goes once the most
   * people the schema takes have been added.
   */
  #renderNamed(
    words: (name: string) => ChoicesOptionsWords,
    items: (name: string) => ChoiceItem[],
  ): TemplateResult {
    const n = this.#localize.t.concernForm.finder.named;
    const count = namedCount(this.answers);
    const person = (index: number) => {
      const at = (detail: NamedDetail) => namedField(index, detail);
      return html`<fieldset class="fieldset named" id=${`${NAMED}-${index}`}>
        <legend class="legend legend--s" part="label">${n.person(index + 1)}</legend>
        ${textInput({ ...words(at('name')), spellcheck: false })}
        ${choices({
          ...words(at('role')),
          type: 'radio',
          legend: n.role.legend,
          legendSize: 's',
          small: true,
          items: items(at('role')),
        })}
        ${textInput({ ...words(at('dateOfBirth')), type: 'date' })}
        ${textArea({ ...words(at('description')), rows: 2 })}
        <button type="button" class="link named__remove" @click=${() => this.#removeNamed(index)}>
          ${n.remove(index + 1)}
        </button>
      </fieldset>`;
    };
    return html`<div class="group named__all">
      <p class="label" part="label" id="namedPeople-label">${n.legend}</p>
      <p class="hint" part="hint" id="namedPeople-hint">${n.hint}</p>
      ${Array.from({ length: count }, (_, index) => person(index))}
      ${
        count < MAX_NAMED_PEOPLE
          ? html`<button
              type="button"
              class="button button--secondary"
              part="button"
              id="namedPeople"
              aria-describedby="namedPeople-label namedPeople-hint"
              @click=${this.#addNamed}
            >
              ${n.add}
            </button>`
          : html`<p class="hint" id="namedPeople" tabindex="-1">${n.full}</p>`
      }
    </div>`;
  }

  #addNamed = async () => {
    const index = namedCount(this.answers);
    this.answers = { ...this.answers, [namedField(index, 'name')]: '' };
    this.#saveDraftSoon();
    await focusAfterRender(this, `#${idFor(namedField(index, 'name'))}`);
  };

  /** Takes one person out; those after them move up, so the numbers stay as the schema counts. */
  async #removeNamed(index: number): Promise<void> {
    const count = namedCount(this.answers);
    const answers = { ...this.answers };
    for (let i = index; i < count; i++) {
      for (const detail of NAMED_DETAILS) {
        const next = answers[namedField(i + 1, detail)];
        if (next === undefined) delete answers[namedField(i, detail)];
        else answers[namedField(i, detail)] = next;
      }
    }
    this.#describeSubjects(answers);
    this.answers = answers;
    this.errors = undefined;
    this.#saveDraftSoon();
    // Focus goes to the next person's name, else back to the add button.
    await focusAfterRender(this, index < count - 1 ? `#${idFor(namedField(index, 'name'))}` : `#${NAMED}`);
  }

  /** The people chosen or added as the concern's subjects, by name, into the description if it is the form's. */
  #describeSubjects(answers: Answers): void {
    const members = this.#finder.byId(answers.householdId as string | undefined)?.members ?? [];
    const chosen = (Array.isArray(answers.subjectIds) ? answers.subjectIds : []) as string[];
    const names = [
      ...members.filter((m) => chosen.includes(m.id)).map((m) => m.displayName),
      ...Array.from({ length: namedCount(answers) }, (_, i) => i)
        .filter((i) => answers[namedField(i, 'role')] === 'SUBJECT')
        .map((i) => String(answers[namedField(i, 'name')] ?? '').trim())
        .filter(Boolean),
    ];
    this.#fillIn(answers, 'subjectDescription', names.join(', ') || undefined);
  }

  /**
   * Writes `value` into a text answer the person has left empty, or that still holds what the form
   * wrote there itself: choosing a household fills in the place, choosing people the description.
   */
  #fillIn(answers: Answers, field: 'subjectDescription' | 'location', value: string | undefined): void {
    const current = typeof answers[field] === 'string' ? (answers[field] as string) : '';
    if (current.trim() && current !== this.#filledIn[field]) return;
    answers[field] = value ?? '';
    this.#filledIn[field] = value ?? '';
  }

  #optionLabel(field: string, value: string): string {
    return this.#question(field).options?.[value]?.label ?? value;
  }

  /** "Check your answers": every question asked, its answer, and a way back to change it. */
  #renderCheck(steps: StepId[]): TemplateResult {
    const { t, locale } = this.#localize;
    const f = t.concernForm;
    const answer = (field: string): string => {
      if (field === 'mentalCapacityConcern') return this.#list(field).includes('true') ? t.yes : t.no;
      if (field === 'happenedAt') {
        const iso = readConcernInput(this.answers).happenedAt;
        const date = iso ? new Date(iso) : undefined;
        return date && !Number.isNaN(date.getTime())
          ? date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
          : '';
      }
      if (field === 'primaryCategory') {
        return this.#optionLabel('categories', this.#text(field) || this.#list('categories')[0]!);
      }
      const values = [...this.#list(field), ...(this.#text(field) ? [this.#text(field).trim()] : [])];
      return this.#question(field).options
        ? values.map((value) => this.#optionLabel(field, value)).join(', ')
        : values.join(', ');
    };
    const rows: SummaryRow[] = steps
      .flatMap((step) => fieldsOf(this.mode, step))
      .filter((field) => this.#asked(field))
      .flatMap((field) =>
        field === NAMED
          ? this.#namedRows()
          : [
              {
                key: this.#question(field).label,
                value: answer(field) || f.check.notGiven,
                change: f.check.change,
                onChange: () =>
                  this.#goTo(stepOf(this.mode, field)!, FOLLOW_UPS.includes(field) ? undefined : field),
              },
            ],
      );
    return html`<p>${f.check.intro}</p>
      ${summaryList(rows)}`;
  }

  /** "Check your answers": one row for each person added by name (none when nobody was added). */
  #namedRows(): SummaryRow[] {
    const { t, locale } = this.#localize;
    const n = t.concernForm.finder.named;
    return Array.from({ length: namedCount(this.answers) }, (_, index) => {
      const at = (detail: NamedDetail) => this.#text(namedField(index, detail)).trim();
      const role = at('role') as keyof typeof n.role.options;
      const born = at('dateOfBirth') && new Date(`${at('dateOfBirth')}T00:00:00Z`);
      const value = [
        at('name') || t.concernForm.check.notGiven,
        n.role.options[role]?.label,
        born && !Number.isNaN(born.getTime()) ? n.born(born, locale) : '',
        at('description'),
      ].filter(Boolean);
      return {
        key: n.person(index + 1),
        value: value.join('. '),
        change: t.concernForm.check.change,
        onChange: () => this.#goTo('who', namedField(index, 'name')),
      };
    });
  }

  #renderFailure(code: string): TemplateResult {
    const failed = this.#localize.t.concernForm.requestFailed;
    return html`<div class="error-summary" part="error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="error-summary__title">${failed.title}</h2>
        <p>${failed.byCode[code] ?? failed.other}</p>
      </div>
    </div>`;
  }

  #renderQueued(): TemplateResult {
    const { t } = this.#localize;
    const q = t.concernForm.queued;
    const device = this.#outbox.onDevice;
    return html`<div class="queued" part="queued">
      <h2 class="queued__title" tabindex="-1">${device ? q.deviceTitle : q.memoryTitle}</h2>
      ${(device ? q.deviceBody : q.memoryBody).map((line) => html`<p>${line}</p>`)}
      <button class="button button--secondary" type="button" @click=${this.#another}>
        ${t.concernForm.confirmation.another}
      </button>
    </div>`;
  }

  #renderConfirmation(received: Receipt): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.concernForm.confirmation;
    const at = received.receivedAt ? new Date(received.receivedAt) : undefined;
    return html`<div class="confirmation" part="confirmation">
      <div class="confirmation__panel">
        <h2 class="confirmation__title" part="confirmation-title" tabindex="-1">${c.title}</h2>
        <span class="confirmation__reference-label">${c.referenceLabel}</span>
        <strong class="confirmation__reference" part="reference">${received.reference}</strong>
      </div>
      ${at && !Number.isNaN(at.getTime()) ? html`<p>${c.receivedAt(at, locale)}</p>` : nothing}
      <h3>${c.nextStepsTitle}</h3>
      ${(this.mode === 'public' ? t.concernForm.public.nextSteps : c.nextSteps).map((step) => html`<p>${step}</p>`)}
      <button class="button button--secondary" type="button" @click=${this.#another}>${c.another}</button>
    </div>`;
  }

  /** Records every answer as it is typed or chosen, and saves the draft soon after. */
  #onInput = (event: Event) => {
    const control = event.target as HTMLInputElement;
    const name = control.name;
    if (!name) return;
    let value: string | string[];
    if (control.type === 'checkbox') {
      value = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map(
        (input) => input.value,
      );
    } else if (control.type === 'radio') {
      if (!control.checked) return;
      value = control.value;
    } else {
      value = control.value;
    }
    const answers = { ...this.answers, [name]: value };
    if (name === 'householdId') {
      delete answers.subjectIds;
      delete answers.allegedSourceIds;
      this.#fillIn(answers, 'location', this.#finder.byId(value as string)?.address);
    }
    // Who it is about, in words, follows the people chosen and added (unless the person wrote it).
    if (name === 'householdId' || name === 'subjectIds' || /^namedPeople\.\d+\.(name|role)$/.test(name)) {
      this.#describeSubjects(answers);
    }
    const categories = answers.categories;
    if (Array.isArray(categories) && !categories.includes(answers.primaryCategory as string)) {
      delete answers.primaryCategory;
    }
    this.answers = answers;
    this.#saveDraftSoon();
  };

  /** Validates with the shared schema. */
  #parse() {
    return this.mode === 'public'
      ? parseWith(publicConcernInputSchema, readPublicInput(this.answers))
      : parseWith(raiseConcernInputSchema, readConcernInput(this.answers));
  }

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.phase !== 'form') return;
    this.failure = undefined;
    const parsed = this.#parse();
    if (this.step !== 'check') {
      const here = fieldsOf(this.mode, this.step);
      const errors = parsed.ok
        ? []
        : parsed.errors.filter((e) => here.includes(questionOf(fieldOf(e, this.mode) ?? '')));
      if (errors.length) return this.#showErrors(errors);
      const steps = stepsFor(this.mode, this.answers);
      return this.#goTo(steps[steps.indexOf(this.step) + 1] ?? 'check');
    }
    if (!parsed.ok) return this.#showErrors(parsed.errors);
    await this.#send(parsed.data);
  };

  /** Queues the concern with a key fixed now, then tries to send it at once. */
  async #send(input: unknown): Promise<void> {
    this.errors = undefined;
    this.phase = 'sending';
    const api = this.#api.api;
    const key = crypto.randomUUID();
    const concern: QueuedConcern = {
      key,
      kind: this.mode === 'public' ? 'public' : 'staff',
      endpoint: api.endpoint,
      input,
      queuedAt: Date.now(),
      owner: tokenSubject(await api.tokens.get().catch(() => undefined)),
    };
    this.#pendingKey = key;
    this.#pendingFailure = undefined;
    try {
      await this.#outbox.add(concern);
    } catch {
      this.#storageBroken = true; // IndexedDB refused: keep it in memory instead
      this.#unlisten?.();
      this.#unlisten = this.#outbox.listen(this.#onNews);
      await this.#outbox.add(concern);
    }
    void this.#deleteDraft();
    await this.#sync.kick();
    if ((this.phase as Phase) === 'sent' || this.#pendingKey !== key) return;

    const refused = this.#pendingFailure as { code: string; fields: FieldError[] } | undefined;
    if (refused) {
      // The person is here to put it right: the answers go back to the form, out of the outbox.
      await this.#outbox.remove(key);
      this.#pendingKey = undefined;
      this.phase = 'form';
      this.#saveDraftSoon();
      if (refused.code === 'BAD_USER_INPUT' && refused.fields.length) return this.#showErrors(refused.fields);
      this.failure = refused.code;
      await focusAfterRender(this, '.error-summary');
      this.dispatchEvent(new SgErrorEvent(refused.code, `The gateway refused the concern: ${refused.code}`));
      return;
    }
    this.phase = 'queued';
    await focusAfterRender(this, '.queued__title');
    this.dispatchEvent(new SgConcernQueuedEvent(key, this.#outbox.onDevice ? 'device' : 'memory'));
  }

  /** Sends one queued concern with the current token; skips one queued by someone else. */
  #sendOne = async (concern: QueuedConcern): Promise<Receipt | undefined> => {
    const api = { ...this.#api.api, endpoint: concern.endpoint };
    const token = await api.tokens.get();
    // Queued under another sign-in on this device: only that person's token may send it.
    if (concern.owner && concern.owner !== tokenSubject(token)) return undefined;
    const variables = { idempotencyKey: concern.key, input: concern.input };
    if (concern.kind === 'public') {
      const { raisePublicConcern } = await send(
        api,
        RaisePublicConcernDocument,
        variables as RaisePublicConcernMutationVariables,
      );
      return raisePublicConcern;
    }
    const { raiseConcern } = await send(
      api,
      RaiseConcernDocument,
      variables as RaiseConcernMutationVariables,
    );
    return raiseConcern;
  };

  /** What the outbox says: a concern sent (here or in another tab), refused, or the queue changed. */
  #onNews = (news: OutboxNews, local: boolean) => {
    if (news.type === 'sent') {
      if (news.key === this.#pendingKey) {
        this.received = news;
        this.phase = 'sent';
        this.#pendingKey = undefined;
        void focusAfterRender(this, '.confirmation__title');
      } else if (local) {
        this.notices = [...this.notices, { type: 'sent', reference: news.reference }];
      }
      if (local || news.key === this.#pendingKey) {
        this.dispatchEvent(new SgConcernSubmittedEvent(news.reference, news.receivedAt, news.key));
      }
    } else if (news.type === 'failed') {
      if (news.key === this.#pendingKey && this.phase === 'sending') {
        this.#pendingFailure = { code: news.code, fields: news.fields };
      } else if (local && !this.notices.some((n) => n.type === 'refused')) {
        this.notices = [...this.notices, { type: 'refused' }];
        this.dispatchEvent(new SgErrorEvent(news.code, `A queued concern was refused: ${news.code}`));
      }
    }
    void this.#countWaiting();
  };

  #counting = 0;

  /** Counts the queue; only the latest count is shown, whatever order the reads finish in. */
  async #countWaiting(): Promise<void> {
    const call = ++this.#counting;
    const count = await this.#outbox.count().catch(() => 0);
    if (call === this.#counting) this.waiting = count;
  }

  async #showErrors(errors: readonly FieldError[]): Promise<void> {
    this.errors = errors;
    this.phase = 'form';
    await focusAfterRender(this, '.error-summary');
  }

  /** Opens a step, and focuses its heading or, when given, a question on it. */
  async #goTo(step: StepId, field?: string): Promise<void> {
    if (step !== this.step) this.restored = false;
    this.step = step;
    if (!field) this.errors = undefined;
    this.#saveDraftSoon();
    if (field) {
      await this.updateComplete;
      this.#follow(this.#targetFor(field));
    } else {
      await focusAfterRender(this, '.step-heading');
    }
  }

  /** The control an error link moves focus to: for the people of a household, the first of them. */
  #targetFor(field: string): string {
    if (field !== 'subjectIds' && field !== 'allegedSourceIds') return targetFor(field);
    const first = this.#finder.byId(this.#text('householdId'))?.members[0];
    return first ? choiceId(field, first.id) : targetFor('householdId');
  }

  /** From an error summary link: shows the question, then focuses its control (on its step). */
  #follow(id: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!control) {
      const field = ['urgency', ...Object.keys(FIRST_CHOICE), ...this.#allFields()].find(
        (f) => this.#targetFor(f) === id,
      );
      const step = field && stepOf(this.mode, questionOf(field));
      if (step) void this.#goTo(step, field);
      return;
    }
    const question =
      control.closest('fieldset')?.querySelector('legend') ??
      this.renderRoot.querySelector(`label[for="${CSS.escape(id)}"]`);
    (question ?? control).scrollIntoView({ block: 'start' });
    control.focus({ preventScroll: true });
  }

  #allFields(): string[] {
    const named = Array.from({ length: namedCount(this.answers) }, (_, i) =>
      NAMED_DETAILS.map((detail) => namedField(i, detail)),
    ).flat();
    return [...stepsFor(this.mode, this.answers).flatMap((step) => fieldsOf(this.mode, step)), ...named];
  }

  #saveDraftSoon(): void {
    if (!this.#onDevice) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      // Sent or queued in the meantime: the answers are in the outbox, not a draft any more.
      if (this.phase !== 'form' || !Object.keys(this.answers).length) return;
      const draft: Draft = { answers: this.answers, step: this.step };
      putSealed('drafts', this.#draftId, draft, STORAGE_TTL_MS).catch(() => undefined);
    }, 300);
  }

  async #deleteDraft(): Promise<void> {
    clearTimeout(this.#saveTimer);
    if (!this.#onDevice) return;
    await deleteSealed('drafts', this.#draftId).catch(() => undefined);
  }

  async #restoreDraft(): Promise<void> {
    if (!this.#onDevice) return;
    const id = this.#draftId;
    const draft = await getSealed<Draft>('drafts', id).catch(() => undefined);
    // Only into an untouched form of the same mode: never over what the person has started here.
    if (!draft || id !== this.#draftId || Object.keys(this.answers).length || this.phase !== 'form') return;
    this.answers = draft.answers;
    this.step = draft.step;
    this.restored = true;
  }

  #startAgain = async () => {
    this.reset();
    await focusAfterRender(this, '.step-heading');
  };

  #another = async () => {
    this.reset();
    this.notices = [];
    await focusAfterRender(this, '.step-heading');
  };
}
