// Before @doorstep/schema builds its schemas: keeps zod from probing for `eval` under a strict CSP.
import '../internal/zod-jitless.js';

import {
  RaiseConcernDocument,
  RaisePublicConcernDocument,
  type RaiseConcernMutationVariables,
  type RaisePublicConcernMutationVariables,
} from '@doorstep/client';
import type { FieldError } from '@doorstep/schema';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { SgConcernQueuedEvent } from '../events/concern-queued.js';
import { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import { SgErrorEvent } from '../events/error.js';
import { cy } from '../i18n/cy.js';
import { en } from '../i18n/en.js';
import type { Translation } from '../i18n/translation.js';
import { answerFrom, textOf } from '../internal/answers.js';
import { ApiController, send, type Api } from '../internal/api.js';
import { DraftController } from '../internal/draft.js';
import { choiceId, idFor } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController } from '../internal/localize.js';
import type { QueuedItem } from '../internal/outbox.js';
import { SubmissionController, type Later } from '../internal/submission.js';
import { checkStep, concernReducer, type ConcernAction, type FilledIn } from './answers.js';
import {
  NAMED,
  NAMED_DETAILS,
  namedCount,
  namedField,
  fieldsOf,
  questionOf,
  stepOf,
  stepsFor,
  type Answers,
  type Mode,
  type StepId,
} from './concern-input.js';
import { concernFormStyles } from './concern-form.styles.js';
import { HouseholdFinder } from './finder.js';
import { FIRST_CHOICE, targetFor } from './questions.js';
import {
  confirmationPanel,
  queuedPanel,
  statusLine,
  stepForm,
  type ConcernReceipt,
  type Notice,
  type Phase,
  type StepContext,
} from './steps.js';

/** What the device keeps while the person types. */
interface Draft {
  answers: Answers;
  step: StepId;
}

/** Sends one queued concern with its mutation: `public` ones with raisePublicConcern. */
async function sendConcern(api: Api, item: QueuedItem): Promise<ConcernReceipt> {
  const variables = { idempotencyKey: item.key, input: item.input };
  if (item.kind === 'public') {
    const { raisePublicConcern } = await send(
      api,
      RaisePublicConcernDocument,
      variables as RaisePublicConcernMutationVariables,
    );
    return raisePublicConcern;
  }
  const { raiseConcern } = await send(api, RaiseConcernDocument, variables as RaiseConcernMutationVariables);
  return raiseConcern;
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
  @state() private received: ConcernReceipt | undefined;
  @state() private notices: Notice[] = [];
  @state() private restored = false;

  readonly #localize = new LocalizeController<Translation>(this, [en, cy]);
  readonly #api = new ApiController(this);
  readonly #finder = new HouseholdFinder(this, () => this.#api.api);
  readonly #submission = new SubmissionController<ConcernReceipt>(this, {
    queue: 'concerns',
    onDevice: () => this.offlineStorage !== 'off',
    api: () => this.#api.api,
    send: sendConcern,
    onLater: (later) => this.#onLater(later),
  });
  readonly #draft = new DraftController<Draft>(this, {
    id: () => `concern-form:${this.mode}`,
    enabled: () => this.#submission.onDevice,
    // Sent or queued in the meantime: the answers are in the outbox, not a draft any more.
    read: () =>
      this.phase !== 'form' || !Object.keys(this.answers).length
        ? undefined
        : { answers: this.answers, step: this.step },
  });
  /** What the form last wrote into the description and place itself, from the household chosen. */
  #filledIn: FilledIn = {};
  /** Counts sends; a reset while one is under way makes it no longer the form's. */
  #attempt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#restoreDraft();
  }

  override willUpdate(changed: PropertyValues<this>): void {
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
      void this.#finder.ensure(textOf(this.answers, 'householdId') || undefined);
    }
  }

  /** Clears every answer and message and shows the first step. The device's draft is deleted. */
  reset(): void {
    this.#clear();
    void this.#draft.delete();
  }

  #clear(): void {
    this.#draft.cancel();
    this.#dispatch({ type: 'clear' });
    this.step = 'urgency';
    this.errors = undefined;
    this.failure = undefined;
    this.received = undefined;
    this.restored = false;
    this.phase = 'form';
    this.#attempt++;
    this.#submission.forget();
  }

  #dispatch(action: ConcernAction): void {
    ({ answers: this.answers, filledIn: this.#filledIn } = concernReducer(
      { answers: this.answers, filledIn: this.#filledIn },
      action,
    ));
  }

  #households = (id: string | undefined) => this.#finder.byId(id);

  override render(): TemplateResult {
    const ctx = this.#context();
    return html`<div class="base" part="base" lang=${ctx.t.$code} dir=${ctx.t.$dir}>
      <div class="content">
        ${statusLine(ctx)}
        ${
          this.phase === 'sent' && this.received
            ? confirmationPanel(ctx, this.received)
            : this.phase === 'queued'
              ? queuedPanel(ctx)
              : stepForm(ctx)
        }
      </div>
    </div>`;
  }

  #context(): StepContext {
    const { t, locale } = this.#localize;
    return {
      t,
      locale,
      mode: this.mode,
      answers: this.answers,
      step: this.step,
      phase: this.phase,
      errors: this.errors,
      failure: this.failure,
      restored: this.restored,
      notices: this.notices,
      waiting: this.#submission.waiting,
      storage: this.#submission.storage,
      finder: this.#finder,
      root: this.renderRoot,
      goTo: (step, field) => void this.#goTo(step, field),
      targetFor: (field) => this.#targetFor(field),
      follow: (id) => this.#follow(id),
      onSubmit: this.#onSubmit,
      onInput: this.#onInput,
      addPerson: this.#addPerson,
      removePerson: this.#removePerson,
      startAgain: this.#startAgain,
      another: this.#another,
    };
  }

  /** Records every answer as it is typed or chosen, and saves the draft soon after. */
  #onInput = (event: Event) => {
    const action = answerFrom(event, this.renderRoot);
    if (!action) return;
    this.#dispatch({ ...action, households: this.#households });
    this.#draft.saveSoon();
  };

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.phase !== 'form') return;
    this.failure = undefined;
    const outcome = checkStep(this.mode, this.step, this.answers);
    if (outcome.type === 'errors') return this.#showErrors(outcome.errors);
    if (outcome.type === 'next') return this.#goTo(outcome.step);
    await this.#send(outcome.input);
  };

  /** Sends through the outbox (a key fixed now), and shows what became of it. */
  async #send(input: unknown): Promise<void> {
    this.errors = undefined;
    this.phase = 'sending';
    const attempt = ++this.#attempt;
    const outcome = await this.#submission.submit(this.mode === 'public' ? 'public' : 'staff', input);
    if (attempt !== this.#attempt) {
      // The form was started again meanwhile: told as for a concern sent from the outbox.
      if (outcome.type === 'stored') {
        this.#onLater({ ...outcome, type: 'sent', mine: false, local: true });
      } else if (outcome.type !== 'queued') {
        this.#onLater({ ...outcome, type: 'failed', mine: false, local: true });
      }
      return;
    }
    switch (outcome.type) {
      case 'stored':
        void this.#draft.delete();
        return this.#onLater({ ...outcome, type: 'sent', mine: true, local: true });
      case 'queued':
        void this.#draft.delete();
        // Why it waits: no connection, or (FORBIDDEN_ORIGIN) this page is not set up to send.
        this.failure = outcome.code;
        this.phase = 'queued';
        await focusAfterRender(this, '.queued__title');
        this.dispatchEvent(new SgConcernQueuedEvent(outcome.key, outcome.storage));
        return;
      default:
        // The person is here to put it right: the answers go back to the form, out of the outbox.
        this.phase = 'form';
        this.#draft.saveSoon();
        if (outcome.type === 'refused') return this.#showErrors(outcome.fields);
        this.failure = outcome.code;
        await focusAfterRender(this, '.error-summary');
        this.dispatchEvent(
          new SgErrorEvent(outcome.code, `The gateway refused the concern: ${outcome.code}`),
        );
    }
  }

  /** A concern sent (here, later, or in another tab) or refused other than as this form sent it. */
  #onLater(later: Later<ConcernReceipt>): void {
    if (later.type === 'sent') {
      const { reference, receivedAt } = later.receipt;
      if (later.mine) {
        this.received = later.receipt;
        this.phase = 'sent';
        void focusAfterRender(this, '.confirmation__title');
      } else if (later.local) {
        this.notices = [...this.notices, { type: 'sent', reference }];
      }
      if (later.local || later.mine) {
        this.dispatchEvent(new SgConcernSubmittedEvent(reference, receivedAt, later.key));
      }
    } else if (later.local && !this.notices.some((n) => n.type === 'refused')) {
      this.notices = [...this.notices, { type: 'refused' }];
      this.dispatchEvent(new SgErrorEvent(later.code, `A queued concern was refused: ${later.code}`));
    }
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
    this.#draft.saveSoon();
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
    const first = this.#finder.byId(textOf(this.answers, 'householdId'))?.members[0];
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

  #addPerson = async () => {
    const index = namedCount(this.answers);
    this.#dispatch({ type: 'add-person' });
    this.#draft.saveSoon();
    await focusAfterRender(this, `#${idFor(namedField(index, 'name'))}`);
  };

  /** Takes one person out; those after them move up, so the numbers stay as the schema counts. */
  #removePerson = async (index: number) => {
    const count = namedCount(this.answers);
    this.#dispatch({ type: 'remove-person', index, households: this.#households });
    this.errors = undefined;
    this.#draft.saveSoon();
    // Focus goes to the next person's name, else back to the add button.
    await focusAfterRender(this, index < count - 1 ? `#${idFor(namedField(index, 'name'))}` : `#${NAMED}`);
  };

  async #restoreDraft(): Promise<void> {
    const draft = await this.#draft.restore();
    // Only into an untouched form of the same mode: never over what the person has started here.
    if (!draft || Object.keys(this.answers).length || this.phase !== 'form') return;
    this.#dispatch({ type: 'restore', answers: draft.answers });
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
