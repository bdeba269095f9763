import {
  AnswerSelfAssessmentDocument,
  DoorstepError,
  OpenSelfAssessmentRoundDocument,
  SelfAssessmentDocument,
  SelfAssessmentRoundComparisonDocument,
  SignOffSelfAssessmentRoundDocument,
  SelfAssessmentComparisonDocument,
  SelfAssessmentHistoryDocument,
  type SelfAssessmentHistoryQuery,
} from '@doorstep/client';
import {
  isoDateOf,
  SELF_ASSESSMENT_LIMITS,
  SELF_ASSESSMENT_QUESTIONS,
  SELF_ASSESSMENT_STATUSES,
  type SelfAssessmentQuestionId,
  type SelfAssessmentStatus,
} from '@doorstep/schema';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { selfAssessmentCy } from '../i18n/self-assessment.cy.js';
import { selfAssessmentEn } from '../i18n/self-assessment.en.js';
import type { SelfAssessmentTranslation } from '../i18n/translation.js';
import { ApiController, send, type Api } from '../internal/api.js';
import { DraftController } from '../internal/draft.js';
import { choices, idFor, textArea, textInput } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController, plural } from '../internal/localize.js';
import type { QueuedItem } from '../internal/outbox.js';
import { requestFailed } from '../internal/panels.js';
import { SubmissionController, type Later } from '../internal/submission.js';
import { tokenSubject } from '../internal/token.js';
import { lastRoundLine, openRound, roundPanel, type RoundStep, type RoundView } from './rounds.js';
import { selfAssessmentStyles } from './self-assessment.styles.js';

/** How long typing may pause before the evidence is saved. */
export const SAVE_AFTER_TYPING_MS = 1500;

type QuestionId = SelfAssessmentQuestionId;

/** A saved answer, as every query here asks for it. */
type SavedAnswer = SelfAssessmentHistoryQuery['selfAssessmentHistory'][number];

/** One question as this page holds it: the last saved answer, and what the person has in front of them. */
interface Row {
  saved: SavedAnswer | null;
  status: SelfAssessmentStatus | undefined;
  evidence: string;
  state: 'idle' | 'saving' | 'failed' | 'needs-status' | 'conflict';
  /** The error code, when `failed`. */
  failure?: string | undefined;
  /** Their answer, when someone else saved first (`conflict`). */
  theirs?: SavedAnswer | undefined;
}

interface Comparison {
  date: string;
  rows: Map<string, { earlier: SavedAnswer | null; changed: boolean }>;
}

/** An answer as it is sent, and as it waits in the outbox or the draft. */
interface AnswerInput {
  questionId: QuestionId;
  status: SelfAssessmentStatus;
  evidence?: string | undefined;
  /** The saved answer this one replaces: someone else's saved since is a conflict, not overwritten. */
  basedOn?: string | undefined;
}

/**
 * What the device keeps of answers not saved yet, by question, with the answer each is based on,
 * and whose they are (the token's `sub`): on a shared device they come back only for that person.
 */
interface Draft {
  owner: string | undefined;
  answers: Partial<
    Record<
      QuestionId,
      { status?: SelfAssessmentStatus | undefined; evidence: string; basedOn?: string | undefined }
    >
  >;
}

/** Sends one answer (the gateway saves nothing for the same answer again, so a resend is harmless). */
async function sendAnswer(api: Api, item: QueuedItem): Promise<SavedAnswer> {
  const { answerSelfAssessment } = await send(api, AnswerSelfAssessmentDocument, {
    input: item.input as AnswerInput,
  });
  return answerSelfAssessment;
}

const statusName = (id: string) => `status.${id}`;
const evidenceName = (id: string) => `evidence.${id}`;
const same = (row: Row, answer: SavedAnswer | null) =>
  !!answer && answer.status === row.status && (answer.evidence ?? '') === row.evidence.trim();

/**
 * The adult safeguarding self-assessment checklist for housing (appendix 4 of the Making
 * Safeguarding Personal guide for housing, against the Care and Support Statutory Guidance): each
 * question with its paragraph references, answered yes, no or in progress with comments and
 * evidence. Each answer is saved as the person goes (a choice at once, typing when it pauses or the
 * box is left); every earlier answer is kept by the gateway, and the page compares each answer with
 * how it stood on an earlier date.
 *
 * The checklist is done in rounds, typically yearly. With a round open, the answers shown are the
 * round's own (each with the last signed-off round's answer and whether it is better, the same or
 * worse, in words), the questions not answered in it yet are listed, and the safeguarding lead can
 * sign it off (a confirming step; the gateway refuses while any question is unanswered, and the
 * page lists which). With none open, the lead can open one by name. When someone else saves the same question first, nothing is
 * overwritten: the page shows both and the person chooses. An answer that cannot be saved for want
 * of a connection waits in the encrypted outbox and is saved, once, when the connection returns,
 * even after a reload; what is typed and not saved yet is kept in an encrypted draft on the device.
 *
 * For a safeguarding lead or manager (who answer) or a safeguarding champion (who reads), signed in
 * through the host portal's token. It takes the gateway's address and token from its own `endpoint`
 * / `token`, else from the closest `<sg-provider>`.
 *
 * @summary The housing adult safeguarding self-assessment, saved as you go.
 *
 * @event {SgErrorEvent} sg-error - Loading or saving failed for a reason other than the answers
 *   (`event.code`: `NETWORK_ERROR`, `UNAUTHENTICATED`, `FORBIDDEN`, …). The page has said so.
 *
 * @csspart base - The wrapper of everything.
 * @csspart round - The round: open (with the sign-off step) or the form to open one.
 * @csspart movement - Beside each question in an open round: the last round's answer and how it moved.
 * @csspart progress - The line saying how many questions are answered.
 * @csspart compare - The form to compare with an earlier date.
 * @csspart question - Each question's section.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint, and the paragraph references.
 * @csspart control - The evidence boxes and the date input.
 * @csspart choice - Radio inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message.
 * @csspart save-state - Each question's "Saved …" line.
 * @csspart conflict - The box shown when someone else saved a question first.
 * @csspart earlier - Each question's answer on the earlier date, when comparing.
 * @csspart button - Every button.
 *
 * @cssproperty --sg-self-assessment-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-self-assessment-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-self-assessment-max-width - Width of the column. Default 48em.
 * @cssproperty --sg-self-assessment-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-self-assessment-secondary-text-color - Hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-self-assessment-border-color - Inputs' borders. Falls back to `--sg-color-border`.
 * @cssproperty --sg-self-assessment-rule-color - Lines between questions. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-self-assessment-error-color - Falls back to `--sg-color-error`.
 * @cssproperty --sg-self-assessment-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-self-assessment-link-color - Links and notices. Falls back to `--sg-color-link`.
 * @cssproperty --sg-self-assessment-button-color - Falls back to `--sg-color-button`.
 */
export class SgSelfAssessment extends LitElement {
  static override styles = selfAssessmentStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** A staff member's bearer token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  /**
   * Show the answers without letting them be changed (for a safeguarding champion, who may read
   * but not answer). Set by the page; the widget also turns it on when the gateway refuses a save.
   */
  @property({ type: Boolean }) readonly = false;

  @state() private rows: Partial<Record<QuestionId, Row>> | undefined;
  @state() private loadFailure: string | undefined;
  /** The gateway refused a save: this person may read but not answer. */
  @state() private refused = false;
  @state() private comparison: Comparison | undefined;
  @state() private compareError: string | undefined;
  @state() private compareDate = '';
  /** The round shown (the open one, else the newest); null: none yet. */
  @state() private round: RoundView = null;
  @state() private roundStep: RoundStep = { step: 'idle', name: '' };

  // Someone else signed in, or another gateway: load their organisation's answers, as theirs.
  readonly #api = new ApiController(this, () => void this.#load());
  readonly #localize = new LocalizeController<SelfAssessmentTranslation>(this, [
    selfAssessmentEn,
    selfAssessmentCy,
  ]);
  readonly #submission = new SubmissionController<SavedAnswer>(this, {
    queue: 'self-assessment',
    onDevice: () => true,
    api: () => this.#api.api,
    send: sendAnswer,
    onLater: (later) => this.#onLater(later),
    // Answers that waited when the page closed are sent once the page knows them again.
    ready: () => this.#ready,
  });
  readonly #draft = new DraftController<Draft>(this, {
    id: () => 'self-assessment',
    enabled: () => this.#submission.onDevice,
    read: () => (this.rows ? { owner: this.#owner, answers: this.#unsaved() } : undefined),
  });
  readonly #saving = new Set<QuestionId>();
  readonly #saveAgain = new Set<QuestionId>();
  readonly #typingTimers = new Map<QuestionId, ReturnType<typeof setTimeout>>();
  /** Who is answering (the token's `sub`), known once the checklist has loaded. */
  #owner: string | undefined;
  /** The key of each question's answer waiting in the outbox. */
  readonly #waiting = new Map<QuestionId, string>();
  #isReady: () => void = () => undefined;
  /** Settled once the checklist has loaded (or failed to) and what this person had is restored. */
  readonly #ready = new Promise<void>((resolve) => (this.#isReady = resolve));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#retryFailed);
    window.addEventListener('beforeunload', this.#warnUnsaved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#retryFailed);
    window.removeEventListener('beforeunload', this.#warnUnsaved);
    for (const timer of this.#typingTimers.values()) clearTimeout(timer);
    this.#typingTimers.clear();
  }

  override firstUpdated(): void {
    // After the host page's own scripts of this turn (which may give the provider its token).
    setTimeout(() => void this.#load().finally(this.#isReady));
  }

  override render(): TemplateResult {
    const { t } = this.#localize;
    const s = t.selfAssessment;
    return html`<div class="base" part="base" lang=${t.$code} dir=${t.$dir}>
      <div class="content">
        <h2 class="title">${s.title}</h2>
        ${s.intro.map((line) => html`<p>${line}</p>`)}
        ${
          this.loadFailure
            ? this.#renderLoadFailure(this.loadFailure)
            : this.rows
              ? this.#renderChecklist(this.rows)
              : html`<p role="status">${s.loading}</p>`
        }
      </div>
    </div>`;
  }

  #renderLoadFailure(code: string): TemplateResult {
    const failed = this.#localize.t.selfAssessment.loadFailed;
    return requestFailed(failed, code, {
      more: html`<button
        type="button"
        class="button button--secondary"
        part="button"
        @click=${() => this.#load()}
      >
        ${failed.retry}
      </button>`,
    });
  }

  #renderChecklist(rows: Partial<Record<QuestionId, Row>>): TemplateResult {
    const { t, locale } = this.#localize;
    const s = t.selfAssessment;
    const answered = SELF_ASSESSMENT_QUESTIONS.filter((q) => rows[q.id]?.saved).length;
    const comparison = this.comparison;
    const changed = comparison ? [...comparison.rows.values()].filter((r) => r.changed).length : 0;
    return html`
      <p class="progress" part="progress">
        ${s.progress(answered, SELF_ASSESSMENT_QUESTIONS.length, locale)}
      </p>
      ${this.#readOnly ? html`<p class="notice" role="status">${s.readOnly}</p>` : nothing}
      ${roundPanel({
        t,
        locale,
        view: this.round,
        step: this.roundStep,
        readOnly: this.#readOnly,
        unanswered: SELF_ASSESSMENT_QUESTIONS.filter((q) => !rows[q.id]?.saved).map((q) => q.id),
        onOpen: this.#openRound,
        onSignOff: () => this.#stepTo({ step: 'confirm' }, '.round__confirm'),
        onConfirm: this.#signOff,
        onCancel: () => this.#stepTo({ step: 'idle' }, '.round .button'),
        onGoTo: (id) => void focusAfterRender(this, `[name="${statusName(id)}"]`),
      })}
      <form class="compare" part="compare" novalidate @submit=${this.#onCompare}>
        ${textInput({
          name: 'compareDate',
          type: 'date',
          label: s.compare.label,
          hint: s.compare.hint,
          error: this.compareError,
          value: this.compareDate,
          errorPrefix: t.errorPrefix,
        })}
        <div class="compare__actions">
          <button class="button button--secondary" part="button" type="submit">${s.compare.button}</button>
          ${
            comparison
              ? html`<button
                  type="button"
                  class="button button--secondary"
                  part="button"
                  @click=${this.#stopComparing}
                >
                  ${s.compare.stop}
                </button>`
              : nothing
          }
        </div>
      </form>
      ${
        comparison
          ? html`<p class="notice comparing" tabindex="-1">
              <strong>${s.compare.comparing(new Date(`${comparison.date}T00:00:00Z`), locale)}</strong>
              ${plural(s.compare.changedCount, changed, locale)}
            </p>`
          : nothing
      }
      <div class="questions" @change=${this.#onChange} @input=${this.#onTyping}>
        ${SELF_ASSESSMENT_QUESTIONS.map((question) => this.#renderQuestion(question, rows[question.id]!))}
      </div>
    `;
  }

  #renderQuestion(question: (typeof SELF_ASSESSMENT_QUESTIONS)[number], row: Row): TemplateResult {
    const { t, locale } = this.#localize;
    const s = t.selfAssessment;
    const id = question.id;
    const words = { errorPrefix: t.errorPrefix, optional: t.optional };
    const earlier = this.comparison?.rows.get(id);
    return html`<section class="question" part="question" aria-labelledby="question-${idFor(id)}">
      <h3 class="question__title" id="question-${idFor(id)}">
        <span class="question__number">${id}</span> ${s.questions[id]}
      </h3>
      ${lastRoundLine(t, this.round, id, row.saved?.status)}
      ${
        question.paragraphs.length
          ? html`<p class="hint" part="hint">${s.paragraphs([...question.paragraphs])}</p>`
          : nothing
      }
      ${
        this.#readOnly
          ? html`<p><strong>${row.status ? s.status.options[row.status] : s.compare.notAnswered}</strong></p>
              <p class="evidence">${row.evidence || s.noEvidence}</p>`
          : html`${choices({
              ...words,
              optional: undefined,
              type: 'radio',
              name: statusName(id),
              legend: s.status.legend(id),
              legendSize: 's',
              items: SELF_ASSESSMENT_STATUSES.map((status) => ({
                value: status,
                label: s.status.options[status],
                selected: row.status === status,
              })),
            })}
            ${textArea({
              ...words,
              name: evidenceName(id),
              label: s.evidence.label(id),
              hint: s.evidence.hint,
              value: row.evidence,
              rows: 3,
            })}`
      }
      <p class="save-state" part="save-state" role="status">${this.#saveState(row)}</p>
      ${
        row.state === 'failed'
          ? html`<button type="button" class="link" @click=${() => void this.#save(id)}>
              ${s.save.retry}
            </button>`
          : nothing
      }
      ${row.state === 'conflict' && row.theirs ? this.#renderConflict(id, row.theirs) : nothing}
      ${
        earlier
          ? html`<div class="earlier" part="earlier">
              <p>
                <strong>${s.compare.earlier(new Date(`${this.comparison!.date}T00:00:00Z`), locale)}:</strong>
                ${earlier.earlier ? s.status.options[earlier.earlier.status] : s.compare.notAnswered}
                <span class="tag ${earlier.changed ? 'tag--changed' : ''}"
                  >${earlier.changed ? s.compare.changed : s.compare.unchanged}</span
                >
              </p>
              ${earlier.earlier?.evidence ? html`<p class="evidence">${earlier.earlier.evidence}</p>` : nothing}
            </div>`
          : nothing
      }
    </section>`;
  }

  #renderConflict(id: QuestionId, theirs: SavedAnswer): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.selfAssessment.conflict;
    return html`<div class="conflict" part="conflict" role="alert">
      <h4 class="conflict__title">${c.title}</h4>
      <p>${c.body}</p>
      <p><strong>${t.selfAssessment.status.options[theirs.status]}</strong></p>
      ${theirs.evidence ? html`<p class="evidence">${theirs.evidence}</p>` : nothing}
      <p class="hint">${c.theirs(new Date(theirs.answeredAt), theirs.answeredBy, locale)}</p>
      <div class="conflict__actions">
        <button type="button" class="button" part="button" @click=${() => this.#keepMine(id, theirs)}>
          ${c.keepMine}
        </button>
        <button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${() => this.#useTheirs(id, theirs)}
        >
          ${c.useTheirs}
        </button>
      </div>
    </div>`;
  }

  get #readOnly(): boolean {
    return this.readonly || this.refused;
  }

  #saveState(row: Row): string {
    const { t, locale } = this.#localize;
    const save = t.selfAssessment.save;
    switch (row.state) {
      case 'saving':
        return save.saving;
      case 'needs-status':
        return save.needsStatus;
      case 'failed':
        return save.failed[row.failure ?? ''] ?? save.failed.other;
      case 'conflict':
        return '';
      case 'idle':
        return row.saved && same(row, row.saved)
          ? save.saved(new Date(row.saved.answeredAt), row.saved.answeredBy, locale)
          : '';
    }
  }

  async #load(): Promise<void> {
    this.loadFailure = undefined;
    try {
      this.#owner = tokenSubject(await this.#api.api.tokens.get().catch(() => undefined));
      const [{ selfAssessment }, { selfAssessmentRoundComparison: round }] = await Promise.all([
        send(this.#api.api, SelfAssessmentDocument),
        send(this.#api.api, SelfAssessmentRoundComparisonDocument),
      ]);
      // With a round open, the answers are the round's own: a question not answered in it yet is
      // shown unanswered, and an answer is based on the round's latest.
      const inRound = openRound(round)
        ? new Map(round!.rows.map((row) => [row.question.id, row.answer]))
        : undefined;
      const rows: Partial<Record<QuestionId, Row>> = {};
      for (const item of selfAssessment) {
        const id = item.question.id as QuestionId;
        const answer = inRound ? (inRound.get(id) ?? null) : item.answer;
        rows[id] = { saved: answer, status: answer?.status, evidence: answer?.evidence ?? '', state: 'idle' };
      }
      this.round = round;
      this.rows = rows;
      await this.#restore();
    } catch (error) {
      const e = asError(error);
      this.loadFailure = e.code;
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    }
  }

  /**
   * Brings back what this person had not saved when the page closed: answers waiting in the outbox
   * (they are this page's again, and go on their own), then what the draft kept of the rest, each
   * only over the answer it was based on (someone else's answer since is left as it is).
   */
  async #restore(): Promise<void> {
    // Read before anything changes on the page (a change saves the draft again).
    const draft = await this.#draft.restore();
    const kept = draft && draft.owner === this.#owner ? draft.answers : {};
    for (const item of await this.#submission.queued()) {
      const input = item.input as AnswerInput;
      if (!this.rows?.[input.questionId]) continue;
      this.#submission.adopt(item.key);
      this.#waiting.set(input.questionId, item.key);
      this.#patch(input.questionId, {
        status: input.status,
        evidence: input.evidence ?? '',
        state: 'failed',
        failure: 'NETWORK_ERROR',
      });
    }
    for (const [key, answer] of Object.entries(kept)) {
      const id = key as QuestionId;
      const row = this.rows?.[id];
      if (!row || !answer || this.#waiting.has(id) || answer.basedOn !== row.saved?.id) continue;
      this.#patch(id, { status: answer.status, evidence: answer.evidence });
      void this.#save(id);
    }
  }

  /** The answers on the page not saved yet, as the draft keeps them. */
  #unsaved(): Draft['answers'] {
    const draft: Draft['answers'] = {};
    for (const [key, row] of Object.entries(this.rows ?? {})) {
      if (row && (row.status || row.evidence.trim()) && !same(row, row.saved)) {
        draft[key as QuestionId] = { status: row.status, evidence: row.evidence, basedOn: row.saved?.id };
      }
    }
    return draft;
  }

  #patch(id: QuestionId, change: Partial<Row>): void {
    const row = this.rows?.[id];
    if (!row) return;
    this.rows = { ...this.rows, [id]: { ...row, ...change } };
    this.#draft.saveSoon();
  }

  /** Which question a control belongs to, and whether it is the answer or the evidence. */
  #controlOf(event: Event): { id: QuestionId; kind: 'status' | 'evidence'; value: string } | undefined {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    const [kind, id] = control.name?.split('.') ?? [];
    if ((kind !== 'status' && kind !== 'evidence') || !this.rows?.[id as QuestionId]) return undefined;
    return { id: id as QuestionId, kind, value: control.value };
  }

  #onChange = (event: Event): void => {
    const control = this.#controlOf(event);
    if (!control) return;
    if (control.kind === 'status') {
      this.#patch(control.id, { status: control.value as SelfAssessmentStatus });
    } else {
      this.#patch(control.id, { evidence: control.value.slice(0, SELF_ASSESSMENT_LIMITS.evidence) });
    }
    clearTimeout(this.#typingTimers.get(control.id));
    void this.#save(control.id);
  };

  #onTyping = (event: Event): void => {
    const control = this.#controlOf(event);
    if (!control || control.kind !== 'evidence') return;
    this.#patch(control.id, { evidence: control.value.slice(0, SELF_ASSESSMENT_LIMITS.evidence) });
    clearTimeout(this.#typingTimers.get(control.id));
    this.#typingTimers.set(
      control.id,
      setTimeout(() => void this.#save(control.id), SAVE_AFTER_TYPING_MS),
    );
  };

  /**
   * Saves one question's answer, based on the answer last saved as this page knows it, through the
   * outbox: without a connection it waits there (one per question, the newest) and is saved when
   * the connection returns. One save per question at a time: a change made meanwhile is saved
   * straight after.
   */
  async #save(id: QuestionId): Promise<void> {
    const row = this.rows?.[id];
    if (!row || this.#readOnly || row.state === 'conflict') return;
    if (!row.status) {
      this.#patch(id, { state: row.evidence.trim() ? 'needs-status' : 'idle' });
      return;
    }
    if (same(row, row.saved)) {
      this.#patch(id, { state: 'idle' });
      return;
    }
    if (this.#saving.has(id)) {
      this.#saveAgain.add(id);
      return;
    }
    this.#saving.add(id);
    this.#patch(id, { state: 'saving', failure: undefined });
    const input: AnswerInput = {
      questionId: id,
      status: row.status,
      evidence: row.evidence.trim() || undefined,
      basedOn: row.saved?.id,
    };
    const key = this.#waiting.get(id) ?? `${id}:${crypto.randomUUID()}`;
    try {
      const outcome = await this.#submission.submit('answer', input, key);
      if (outcome.type === 'queued') {
        this.#waiting.set(id, key);
        this.dispatchEvent(new SgErrorEvent(outcome.code, `Not saved yet: ${outcome.code}`));
        this.#patch(id, { state: 'failed', failure: outcome.code });
        return;
      }
      this.#waiting.delete(id);
      if (outcome.type === 'stored') this.#patch(id, { saved: outcome.receipt, state: 'idle' });
      else await this.#saveFailed(id, new DoorstepError(outcome.code, `Not saved: ${outcome.code}`));
    } finally {
      this.#saving.delete(id);
      if (this.#saveAgain.delete(id)) void this.#save(id);
    }
  }

  /** An answer that waited in the outbox, saved (or refused) later. */
  #onLater(later: Later<SavedAnswer>): void {
    const id = [...this.#waiting].find(([, key]) => key === later.key)?.[0];
    if (!later.mine || !id) return;
    this.#waiting.delete(id);
    if (later.type === 'failed') {
      void this.#submission.withdraw(later.key);
      void this.#saveFailed(id, new DoorstepError(later.code, `Not saved: ${later.code}`));
      return;
    }
    this.#patch(id, { saved: later.receipt, state: 'idle' });
    // Changed again while it waited: that change is saved now, on top of it.
    if (!same(this.rows![id]!, later.receipt)) void this.#save(id);
  }

  async #saveFailed(id: QuestionId, error: DoorstepError): Promise<void> {
    if (error.code === 'STALE_VERSION') {
      this.#saveAgain.delete(id);
      try {
        const { selfAssessmentHistory } = await send(this.#api.api, SelfAssessmentHistoryDocument, {
          questionId: id,
        });
        this.#patch(id, { state: 'conflict', theirs: selfAssessmentHistory[0] });
        return;
      } catch (again) {
        error = asError(again);
      }
    }
    this.dispatchEvent(new SgErrorEvent(error.code, error.message));
    if (error.code === 'FORBIDDEN') {
      // Read only from now on, showing what is saved rather than what could not be.
      this.refused = true;
      const saved = this.rows?.[id]?.saved ?? null;
      this.#patch(id, { status: saved?.status, evidence: saved?.evidence ?? '', state: 'idle' });
      return;
    }
    this.#patch(id, { state: 'failed', failure: error.code });
  }

  /** After a conflict: save this page's answer over theirs, now that it has been seen. */
  #keepMine(id: QuestionId, theirs: SavedAnswer): void {
    this.#patch(id, { saved: theirs, state: 'idle', theirs: undefined });
    void this.#save(id);
  }

  /** After a conflict: take their answer into the page, and drop this page's. */
  #useTheirs(id: QuestionId, theirs: SavedAnswer): void {
    this.#patch(id, {
      saved: theirs,
      status: theirs.status,
      evidence: theirs.evidence ?? '',
      state: 'idle',
      theirs: undefined,
    });
    void focusAfterRender(this, `#${CSS.escape(`${idFor(statusName(id))}-${theirs.status}`)}`);
  }

  #retryFailed = (): void => {
    for (const [id, row] of Object.entries(this.rows ?? {})) {
      if (row?.state === 'failed') void this.#save(id as QuestionId);
    }
  };

  /** Answers not yet saved make the browser ask before the page is left. */
  #warnUnsaved = (event: BeforeUnloadEvent): void => {
    const unsaved = Object.values(this.rows ?? {}).some(
      (row) => row && (row.evidence.trim() || row.status) && !same(row, row.saved),
    );
    if (unsaved) event.preventDefault();
  };

  #onCompare = async (event: Event): Promise<void> => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('[name="compareDate"]')!;
    const date = input.value;
    this.compareDate = date;
    const s = this.#localize.t.selfAssessment;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > isoDateOf()) {
      this.compareError = s.compare.invalidDate;
      await focusAfterRender(this, '#compareDate');
      return;
    }
    this.compareError = undefined;
    try {
      const { selfAssessmentComparison } = await send(this.#api.api, SelfAssessmentComparisonDocument, {
        earlier: date,
      });
      this.comparison = {
        date,
        rows: new Map(
          selfAssessmentComparison.map((row) => [
            row.question.id,
            { earlier: row.earlier, changed: row.changed },
          ]),
        ),
      };
      await focusAfterRender(this, '.comparing');
    } catch (error) {
      const e = asError(error);
      this.compareError =
        e.code === 'BAD_USER_INPUT'
          ? s.compare.invalidDate
          : (s.loadFailed.byCode[e.code] ?? s.loadFailed.other);
      await focusAfterRender(this, '#compareDate');
    }
  };

  #stepTo(change: Partial<RoundStep>, focus?: string): void {
    this.roundStep = { ...this.roundStep, failure: undefined, done: undefined, ...change };
    if (focus) void focusAfterRender(this, focus);
  }

  #openRound = async (event: Event): Promise<void> => {
    event.preventDefault();
    const r = this.#localize.t.selfAssessment.rounds;
    const name = (event.target as HTMLFormElement).querySelector<HTMLInputElement>(
      '[name="roundName"]',
    )!.value;
    if (!name.trim()) {
      this.#stepTo({ name, nameError: r.name.required }, '#roundName');
      return;
    }
    this.#stepTo({ step: 'busy', name, nameError: undefined });
    try {
      const { openSelfAssessmentRound } = await send(this.#api.api, OpenSelfAssessmentRoundDocument, {
        input: { name },
      });
      await this.#load();
      this.#stepTo(
        { step: 'idle', name: '', done: r.opened(openSelfAssessmentRound.name) },
        '.round .notice',
      );
    } catch (error) {
      await this.#roundFailed(asError(error));
    }
  };

  #signOff = async (): Promise<void> => {
    const open = openRound(this.round);
    if (!open) return;
    this.#stepTo({ step: 'busy', refused: undefined });
    try {
      const { signOffSelfAssessmentRound } = await send(this.#api.api, SignOffSelfAssessmentRoundDocument, {
        id: open.id,
      });
      await this.#load();
      const done = this.#localize.t.selfAssessment.rounds.signedOff(signOffSelfAssessmentRound.name);
      this.#stepTo({ step: 'idle', done }, '.round .notice');
    } catch (error) {
      const e = asError(error);
      if (e.code !== 'UNANSWERED_QUESTIONS') return this.#roundFailed(e);
      // The gateway's list is the round's unanswered questions now: read the round again for it.
      await this.#load();
      const refused = SELF_ASSESSMENT_QUESTIONS.filter((q) => !this.rows?.[q.id]?.saved).map((q) => q.id);
      this.#stepTo({ step: 'idle', refused }, '.round__refused');
    }
  };

  /** Opening or signing off failed: another round was opened meanwhile (shown now), or said why. */
  async #roundFailed(error: DoorstepError): Promise<void> {
    this.dispatchEvent(new SgErrorEvent(error.code, error.message));
    if (error.code === 'ROUND_ALREADY_OPEN' || error.code === 'INVALID_TRANSITION') await this.#load();
    this.#stepTo({ step: 'idle', failure: error.code }, '.round [role="alert"]');
  }

  #stopComparing = async (): Promise<void> => {
    this.comparison = undefined;
    await focusAfterRender(this, '#compareDate');
  };
}

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));
