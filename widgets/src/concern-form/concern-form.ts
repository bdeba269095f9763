// Before @doorstep/schema builds its schemas: keeps zod from probing for `eval` under a strict CSP.
import '../internal/zod-jitless.js';

import { DoorstepError, RaiseConcern, request } from '@doorstep/client';
import {
  ADULT_CATEGORIES,
  CHILD_CATEGORIES,
  CHILDREN_PRESENT,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  OTHER_CATEGORIES,
  VIEWS_STATUSES,
  parseWith,
  raiseConcernInputSchema,
  type ConcernCategory,
  type ConsentStatus,
  type FieldError,
  type RaiseConcernInput,
  type ViewsStatus,
} from '@doorstep/schema';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import { SgErrorEvent } from '../events/error.js';
import {
  choiceId,
  choices,
  errorSummary,
  idFor,
  selectField,
  textArea,
  textInput,
  type ChoiceItem,
} from '../internal/fields.js';
import { LocalizeController } from '../internal/localize.js';
import { readConcernInput, shownErrors, type ConcernField } from './concern-input.js';
import { concernFormStyles } from './concern-form.styles.js';

/** The control an error summary link moves focus to: the first choice of a group. */
const FIRST_CHOICE: Partial<Record<ConcernField, string>> = {
  urgency: CONCERN_URGENCIES[0],
  categories: ADULT_CATEGORIES[0],
  'personViews.status': VIEWS_STATUSES[0],
  'consent.status': CONSENT_STATUSES[0],
  mentalCapacityConcern: 'true',
  childrenPresent: CHILDREN_PRESENT[0],
};
const targetFor = (field: ConcernField): string => {
  const first = FIRST_CHOICE[field];
  return first ? choiceId(field, first) : idFor(field);
};

/** Consent answers that ask for a reason (required for two, optional for a refusal). */
const REASON_STATUSES = ['REFUSED', 'NOT_SOUGHT', 'LACKS_CAPACITY'] as const;
type ReasonStatus = (typeof REASON_STATUSES)[number];
const asksReason = (status: ConsentStatus | undefined): status is ReasonStatus =>
  (REASON_STATUSES as readonly string[]).includes(status ?? '');

interface Received {
  reference: string;
  receivedAt: string;
}

/**
 * A form to raise a safeguarding concern, for staff and contractors. It validates with the same
 * schema as the gateway, sends the concern with the host's token, and shows the reference number.
 *
 * @summary Raise a safeguarding concern.
 *
 * @event {SgConcernSubmittedEvent} sg-concern-submitted - The gateway accepted the concern:
 *   `event.reference`, `event.receivedAt`.
 * @event {SgErrorEvent} sg-error - Sending failed for a reason other than the answers
 *   (`event.code`: `UNAUTHENTICATED`, `FORBIDDEN`, `NETWORK_ERROR`, …). The form has told the user.
 *
 * @csspart base - The wrapper of everything.
 * @csspart warning - The "call 999" notice at the top.
 * @csspart emergency - The "call 999 now" message shown when someone is in danger right now.
 * @csspart error-summary - The "There is a problem" box, or the box saying the concern was not sent.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - Text inputs, text areas and the select.
 * @csspart choice - Radio and checkbox inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message next to a field.
 * @csspart button - The send button.
 * @csspart confirmation - The panel that replaces the form once the concern is sent.
 * @csspart confirmation-title - Its "Concern sent" heading.
 * @csspart reference - The reference number in it.
 *
 * @cssproperty --sg-concern-form-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-concern-form-font-size - Falls back to `--sg-font-size`, then 1.1875rem (1rem when narrow).
 * @cssproperty --sg-concern-form-max-width - Width of the form's column. Default 40rem.
 * @cssproperty --sg-concern-form-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-concern-form-secondary-text-color - Hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-concern-form-background - Inputs' background. Falls back to `--sg-color-background`.
 * @cssproperty --sg-concern-form-border-color - Inputs' borders. Falls back to `--sg-color-border`.
 * @cssproperty --sg-concern-form-rule-color - The line beside follow-up questions. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-concern-form-error-color - Falls back to `--sg-color-error`.
 * @cssproperty --sg-concern-form-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-concern-form-focus-text-color - Text on the focus colour. Falls back to `--sg-color-focus-text`.
 * @cssproperty --sg-concern-form-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-concern-form-button-text-color - Falls back to `--sg-color-button-text`.
 * @cssproperty --sg-concern-form-button-shadow-color - Falls back to `--sg-color-button-shadow`.
 * @cssproperty --sg-concern-form-success-color - The confirmation panel. Falls back to `--sg-color-success`.
 * @cssproperty --sg-concern-form-success-text-color - Falls back to `--sg-color-success-text`.
 */
export class SgConcernForm extends LitElement {
  static override styles = concernFormStyles;

  /** The gateway's GraphQL address. */
  @property() endpoint = '/graphql';

  /**
   * The bearer token sent with the concern: the host page's sign-in supplies it. Prefer setting the
   * property; the attribute is read but never written back.
   */
  @property() token: string | undefined = undefined;

  @state() private urgency: string | undefined;
  @state() private categories: ConcernCategory[] = [];
  @state() private primaryCategory: ConcernCategory | undefined;
  @state() private viewsStatus: ViewsStatus | undefined;
  @state() private consentStatus: ConsentStatus | undefined;
  /** Errors from the schema or the gateway, with the input they were found in. */
  @state() private errors: { fields: readonly FieldError[]; input: RaiseConcernInput } | undefined;
  /** The code of a failed request other than invalid input. */
  @state() private failure: string | undefined;
  @state() private sending = false;
  @state() private received: Received | undefined;

  readonly #localize = new LocalizeController(this);

  /** The answers last sent and their idempotency key, until the gateway has taken them. */
  #attempt: { answers: string; key: string } | undefined;

  /** Clears every answer and message and shows an empty form. */
  reset(): void {
    // The render root exists once the element has been connected.
    (this.renderRoot as ParentNode | undefined)?.querySelector('form')?.reset();
    this.urgency = undefined;
    this.categories = [];
    this.primaryCategory = undefined;
    this.viewsStatus = undefined;
    this.consentStatus = undefined;
    this.errors = undefined;
    this.failure = undefined;
    this.received = undefined;
  }

  override render(): TemplateResult {
    const t = this.#localize.t;
    return html`<div class="base" part="base" lang=${t.$code} dir=${t.$dir}>
      ${this.received ? this.#renderConfirmation(this.received) : this.#renderForm()}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const { t, locale } = this.#localize;
    const f = t.concernForm;
    const shown = this.errors ? shownErrors(this.errors.fields, this.errors.input, t, locale) : [];
    const errorFor = (field: ConcernField) => shown.find((e) => e.field === field)?.message;
    const words = { errorPrefix: t.errorPrefix };
    const optional = { errorPrefix: t.errorPrefix, optional: t.optional };
    const danger = this.urgency === 'IMMEDIATE_DANGER';

    const item = <T extends string>(
      options: Record<T, { label: string; hint?: string }>,
      value: T,
      extra: Partial<ChoiceItem> = {},
    ): ChoiceItem => ({ value, label: options[value].label, hint: options[value].hint, ...extra });

    const categoryItems = (values: readonly ConcernCategory[]) =>
      values.map((value) => item(f.categories.options, value));

    const reasonQuestion = asksReason(this.consentStatus) ? f.consent.reason[this.consentStatus] : undefined;

    return html`<form
      novalidate
      aria-busy=${this.sending ? 'true' : 'false'}
      @submit=${this.#onSubmit}
      @change=${this.#onChange}
    >
      ${
        shown.length
          ? errorSummary({
              title: f.errorSummaryTitle,
              items: shown.map((e) => ({ message: e.message, target: e.field && targetFor(e.field) })),
              onFollow: (target) => this.#focusControl(target),
            })
          : nothing
      }
      ${this.failure ? this.#renderFailure(this.failure) : nothing}

      <div class="warning ${danger ? 'warning--emphasised' : ''}" part="warning" tabindex="-1">
        <span class="warning__icon" aria-hidden="true">!</span>
        <strong class="warning__text">
          <span class="visually-hidden">${t.warningPrefix}</span> ${f.emergency.notice}
        </strong>
      </div>

      ${choices({
        ...words,
        type: 'radio',
        name: 'urgency',
        legend: f.urgency.legend,
        hint: f.urgency.hint,
        legendSize: 'l',
        error: errorFor('urgency'),
        items: CONCERN_URGENCIES.map((value) =>
          item(f.urgency.options, value, {
            after:
              value === 'IMMEDIATE_DANGER'
                ? // Always in the page, so the alert is announced when its text appears.
                  html`<div role="alert">
                    ${danger ? html`<p class="emergency" part="emergency">${f.emergency.chosen}</p>` : nothing}
                  </div>`
                : undefined,
          }),
        ),
      })}
      ${textInput({
        ...words,
        name: 'subjectDescription',
        ...f.subjectDescription,
        error: errorFor('subjectDescription'),
      })}
      ${textInput({
        ...words,
        name: 'location',
        ...f.location,
        autocomplete: 'off',
        error: errorFor('location'),
      })}
      ${textArea({ ...words, name: 'whatHappened', ...f.whatHappened, rows: 6, error: errorFor('whatHappened') })}
      ${textInput({
        ...optional,
        name: 'happenedAt',
        type: 'datetime-local',
        ...f.happenedAt,
        error: errorFor('happenedAt'),
      })}
      ${choices({
        ...optional,
        type: 'checkbox',
        name: 'categories',
        legend: f.categories.legend,
        hint: f.categories.hint,
        error: errorFor('categories'),
        sections: [
          { heading: f.categories.groups.adults, items: categoryItems(ADULT_CATEGORIES) },
          { heading: f.categories.groups.children, items: categoryItems(CHILD_CATEGORIES) },
          { heading: f.categories.groups.other, items: categoryItems(OTHER_CATEGORIES) },
        ],
      })}
      ${
        this.categories.length > 1
          ? selectField({
              ...words,
              name: 'primaryCategory',
              ...f.primaryCategory,
              error: errorFor('primaryCategory'),
              choices: this.categories.map((value) => ({ value, label: f.categories.options[value].label })),
              value: this.primaryCategory ?? this.categories[0],
              onChange: (value) => (this.primaryCategory = value as ConcernCategory),
            })
          : nothing
      }
      ${textArea({ ...optional, name: 'actionsTaken', ...f.actionsTaken, rows: 3, error: errorFor('actionsTaken') })}
      ${choices({
        ...words,
        type: 'radio',
        name: 'personViews.status',
        legend: f.personViews.legend,
        hint: f.personViews.hint,
        error: errorFor('personViews.status'),
        items: VIEWS_STATUSES.map((value) =>
          item(f.personViews.options, value, {
            selected: this.viewsStatus === value,
            conditional:
              value === 'ASKED_EXPRESSED'
                ? textArea({
                    ...words,
                    name: 'personViews.views',
                    ...f.personViews.views,
                    rows: 3,
                    error: errorFor('personViews.views'),
                  })
                : value === 'NOT_ASKED'
                  ? textArea({
                      ...words,
                      name: 'personViews.notAskedReason',
                      ...f.personViews.notAskedReason,
                      rows: 3,
                      error: errorFor('personViews.notAskedReason'),
                    })
                  : undefined,
          }),
        ),
      })}
      ${choices({
        ...words,
        type: 'radio',
        name: 'consent.status',
        legend: f.consent.legend,
        hint: f.consent.hint,
        error: errorFor('consent.status'),
        items: CONSENT_STATUSES.map((value) => item(f.consent.options, value)),
        // One follow-up for three answers, so it sits after them; its question follows the answer.
        after: html`<div class="conditional" id="consent-reason-conditional" ?hidden=${!reasonQuestion}>
          ${textArea({
            ...(this.consentStatus === 'REFUSED' ? optional : words),
            name: 'consent.reason',
            label: reasonQuestion?.label ?? '',
            hint: reasonQuestion?.hint,
            rows: 3,
            error: errorFor('consent.reason'),
          })}
        </div>`,
      })}
      ${choices({
        ...words,
        type: 'checkbox',
        name: 'mentalCapacityConcern',
        legend: f.mentalCapacityConcern.legend,
        error: errorFor('mentalCapacityConcern'),
        items: [{ value: 'true', label: f.mentalCapacityConcern.label, hint: f.mentalCapacityConcern.hint }],
      })}
      ${choices({
        ...optional,
        type: 'radio',
        name: 'childrenPresent',
        legend: f.childrenPresent.legend,
        hint: f.childrenPresent.hint,
        error: errorFor('childrenPresent'),
        items: CHILDREN_PRESENT.map((value) => item(f.childrenPresent.options, value)),
      })}
      ${textArea({ ...optional, name: 'othersAtRisk', ...f.othersAtRisk, rows: 3, error: errorFor('othersAtRisk') })}

      <button
        class="button"
        part="button"
        type="submit"
        ?disabled=${this.sending}
        aria-busy=${this.sending ? 'true' : 'false'}
      >
        ${this.sending ? f.sending : f.submit}
      </button>
    </form>`;
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

  #renderConfirmation(received: Received): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.concernForm.confirmation;
    const at = new Date(received.receivedAt);
    return html`<div class="confirmation" part="confirmation">
      <div class="confirmation__panel">
        <h2 class="confirmation__title" part="confirmation-title" tabindex="-1">${c.title}</h2>
        <span class="confirmation__reference-label">${c.referenceLabel}</span>
        <strong class="confirmation__reference" part="reference">${received.reference}</strong>
      </div>
      ${Number.isNaN(at.getTime()) ? nothing : html`<p>${c.receivedAt(at, locale)}</p>`}
      <h3>${c.nextStepsTitle}</h3>
      ${c.nextSteps.map((step) => html`<p>${step}</p>`)}
      <button class="button button--secondary" type="button" @click=${this.#another}>${c.another}</button>
    </div>`;
  }

  /** Keeps the answers that change what is shown (follow-up questions, the 999 message). */
  #onChange = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const value = target.value;
    switch (target.name) {
      case 'urgency':
        this.urgency = value;
        break;
      case 'categories': {
        const form = target.form;
        const checked = form ? new FormData(form).getAll('categories') : [];
        this.categories = checked.filter((v): v is ConcernCategory => typeof v === 'string');
        if (this.primaryCategory && !this.categories.includes(this.primaryCategory)) {
          this.primaryCategory = undefined;
        }
        break;
      }
      case 'personViews.status':
        this.viewsStatus = value as ViewsStatus;
        break;
      case 'consent.status':
        this.consentStatus = value as ConsentStatus;
        break;
    }
  };

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending) return;
    const form = event.currentTarget as HTMLFormElement;
    const input = readConcernInput(form);
    const parsed = parseWith(raiseConcernInputSchema, input);
    this.failure = undefined;
    if (!parsed.ok) {
      await this.#showErrors(parsed.errors, input);
      return;
    }
    this.errors = undefined;
    this.sending = true;
    // One key per set of answers: sending the same answers again (after a lost reply) cannot make a
    // second concern; changed answers are a new submission.
    const answers = JSON.stringify(parsed.data);
    if (this.#attempt?.answers !== answers) this.#attempt = { answers, key: crypto.randomUUID() };
    try {
      const { raiseConcern } = await request(
        { endpoint: this.endpoint, token: this.token || undefined },
        RaiseConcern,
        { idempotencyKey: this.#attempt.key, input: parsed.data },
      );
      this.#attempt = undefined;
      this.sending = false;
      this.received = raiseConcern;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirmation__title')?.focus();
      this.dispatchEvent(new SgConcernSubmittedEvent(raiseConcern.reference, raiseConcern.receivedAt));
    } catch (error) {
      this.sending = false;
      if (error instanceof DoorstepError && error.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
        await this.#showErrors(error.fields, input);
        return;
      }
      const code = error instanceof DoorstepError ? error.code : 'INTERNAL_SERVER_ERROR';
      this.failure = code;
      await this.#focusSummary();
      this.dispatchEvent(new SgErrorEvent(code, error instanceof Error ? error.message : String(error)));
    }
  };

  async #showErrors(fields: readonly FieldError[], input: RaiseConcernInput): Promise<void> {
    this.errors = { fields, input };
    await this.#focusSummary();
  }

  async #focusSummary(): Promise<void> {
    await this.updateComplete;
    const summary = this.renderRoot.querySelector<HTMLElement>('.error-summary');
    summary?.scrollIntoView?.({ block: 'start' });
    summary?.focus({ preventScroll: true });
  }

  /** From an error summary link: shows the question, then focuses its control. */
  #focusControl(id: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!control) return;
    const question =
      control.closest('fieldset')?.querySelector('legend') ??
      this.renderRoot.querySelector(`label[for="${CSS.escape(id)}"]`);
    (question ?? control).scrollIntoView({ block: 'start' });
    control.focus({ preventScroll: true });
  }

  #another = async () => {
    this.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.warning')?.focus();
  };
}
