// Before @doorstep/schema builds its schemas: keeps zod from probing for `eval` under a strict CSP.
import '../internal/zod-jitless.js';

import {
  FeedbackLinkStatusDocument,
  RecordFeedbackDocument,
  SubmitFeedbackDocument,
  YouSaidWeDidListDocument,
} from '@doorstep/client';
import {
  FEEDBACK_LANGUAGES,
  FEEDBACK_LIMITS,
  FEEDBACK_PRINCIPLES,
  feedbackInputSchema,
  parseWith,
  type FeedbackInput,
  type FieldError,
  UNUSUAL_CHARACTERS,
} from '@doorstep/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { SgFeedbackSubmittedEvent } from '../events/feedback-submitted.js';
import { feedbackCy } from '../i18n/feedback.cy.js';
import { feedbackEn } from '../i18n/feedback.en.js';
import type { FeedbackScoreWord, FeedbackTranslation } from '../i18n/translation.js';
import { answerFrom, answersReducer, textOf, type Answers } from '../internal/answers.js';
import { ApiController, send, type Api } from '../internal/api.js';
import { DraftController } from '../internal/draft.js';
import { choiceId, choices, errorSummary, idFor, textArea, textInput } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController } from '../internal/localize.js';
import type { QueuedItem } from '../internal/outbox.js';
import { draftRestored, requestFailed } from '../internal/panels.js';
import { SubmissionController, type Later, type Outcome } from '../internal/submission.js';
import { feedbackStyles } from './feedback.styles.js';

const SCORES: readonly FeedbackScoreWord[] = ['5', '4', '3', '2', '1'];
type LinkStatus = 'VALID' | 'USED' | 'EXPIRED' | 'INVALID';
const ratingName = (principle: string) => `rating.${principle}`;

/** The `channel` attribute's values for answers a member of staff enters, as the gateway names them. */
const STAFF_CHANNELS: Partial<Record<string, 'PHONE' | 'PAPER' | 'IN_PERSON'>> = {
  phone: 'PHONE',
  paper: 'PAPER',
  'in-person': 'IN_PERSON',
};

/** The control an error summary link moves focus to, by the field the schema names. */
const TARGETS: Partial<Record<string, string>> = {
  ratings: choiceId(ratingName(FEEDBACK_PRINCIPLES[0]), SCORES[0]!),
  anonymous: choiceId('named', 'no'),
};
/** The question an error is shown at, by the field the schema names. */
const SHOWN_AT: Partial<Record<string, string>> = {
  ratings: ratingName(FEEDBACK_PRINCIPLES[0]),
  anonymous: 'named',
};
const TEXT_LIMITS: Partial<Record<string, number>> = {
  comment: FEEDBACK_LIMITS.comment,
  name: FEEDBACK_LIMITS.name,
};

interface Change {
  id: string;
  youSaid: string;
  weDid: string;
}

/** The gateway's answer to submitFeedback / recordFeedback. */
type FeedbackReceipt = { receivedAt: string };

/** What the device keeps: the answers, and the key of the feedback waiting to be sent, if any. */
interface Draft {
  answers: Answers;
  waiting?: string | undefined;
}

/** Sends one queued feedback: `record` (staff entering a tenant's answers) with recordFeedback. */
async function sendFeedback(api: Api, item: QueuedItem): Promise<FeedbackReceipt> {
  const variables = { idempotencyKey: item.key, input: item.input as FeedbackInput };
  return item.kind === 'record'
    ? (await send(api, RecordFeedbackDocument, variables)).recordFeedback
    : (await send(api, SubmitFeedbackDocument, variables)).submitFeedback;
}

/**
 * A tenant's feedback on how they were treated when they needed help to be safe: a question for
 * each of the six safeguarding principles (the "I statements", in plain words), anything else they
 * want to say, and their name only if they choose. No sign-in: it works with the organisation's
 * public token (or a tenant site's widget token). A one-time link from a closed case (`link`) ties
 * named answers to it (anonymous ones keep no trace of it); the widget says so, and says when a
 * link was already used or has expired.
 * A "Cymraeg" / "English" button switches its language. After sending it thanks the person and
 * shows what the provider changed after listening ("you said, we did").
 *
 * The answers are kept in an encrypted draft on the device while the person answers. Feedback that
 * cannot be sent for want of a connection waits in the encrypted outbox and is sent by itself,
 * exactly once (by its idempotency key), when the connection returns, even after a reload.
 *
 * With `channel` set to `phone`, `paper` or `in-person` (and a staff member's token), it is for
 * staff entering what a tenant said by phone, on paper or face to face: it says so above the
 * questions, sends the answers with `recordFeedback` (no link), and after saving offers to enter
 * more.
 *
 * It takes the gateway's address and token from its own `endpoint` / `token`, else from the closest
 * `<sg-provider>`.
 *
 * @summary Tenant feedback against the six safeguarding principles.
 *
 * @event {SgFeedbackSubmittedEvent} sg-feedback-submitted - The gateway has the feedback:
 *   `event.receivedAt`, `event.idempotencyKey`. Nothing the person wrote is in it.
 * @event {SgErrorEvent} sg-error - Sending failed for a reason other than the answers
 *   (`event.code`: `NETWORK_ERROR`, `RATE_LIMITED`, `UNAUTHENTICATED`, …). The widget has told the
 *   person and kept their answers (for `NETWORK_ERROR` and `SERVICE_UNAVAILABLE`, in the outbox, to
 *   send by themselves when the connection returns).
 *
 * @csspart base - The wrapper of everything.
 * @csspart language - The button that switches between English and Welsh.
 * @csspart notice - The "call 999" line, and what the page says about a one-time link.
 * @csspart error-summary - The "There is a problem" box, or the box saying the feedback was not sent.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - Text inputs and the text area.
 * @csspart choice - Radio inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message next to a question.
 * @csspart button - The send button.
 * @csspart confirmation - The thank-you panel.
 * @csspart changes - The "you said, we did" list.
 *
 * @cssproperty --sg-feedback-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-feedback-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-feedback-max-width - Width of the column. Default 40em.
 * @cssproperty --sg-feedback-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-feedback-secondary-text-color - Hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-feedback-background - Inputs' background. Falls back to `--sg-color-background`.
 * @cssproperty --sg-feedback-border-color - Inputs' borders. Falls back to `--sg-color-border`.
 * @cssproperty --sg-feedback-error-color - Falls back to `--sg-color-error`.
 * @cssproperty --sg-feedback-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-feedback-link-color - Links and the language button. Falls back to `--sg-color-link`.
 * @cssproperty --sg-feedback-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-feedback-success-color - The thank-you panel. Falls back to `--sg-color-success`.
 */
export class SgFeedback extends LitElement {
  static override styles = feedbackStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** The organisation's public token, or a tenant site's widget token. Default: the provider's. */
  @property() token: string | undefined = undefined;

  /**
   * The one-time link's token, when the person came from a link sent after their case closed (the
   * host page reads it from its own address). Empty for general feedback.
   */
  @property() link: string | undefined = undefined;

  /**
   * How the tenant gave these answers. `web` (default): the tenant fills it in. `phone`, `paper` or
   * `in-person`: a member of staff (with their own token) enters what the tenant said.
   */
  @property() channel: 'web' | 'phone' | 'paper' | 'in-person' = 'web';

  @state() private answers: Answers = {};
  @state() private errors: readonly FieldError[] | undefined;
  /** The code of a failed request other than invalid answers. */
  @state() private failure: string | undefined;
  @state() private phase: 'form' | 'sending' | 'sent' = 'form';
  @state() private linkStatus: LinkStatus | undefined;
  @state() private changes: readonly Change[] = [];
  /** The key of the answers waiting in the outbox, sent by themselves when the connection returns. */
  @state() private waiting: string | undefined;
  /** The answers came back from the device's draft. */
  @state() private restored = false;

  readonly #api = new ApiController(this);
  readonly #localize = new LocalizeController<FeedbackTranslation>(this, [feedbackEn, feedbackCy]);
  readonly #submission = new SubmissionController<FeedbackReceipt>(this, {
    queue: 'feedback',
    onDevice: () => true,
    api: () => this.#api.api,
    send: sendFeedback,
    onLater: (later) => this.#onLater(later),
    // What waited when the page closed is sent once the draft says whose it was.
    ready: () => this.#restoring,
  });
  readonly #draft = new DraftController<Draft>(this, {
    id: () => `feedback:${this.#staffChannel() ? 'staff' : 'web'}`,
    enabled: () => this.#submission.onDevice,
    read: () =>
      this.phase === 'sent' || !Object.keys(this.answers).length
        ? undefined
        : { answers: this.answers, waiting: this.waiting },
  });
  #restoring: Promise<void> = Promise.resolve();
  /** Set when the gateway refused the link while sending: the next send goes without it. */
  #withoutLink = false;

  override connectedCallback(): void {
    this.#restoring = this.#restoreDraft();
    super.connectedCallback();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('link') || changed.has('channel')) {
      this.#withoutLink = false;
      this.linkStatus = undefined;
      if (this.link && !this.#staffChannel()) void this.#checkLink(this.link);
    }
  }

  /** The channel a member of staff is entering answers from, or undefined for the tenant's own web form. */
  #staffChannel(): Exclude<FeedbackInput['channel'], 'WEB' | undefined> | undefined {
    return STAFF_CHANNELS[this.channel];
  }

  override render(): TemplateResult {
    const { t } = this.#localize;
    const f = t.feedback;
    return html`<div class="base" part="base" lang=${t.$code} dir=${t.$dir}>
      <div class="content">
        <div class="header">
          <h2 class="title" tabindex="-1">
            ${this.phase !== 'sent' ? f.title : this.#staffChannel() ? f.staff.saved.title : f.thanks.title}
          </h2>
          <button
            type="button"
            class="link language"
            part="language"
            lang=${f.otherLanguage.code}
            @click=${() => this.setAttribute('lang', f.otherLanguage.code)}
          >
            ${f.otherLanguage.label}
          </button>
        </div>
        ${this.phase === 'sent' ? this.#renderThanks() : this.#renderForm()}
      </div>
    </div>`;
  }

  #renderForm(): TemplateResult {
    const { t } = this.#localize;
    const f = t.feedback;
    const shown = this.#shownErrors();
    const errorAt = (name: string) => shown.find((e) => e.at === name)?.message;
    const words = { errorPrefix: t.errorPrefix, optional: t.optional };
    const text = (name: 'comment' | 'name' | 'phone' | 'email') => ({
      ...words,
      name,
      label: f[name].label,
      hint: f[name].hint,
      error: errorAt(name),
      value: textOf(this.answers, name),
    });
    return html`
      <p class="notice notice--emergency" part="notice">${f.emergency}</p>
      ${this.#staffChannel() ? html`<p class="notice" part="notice">${f.staff.notice[this.#staffChannel()!]}</p>` : nothing}
      ${
        this.linkStatus
          ? html`<p class="notice" part="notice" role="status">${f.link[this.linkStatus]}</p>`
          : nothing
      }
      ${f.intro.map((line) => html`<p>${line}</p>`)}
      ${this.restored ? draftRestored(f.draft, this.#startAgain) : nothing}
      ${this.failure ? this.#renderFailure(this.failure) : nothing}
      ${
        shown.length && !this.failure
          ? errorSummary({
              title: f.errorSummaryTitle,
              items: shown.map((e) => ({ message: e.message, target: e.target })),
              onFollow: (target) =>
                this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(target)}`)?.focus(),
            })
          : nothing
      }
      <form novalidate @input=${this.#onInput} @change=${this.#onInput} @submit=${this.#onSubmit}>
        ${FEEDBACK_PRINCIPLES.map((principle) => {
          const name = ratingName(principle);
          return choices({
            ...words,
            type: 'radio',
            name,
            legend: f.principles[principle].label,
            hint: f.principles[principle].hint,
            error: errorAt(name),
            small: true,
            items: SCORES.map((score) => ({
              value: score,
              label: f.scores[score],
              selected: this.answers[name] === score,
            })),
          });
        })}
        ${textArea({ ...text('comment'), rows: 4 })}
        ${choices({
          ...words,
          optional: undefined,
          type: 'radio',
          name: 'named',
          legend: f.named.legend,
          hint: f.named.hint,
          error: errorAt('named'),
          items: (['no', 'yes'] as const).map((value) => ({
            value,
            label: f.named.options[value].label,
            selected: this.answers.named === value,
            conditional:
              value === 'yes'
                ? html`${textInput({ ...text('name'), optional: undefined, autocomplete: 'name' })}
                  ${textInput({ ...text('phone'), type: 'tel', autocomplete: 'tel', spellcheck: false })}
                  ${textInput({ ...text('email'), type: 'email', autocomplete: 'email', spellcheck: false })}`
                : undefined,
          })),
        })}
        <button class="button" part="button" type="submit" ?disabled=${this.phase === 'sending'}>
          ${this.phase === 'sending' ? f.sending : f.submit}
        </button>
        <p class="visually-hidden" role="status">${this.phase === 'sending' ? f.sending : ''}</p>
      </form>
    `;
  }

  /** Why the answers were not sent; when they wait in the outbox, that they will go by themselves. */
  #renderFailure(code: string): TemplateResult {
    const f = this.#localize.t.feedback;
    const next = this.waiting ? f.queued[this.#submission.storage] : undefined;
    return requestFailed(f.requestFailed, code, { next });
  }

  #renderThanks(): TemplateResult {
    const f = this.#localize.t.feedback;
    return html`<div class="confirmation" part="confirmation">
        ${(this.#staffChannel() ? f.staff.saved.body : f.thanks.body).map((line) => html`<p>${line}</p>`)}
      </div>
      ${
        this.#staffChannel()
          ? html`<button class="button" part="button" type="button" @click=${this.#another}>
              ${f.staff.another}
            </button>`
          : nothing
      }
      ${
        this.changes.length
          ? html`<section class="changes" part="changes" aria-labelledby="changes-title">
              <h3 id="changes-title">${f.changes.title}</h3>
              <p>${f.changes.intro}</p>
              <ul>
                ${this.changes.map(
                  (change) =>
                    html`<li>
                      <p><strong>${f.changes.youSaid}</strong> ${change.youSaid}</p>
                      <p><strong>${f.changes.weDid}</strong> ${change.weDid}</p>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }`;
  }

  /**
   * The link to send with the answers: undefined when there is none, it cannot be used, or staff
   * are entering the answers.
   */
  #usesLink(): string | undefined {
    const usable = !this.linkStatus || this.linkStatus === 'VALID';
    return this.link && usable && !this.#withoutLink && !this.#staffChannel() ? this.link : undefined;
  }

  async #checkLink(link: string): Promise<void> {
    try {
      const { feedbackLink } = await send(this.#api.api, FeedbackLinkStatusDocument, { token: link });
      if (link === this.link) this.linkStatus = feedbackLink.status;
    } catch {
      // Not known now (no connection): the gateway checks the link again when the answers are sent.
    }
  }

  #onInput = (event: Event): void => {
    const action = answerFrom(event, this.renderRoot);
    if (!action) return;
    this.answers = answersReducer(this.answers, action);
    this.#draft.saveSoon();
  };

  /**
   * Brings back the answers kept on the device, into an untouched form; feedback that was waiting
   * to be sent is this widget's again (it shows the thank-you when it goes).
   */
  async #restoreDraft(): Promise<void> {
    const draft = await this.#draft.restore();
    // Which waiting feedback is these answers' is known before "Start again" is shown, so starting
    // again at once takes it back too (it was sent later when clicked before this was known).
    const queued = draft?.waiting ? await this.#submission.queued() : [];
    if (!draft || Object.keys(this.answers).length || this.phase !== 'form') return;
    if (draft.waiting && queued.some((item) => item.key === draft.waiting)) {
      this.#submission.adopt(draft.waiting);
      this.waiting = draft.waiting;
      this.failure = 'NETWORK_ERROR';
    }
    this.answers = answersReducer(this.answers, { type: 'restore', answers: draft.answers });
    this.restored = true;
  }

  /** What the person answered, in the shape of the gateway's `FeedbackInput` (checked before sending). */
  #input(): Partial<FeedbackInput> {
    const a = (name: string) => textOf(this.answers, name) || undefined;
    const code = this.#localize.t.$code;
    const named = a('named') === 'yes';
    const given = (value: string | undefined) => (value?.trim() ? value : undefined);
    return {
      ratings: FEEDBACK_PRINCIPLES.filter((p) => a(ratingName(p))).map((principle) => ({
        principle,
        score: Number(a(ratingName(principle))),
      })),
      comment: given(a('comment')),
      ...(a('named') ? { anonymous: !named } : {}),
      ...(named ? { name: given(a('name')), phone: given(a('phone')), email: given(a('email')) } : {}),
      language: (FEEDBACK_LANGUAGES as readonly string[]).includes(code)
        ? (code as FeedbackInput['language'])
        : 'en',
      channel: this.#staffChannel() ?? 'WEB',
      link: this.#usesLink(),
    };
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.phase === 'sending') return;
    this.failure = undefined;
    const input = this.#input();
    const parsed = parseWith(feedbackInputSchema, input);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      await focusAfterRender(this, '.error-summary');
      return;
    }
    this.errors = undefined;
    this.phase = 'sending';
    // The same answers sent again keep their key (stored once); changed answers replace them.
    const outcome = await this.#submission.submit(this.#staffChannel() ? 'record' : 'submit', input);
    await this.#settle(outcome);
  };

  /** Shows what became of the answers sent: thanks, waiting to be sent, or what to put right. */
  async #settle(outcome: Outcome<FeedbackReceipt> | Later<FeedbackReceipt>): Promise<void> {
    if (outcome.type === 'stored' || outcome.type === 'sent') {
      void this.#draft.delete();
      this.phase = 'sent';
      this.restored = false;
      this.answers = {};
      this.waiting = undefined;
      this.failure = undefined;
      this.dispatchEvent(new SgFeedbackSubmittedEvent(outcome.receipt.receivedAt, outcome.key));
      await focusAfterRender(this, '.title');
      void this.#loadChanges();
      return;
    }
    this.phase = 'form';
    this.waiting = outcome.type === 'queued' ? outcome.key : undefined;
    this.#draft.saveSoon();
    if (outcome.type === 'refused') {
      this.errors = outcome.fields;
      await focusAfterRender(this, '.error-summary');
      return;
    }
    if (outcome.type === 'failed' && outcome.code.startsWith('FEEDBACK_LINK_')) {
      this.#withoutLink = true;
      this.linkStatus = undefined;
    }
    this.failure = outcome.code;
    this.dispatchEvent(new SgErrorEvent(outcome.code, `The feedback was not sent: ${outcome.code}`));
    await focusAfterRender(this, '.error-summary');
  }

  /** Feedback sent from the outbox later (or refused then): if it is these answers, as if sent now. */
  #onLater(later: Later<FeedbackReceipt>): void {
    if (!later.mine) return;
    if (later.type === 'failed') void this.#submission.withdraw(later.key);
    void this.#settle(later);
  }

  /** Clears the answers brought back (and any waiting to be sent): the device keeps none. */
  #startAgain = async (): Promise<void> => {
    if (this.waiting) void this.#submission.withdraw(this.waiting);
    void this.#draft.delete();
    this.answers = answersReducer(this.answers, { type: 'clear' });
    this.waiting = undefined;
    this.restored = false;
    this.errors = undefined;
    this.failure = undefined;
    await focusAfterRender(this, '.title');
  };

  /** Staff: a fresh form for the next tenant's answers. */
  #another = async (): Promise<void> => {
    this.phase = 'form';
    this.errors = undefined;
    this.failure = undefined;
    this.changes = [];
    await focusAfterRender(this, '.title');
  };

  async #loadChanges(): Promise<void> {
    try {
      const { youSaidWeDid } = await send(this.#api.api, YouSaidWeDidListDocument, { first: 3 });
      this.changes = youSaidWeDid.edges.map((edge) => edge.node);
    } catch {
      // The thank-you stands without them.
    }
  }

  /** One message per question, translated, each with the question it is shown at and linked to. */
  #shownErrors(): { at: string; target: string | undefined; message: string }[] {
    const { t, locale } = this.#localize;
    const seen = new Set<string>();
    const shown = [];
    for (const error of this.errors ?? []) {
      const field = error.field.split('.')[0]!;
      if (seen.has(field)) continue;
      seen.add(field);
      const limit = TEXT_LIMITS[field];
      const message =
        error.code === 'too_big' && limit
          ? t.feedback.tooLong(limit, locale)
          : error.message === UNUSUAL_CHARACTERS
            ? t.feedback.unusualCharacters
            : (t.feedback.errors[field]?.[error.code] ?? error.message);
      const known = field in SHOWN_AT || ['comment', 'name', 'phone', 'email'].includes(field);
      shown.push({
        at: SHOWN_AT[field] ?? field,
        target: known ? (TARGETS[field] ?? idFor(field)) : undefined,
        message: typeof message === 'function' ? message({}) : message,
      });
    }
    return shown;
  }
}
