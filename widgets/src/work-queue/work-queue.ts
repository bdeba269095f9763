import {
  DoorstepError,
  ReferralDraftDocument,
  ReviewCumulativeFlagDocument,
  TriageConcernDocument,
  WorkQueueDocument,
  type ReferralDraftQuery,
  type TriageInput,
  type WorkQueueQuery,
} from '@doorstep/client';
import type { LegalBasis, RiskLevel, TriageDecision } from '@doorstep/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { SgOpenEvent } from '../events/open.js';
import { SgTriagedEvent } from '../events/triaged.js';
import type { WorkQueueTranslation } from '../i18n/translation.js';
import { workQueueCy } from '../i18n/work-queue.cy.js';
import { workQueueEn } from '../i18n/work-queue.en.js';
import { ApiController, send } from '../internal/api.js';
import { formatDay } from '../internal/datetime.js';
import { choices, errorSummary, idFor, selectField, textArea } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController, plural } from '../internal/localize.js';
import { requestFailed } from '../internal/panels.js';
import { viewShell, viewTitle } from '../internal/view-shell.js';
import { workQueueStyles } from './work-queue.styles.js';

/** How many of each kind of item one read asks for (the gateway's most is 100). */
export const QUEUE_SIZE = 50;

type Queue = WorkQueueQuery;
type ToTriage = Queue['concernsToTriage']['edges'][number]['node'];
type Flag = Queue['cumulativeFlags'][number];
type Draft = ReferralDraftQuery['referralDraft'];

/** A warning due for review, waiting for sign-off, or both. */
interface QueuedWarning {
  id: string;
  type: Queue['warningsDueForReview']['edges'][number]['node']['type'];
  subjectName: string | null | undefined;
  reviewDate: string;
  dueForReview: boolean;
  awaitingSignOff: boolean;
}

/** What the lead has entered in a triage form so far, by the gateway's field names. */
type TriageFields = Partial<
  Record<
    | 'decision'
    | 'riskLevel'
    | 'reason'
    | 'referral.recipientOrganisationId'
    | 'referral.legalBasis'
    | 'referral.legalBasisReason'
    | 'referral.summary',
    string
  >
>;

/** The triage form open on one concern: what was entered, and how sending it went. */
interface OpenTriage {
  concern: ToTriage;
  fields: TriageFields;
  errors: Partial<Record<string, string>>;
  draft: { phase: 'loading' } | { phase: 'loaded'; draft: Draft } | { phase: 'failed' } | undefined;
  saving: boolean;
  /** A refusal that is not about a field: its code, or `STALE` when a colleague got there first. */
  failure: string | undefined;
}

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));

/** The gateway's answer for someone the work queue is not for. */
const REFUSED = new Set(['FORBIDDEN']);
/** Someone else triaged or closed it, or it is no longer there for this lead. */
const GONE = new Set(['STALE_VERSION', 'INVALID_TRANSITION', 'NOT_FOUND']);

/**
 * One formatter per locale for times in UK time (safeguarding's deadlines are the landlord's, not the
 * browser's time zone).
 */
const momentFormats = new Map<string, Intl.DateTimeFormat>();
function formatUk(at: string, locale: string): string {
  let format = momentFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Europe/London',
    });
    momentFormats.set(locale, format);
  }
  return format.format(new Date(at));
}

/** Today in the UK, `YYYY-MM-DD`, to compare with a warning's review date. */
const ukToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);

/**
 * The safeguarding team's inbox, in one place and one request: the concerns waiting for triage (the
 * most urgent first, each with the time its triage is due, "Overdue" when it has passed), the
 * low-level concerns that have added up (cumulative-concern flags), the referrals agencies are late
 * answering, the warnings due for review or waiting for a manager's sign-off, the overdue tasks, and
 * the case actions and reviews falling due in the next 14 days (a lead's for every case, a
 * champion's for the cases they lead; once overdue they are tasks).
 * Each section says how many it holds.
 *
 * A concern is triaged where it is: the decision, the level of risk and the reason, and for a
 * referral the agency, the legal basis and what the agency needs to know (prefilled from the
 * concern). The gateway checks it; a refusal is shown by the field it is about, and nothing entered
 * is lost. A concern someone else triaged first is said plainly. A flag is reviewed with a reason.
 * Everything else opens where it is worked (`sg-open`).
 *
 * It is for safeguarding leads and champions: the gateway refuses everyone else (contractors,
 * housing officers, managers, agency officers), who see a plain notice and no data. It reads afresh
 * with "Refresh", when the page is shown again, and when its token or endpoint changes. Times are
 * UK time. It takes the gateway's address and token from its own `endpoint` / `token`, else from the
 * closest `<sg-provider>`.
 *
 * @summary The safeguarding team's inbox: triage concerns, review flags, open the rest.
 *
 * @event {SgOpenEvent} sg-open - The user chose "Open" on an item: `event.kind` is the record's type
 *   (`Concern`, `CumulativeFlag`, `Referral`, `Warning`, `Case` for case work due, or a task's source
 *   type) and `event.id` its id. The host page opens it.
 * @event {SgTriagedEvent} sg-triaged - A concern was triaged from the widget: `event.concernId`,
 *   `event.decision`, `event.riskLevel`. It has left the queue.
 * @event {SgErrorEvent} sg-error - Loading, a triage or a review failed for a reason the answers
 *   cannot fix (`event.code`: `FORBIDDEN`, `STALE_VERSION`, `NETWORK_ERROR`, …). The widget has
 *   said so. Answers the gateway refused are shown by their fields, with no event.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The "Work queue" heading.
 * @csspart section - Each section.
 * @csspart count - Each section's count.
 * @csspart item - Each item.
 * @csspart item-overdue - Each item past its due time (besides `item`).
 * @csspart overdue - The "Overdue" tag.
 * @csspart panel - The triage and review forms.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - Text areas and the agency list.
 * @csspart choice - Radio inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message.
 * @csspart error-summary - The boxes saying something failed.
 * @csspart button - Every button.
 *
 * @cssproperty --sg-work-queue-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-work-queue-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-work-queue-max-width - Width of the column. Default 48em.
 * @cssproperty --sg-work-queue-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-work-queue-secondary-text-color - Times and hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-work-queue-rule-color - Lines between items. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-work-queue-error-color - Overdue items' edge and tag, errors. Falls back to `--sg-color-error`.
 * @cssproperty --sg-work-queue-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-work-queue-link-color - Falls back to `--sg-color-link`.
 * @cssproperty --sg-work-queue-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-work-queue-button-text-color - Falls back to `--sg-color-button-text`.
 */
export class SgWorkQueue extends LitElement {
  static override styles = workQueueStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** The signed-in member of staff's token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  @state() private phase: 'loading' | 'loaded' | 'unavailable' | 'failed' = 'loading';
  @state() private failure = '';
  @state() private queue: Queue | undefined;
  @state() private refreshing = false;
  @state() private updatedAt: string | undefined;
  @state() private triage: OpenTriage | undefined;
  /** The flag whose review form is open, with the reason entered so far. */
  @state() private review: { id: string; reason: string; error?: string; failure?: string } | undefined;
  @state() private announcement = '';
  /** Said over the concerns: one the lead had open was dealt with by someone else. */
  @state() private goneNotice = '';

  // Someone else signed in, or another gateway: read the queue afresh, as they may see it.
  readonly #api = new ApiController(this, () => void this.#load(true));
  readonly #localize = new LocalizeController<WorkQueueTranslation>(this, [workQueueEn, workQueueCy]);
  /** The latest read: an older answer arriving late is dropped. */
  #loading = 0;
  /** Whether a first read was asked for. */
  #read = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  override updated(changed: PropertyValues): void {
    // The first time, and whenever someone else may be reading (a new token or gateway): everything
    // shown goes, and the gateway decides again. After the host page's own scripts of this turn
    // (which may give the provider its token).
    if (!this.#read || ['token', 'endpoint'].some((key) => changed.has(key))) {
      this.#read = true;
      setTimeout(() => void this.#load(true));
    }
  }

  /** Reads the queue again (after the host page changed something it shows). */
  async refresh(): Promise<void> {
    await this.#load(false);
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible' && this.phase === 'loaded') void this.#load(false);
  };

  /** `afresh`: forget what is shown (another reader); else refresh over it, keeping open forms. */
  async #load(afresh: boolean): Promise<void> {
    const ticket = ++this.#loading;
    if (afresh || this.phase !== 'loaded') {
      this.phase = 'loading';
      this.queue = undefined;
      this.triage = undefined;
      this.review = undefined;
    } else {
      this.refreshing = true;
    }
    try {
      const queue = await send(this.#api.api, WorkQueueDocument, { first: QUEUE_SIZE });
      if (ticket !== this.#loading) return;
      this.#show(queue);
    } catch (error) {
      if (ticket !== this.#loading) return;
      const e = asError(error);
      this.queue = undefined;
      this.triage = undefined;
      this.review = undefined;
      this.phase = REFUSED.has(e.code) ? 'unavailable' : 'failed';
      this.failure = e.code;
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    } finally {
      if (ticket === this.#loading) this.refreshing = false;
    }
  }

  #show(queue: Queue): void {
    this.queue = queue;
    this.phase = 'loaded';
    this.updatedAt = new Date().toISOString();
    const open = this.triage;
    // A triage on its way may have taken the concern out of this answer: its own answer says so.
    if (open && !open.saving) {
      const still = queue.concernsToTriage.edges.find((e) => e.node.id === open.concern.id)?.node;
      if (!still) {
        this.goneNotice = this.#localize.t.workQueue.triage.gone(open.concern.reference);
        this.triage = undefined;
      } else if (still.version !== open.concern.version) {
        this.triage = { ...open, failure: 'STALE' };
      }
    }
    if (this.review && !queue.cumulativeFlags.some((f) => f.id === this.review!.id)) this.review = undefined;
  }

  // ── Triage ──

  #openTriage(concern: ToTriage): void {
    this.goneNotice = '';
    this.triage = { concern, fields: {}, errors: {}, draft: undefined, saving: false, failure: undefined };
    void focusAfterRender(this, '.panel .legend');
  }

  #closeTriage(): void {
    const id = this.triage?.concern.id;
    this.triage = undefined;
    if (id) void focusAfterRender(this, `[data-triage="${id}"]`);
  }

  /** Keeps what was entered (every keystroke and choice), so a re-render or a failure loses nothing. */
  #onTriageInput = (event: Event): void => {
    const open = this.triage;
    if (!open) return;
    const form = event.currentTarget as HTMLFormElement;
    const fields: TriageFields = {};
    for (const [name, value] of new FormData(form)) fields[name as keyof TriageFields] = String(value);
    const before = open.fields.decision;
    this.triage = { ...open, fields: { ...open.fields, ...fields } };
    if (fields.decision === 'REFER' && before !== 'REFER' && !open.draft) void this.#loadDraft(open.concern);
  };

  /** The agencies, the suggested legal basis and the prefilled summary, for a decision to refer. */
  async #loadDraft(concern: ToTriage): Promise<void> {
    const set = (draft: OpenTriage['draft']) => {
      if (this.triage?.concern.id === concern.id) this.triage = { ...this.triage, draft };
    };
    set({ phase: 'loading' });
    try {
      const { referralDraft } = await send(this.#api.api, ReferralDraftDocument, { concernId: concern.id });
      const open = this.triage;
      if (open?.concern.id !== concern.id) return;
      const fields = { ...open.fields };
      fields['referral.summary'] ??= referralDraft.summary;
      fields['referral.legalBasis'] ??= referralDraft.suggestedLegalBasis ?? undefined;
      if (referralDraft.agencies.length === 1) {
        fields['referral.recipientOrganisationId'] ??= referralDraft.agencies[0]!.id;
      }
      this.triage = { ...open, fields, draft: { phase: 'loaded', draft: referralDraft } };
    } catch (error) {
      set({ phase: 'failed' });
      const e = asError(error);
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    }
  }

  /** Fields left empty that must be answered: checked here so nothing is sent that cannot be. */
  #missing(fields: TriageFields): Partial<Record<string, string>> {
    const messages = this.#localize.t.workQueue.triage.errors;
    const needed: (keyof TriageFields)[] = ['decision', 'riskLevel', 'reason'];
    if (fields.decision === 'REFER') {
      needed.push('referral.recipientOrganisationId', 'referral.legalBasis');
      if (fields['referral.legalBasis'] !== 'CONSENT') needed.push('referral.legalBasisReason');
    }
    return Object.fromEntries(
      needed.filter((name) => !fields[name]?.trim()).map((name) => [name, messages[name]]),
    );
  }

  #input(fields: TriageFields, version: number): TriageInput {
    const blank = (value: string | undefined) => (value?.trim() ? value : undefined);
    return {
      decision: fields.decision as TriageDecision,
      riskLevel: fields.riskLevel as RiskLevel,
      reason: fields.reason!,
      expectedVersion: version,
      ...(fields.decision === 'REFER'
        ? {
            referral: {
              recipientOrganisationId: fields['referral.recipientOrganisationId']!,
              legalBasis: fields['referral.legalBasis'] as LegalBasis,
              legalBasisReason: blank(fields['referral.legalBasisReason']),
              summary: blank(fields['referral.summary']),
            },
          }
        : {}),
    };
  }

  #saveTriage = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const open = this.triage;
    if (!open || open.saving) return;
    const { t } = this.#localize;
    const missing = this.#missing(open.fields);
    if (Object.keys(missing).length) {
      this.triage = { ...open, errors: missing, failure: undefined };
      void focusAfterRender(this, '.panel .error-summary');
      return;
    }
    this.triage = { ...open, saving: true, errors: {}, failure: undefined };
    const { concern } = open;
    try {
      const { triageConcern: triaged } = await send(this.#api.api, TriageConcernDocument, {
        id: concern.id,
        input: this.#input(open.fields, concern.version),
      });
      this.#leave(concern.id);
      this.announcement = t.workQueue.triage.done(concern.reference);
      this.dispatchEvent(new SgTriagedEvent(concern.id, triaged.triageDecision!, triaged.riskLevel!));
    } catch (error) {
      const e = asError(error);
      const errors = e.code === 'BAD_USER_INPUT' && e.fields.length ? this.#fieldErrors(e.fields) : undefined;
      // Answers to correct are shown by their fields, not reported as an error.
      if (!errors) this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      if (this.triage?.concern.id !== concern.id) return;
      this.triage = {
        ...this.triage,
        saving: false,
        errors: errors ?? {},
        failure: errors ? undefined : GONE.has(e.code) ? 'STALE' : e.code,
      };
      void focusAfterRender(this, '.panel .error-summary');
    }
  };

  /** The gateway's field refusals in the widget's words, by the field they are about. */
  #fieldErrors(fields: DoorstepError['fields']): Partial<Record<string, string>> {
    const words = this.#localize.t.workQueue.triage;
    return Object.fromEntries(
      fields.map((f) => [
        f.field,
        f.code === 'too_big' ? words.tooLong : (words.errors[f.field] ?? words.failed.other),
      ]),
    );
  }

  /**
   * A concern leaves the queue once triaged: the form closes and focus goes to the next concern, or
   * to the section's heading when it was the last.
   */
  #leave(id: string): void {
    const queue = this.queue!;
    const edges = queue.concernsToTriage.edges;
    const at = edges.findIndex((e) => e.node.id === id);
    const next = edges[at + 1]?.node ?? edges[at - 1]?.node;
    this.queue = {
      ...queue,
      concernsToTriage: {
        totalCount: queue.concernsToTriage.totalCount - 1,
        edges: edges.filter((e) => e.node.id !== id),
      },
    };
    this.triage = undefined;
    void focusAfterRender(this, next ? `#item-${next.id}` : '#concerns');
  }

  // ── Cumulative-concern flags ──

  #reviewFlag = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const review = this.review;
    if (!review) return;
    const words = this.#localize.t.workQueue;
    if (!review.reason.trim()) {
      this.review = { ...review, error: words.triage.errors.reason!, failure: undefined };
      void focusAfterRender(this, '#flag-reason');
      return;
    }
    try {
      await send(this.#api.api, ReviewCumulativeFlagDocument, { id: review.id, reason: review.reason });
      const queue = this.queue!;
      const flags = queue.cumulativeFlags;
      const at = flags.findIndex((f) => f.id === review.id);
      const next = flags[at + 1] ?? flags[at - 1];
      this.queue = { ...queue, cumulativeFlags: flags.filter((f) => f.id !== review.id) };
      this.review = undefined;
      this.announcement = words.flag.done;
      void focusAfterRender(this, next ? `#item-${next.id}` : '#flags');
    } catch (error) {
      const e = asError(error);
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      if (this.review?.id !== review.id) return;
      this.review = { ...review, error: undefined, failure: e.code };
      void focusAfterRender(this, '.panel .error-summary');
    }
  };

  #open(kind: string, id: string): void {
    this.dispatchEvent(new SgOpenEvent(kind, id));
  }

  // ── Rendering ──

  override render(): TemplateResult {
    const { t } = this.#localize;
    const w = t.workQueue;
    return viewShell(
      t,
      this.phase === 'loading' || this.refreshing,
      html`<div class="header">
          ${viewTitle(w.title)}
          ${
            this.phase === 'loaded'
              ? html`<button
                  type="button"
                  class="button button--secondary refresh"
                  part="button"
                  ?disabled=${this.refreshing}
                  @click=${() => void this.#load(false)}
                >
                  ${w.refresh}
                </button>`
              : nothing
          }
        </div>
        ${this.#renderBody()}
        <p class="visually-hidden" role="status">${this.refreshing ? w.refreshing : this.announcement}</p>`,
    );
  }

  #renderBody(): TemplateResult {
    const w = this.#localize.t.workQueue;
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${w.loading}</p>`;
      case 'unavailable':
        return html`<p class="notice">${w.notAvailable}</p>`;
      case 'failed':
        return requestFailed(w.failed, this.failure, {
          more: html`<button
            type="button"
            class="button button--secondary"
            part="button"
            @click=${() => void this.#load(true)}
          >
            ${w.failed.retry}
          </button>`,
        });
      default:
        return this.#renderQueue(this.queue!);
    }
  }

  #renderQueue(queue: Queue): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.workQueue;
    const now = new Date();
    const concerns = queue.concernsToTriage;
    const warnings = this.#warnings(queue);
    const overdueTasks = queue.tasks.filter((task) => Date.parse(task.dueAt) < now.getTime());
    const caseWork = this.#caseWork(queue);
    return html`
      ${this.updatedAt ? html`<p class="secondary">${w.updated(this.#time(this.updatedAt))}</p>` : nothing}
      ${this.#section('concerns', w.sections.concerns, concerns.totalCount, concerns.edges.length, () => [
        this.goneNotice ? html`<p class="notice" role="alert">${this.goneNotice}</p>` : nothing,
        concerns.totalCount > concerns.edges.length
          ? html`<p class="secondary">${w.shownOf(concerns.edges.length, concerns.totalCount, locale)}</p>`
          : nothing,
        this.#list(concerns.edges.map((e) => this.#renderConcern(e.node, now))),
      ])}
      ${this.#section(
        'flags',
        w.sections.flags,
        queue.cumulativeFlags.length,
        queue.cumulativeFlags.length,
        () => this.#list(queue.cumulativeFlags.map((flag) => this.#renderFlag(flag))),
      )}
      ${this.#section(
        'referrals',
        w.sections.referrals,
        queue.referralsSent.totalCount,
        queue.referralsSent.edges.length,
        () =>
          this.#list(
            queue.referralsSent.edges.map(({ node: r }) =>
              this.#item(r.id, true, w.referral.to(r.recipient), 'Referral', [
                r.respondBy ? this.#due(w.referral.respondBy(this.#time(r.respondBy)), true) : nothing,
                html`<p class="secondary">${w.referral.sent(this.#time(r.sentAt))}</p>`,
              ]),
            ),
          ),
      )}
      ${this.#section('warnings', w.sections.warnings, warnings.length, warnings.length, () =>
        this.#list(warnings.map((warning) => this.#renderWarning(warning, ukToday(now)))),
      )}
      ${this.#section('tasks', w.sections.tasks, overdueTasks.length, overdueTasks.length, () =>
        this.#list(
          overdueTasks.map((task) =>
            this.#item(
              task.id,
              true,
              w.task.kinds[task.kind],
              task.sourceType,
              [this.#due(w.task.dueAt(this.#time(task.dueAt)), true)],
              task.sourceId,
            ),
          ),
        ),
      )}
      ${this.#section('cases', w.sections.cases, caseWork.length, caseWork.length, () => this.#list(caseWork))}
    `;
  }

  /** Case actions and reviews falling due, not yet overdue: each opens its case. */
  #caseWork(queue: Queue): TemplateResult[] {
    const { t, locale } = this.#localize;
    const w = t.workQueue;
    const { actions, reviews } = queue.caseWorkDue;
    return [
      ...actions.map((a) =>
        this.#item(
          a.id,
          false,
          a.what,
          'Case',
          [this.#due(w.caseWork.dueOn(formatDay(new Date(a.dueOn), locale)), false)],
          a.caseId,
        ),
      ),
      ...reviews.map((c) =>
        this.#item(c.id, false, w.caseWork.review, 'Case', [
          this.#due(w.caseWork.dueBy(this.#time(c.nextReviewDue)), false),
        ]),
      ),
    ];
  }

  /** Warnings due for review and those waiting for sign-off, once each, review date first. */
  #warnings(queue: Queue): QueuedWarning[] {
    const byId = new Map<string, QueuedWarning>();
    for (const [list, due] of [
      [queue.warningsDueForReview, true],
      [queue.warningsAwaitingSignOff, false],
    ] as const) {
      for (const { node } of list.edges) {
        const seen = byId.get(node.id);
        byId.set(node.id, {
          id: node.id,
          type: node.type,
          subjectName: node.subjectName,
          reviewDate: node.reviewDate,
          dueForReview: due || !!seen?.dueForReview,
          awaitingSignOff: !due || !!seen?.awaitingSignOff,
        });
      }
    }
    return [...byId.values()].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
  }

  /** A time in UK time, said so. */
  #time(at: string): string {
    const { t, locale } = this.#localize;
    return `${formatUk(at, locale)} ${t.workQueue.ukTime}`;
  }

  #section(
    id: string,
    words: { heading: string; none: string },
    total: number,
    shown: number,
    body: () => unknown,
  ): TemplateResult {
    const { t, locale } = this.#localize;
    return html`<section class="section" part="section" aria-labelledby=${id}>
      <h3 class="heading" id=${id} tabindex="-1">
        ${words.heading}
        <span class="count" part="count" aria-hidden="true">${total.toLocaleString(locale)}</span>
        <span class="visually-hidden">(${plural(t.workQueue.items, total, locale)})</span>
      </h3>
      ${shown ? body() : html`<p>${words.none}</p>`}
    </section>`;
  }

  #list(items: TemplateResult[]): TemplateResult {
    return html`<ul class="list">
      ${items}
    </ul>`;
  }

  /** "Overdue" in words and as a tag, with the due line: never by colour alone. */
  #due(line: string, overdue: boolean): TemplateResult {
    const w = this.#localize.t.workQueue;
    return html`<p>
      ${overdue ? html`<strong class="tag tag--overdue" part="overdue">${w.overdue}</strong>` : nothing}${line}
    </p>`;
  }

  /**
   * An item: its title (focusable, for focus to land on; not a heading, so that the error boxes'
   * headings inside a form keep the page's heading levels in order), lines, and an "Open" button.
   */
  #item(
    id: string,
    overdue: boolean,
    title: string | TemplateResult,
    kind: string,
    lines: unknown[],
    openId = id,
    extra: unknown = nothing,
  ): TemplateResult {
    const w = this.#localize.t.workQueue;
    return html`<li
      class="list__item item ${overdue ? 'list__item--overdue' : ''}"
      part=${overdue ? 'item item-overdue' : 'item'}
    >
      <p class="item__title" id="item-${id}" tabindex="-1">${title}</p>
      ${lines}
      <div class="actions">
        ${extra}
        <button type="button" class="link open" data-kind=${kind} @click=${() => this.#open(kind, openId)}>
          ${w.concern.open}<span class="visually-hidden">: ${title}</span>
        </button>
      </div>
    </li>`;
  }

  #renderConcern(concern: ToTriage, now: Date): TemplateResult {
    const w = this.#localize.t.workQueue;
    const overdue = !!concern.triageDueAt && Date.parse(concern.triageDueAt) < now.getTime();
    const open = this.triage?.concern.id === concern.id ? this.triage : undefined;
    const title = `${concern.reference} · ${w.concern.urgency[concern.urgency]}`;
    const panelId = `triage-${concern.id}`;
    return html`${this.#item(
      concern.id,
      overdue,
      title,
      'Concern',
      [
        html`<p>${w.concern.about(concern.subjectDescription)}</p>`,
        concern.triageDueAt ? this.#due(w.concern.due(this.#time(concern.triageDueAt)), overdue) : nothing,
        html`<p class="secondary">${w.concern.raised(this.#time(concern.raisedAt))}</p>`,
        open ? this.#renderTriage(open, panelId) : nothing,
      ],
      concern.id,
      open
        ? nothing
        : html`<button
            type="button"
            class="button triage"
            part="button"
            data-triage=${concern.id}
            @click=${() => this.#openTriage(concern)}
          >
            ${w.concern.triage}<span class="visually-hidden">${w.concern.which(concern.reference)}</span>
          </button>`,
    )}`;
  }

  #renderTriage(open: OpenTriage, panelId: string): TemplateResult {
    const { t } = this.#localize;
    const w = t.workQueue;
    const tr = w.triage;
    const { fields, errors } = open;
    const base = { errorPrefix: t.errorPrefix };
    const summaryItems = Object.entries(errors).map(([field, message]) => ({
      message: message!,
      target:
        field === 'decision' || field === 'riskLevel' || field === 'referral.legalBasis'
          ? `${idFor(field)}-${this.#firstChoice(field)}`
          : idFor(field),
    }));
    return html`<form
      class="panel"
      part="panel"
      id=${panelId}
      novalidate
      @input=${this.#onTriageInput}
      @change=${this.#onTriageInput}
      @submit=${this.#saveTriage}
    >
      <h4 class="legend legend--m" tabindex="-1">${tr.legend(open.concern.reference)}</h4>
      ${this.#renderTriageFailure(open)}
      ${
        summaryItems.length
          ? errorSummary({
              title: tr.errorTitle,
              items: summaryItems,
              onFollow: (target) => this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus(),
            })
          : nothing
      }
      <p class="label">${w.concern.reported}</p>
      <blockquote class="reported">${open.concern.whatHappened}</blockquote>
      ${choices({
        ...base,
        type: 'radio',
        name: 'decision',
        legend: tr.decision,
        error: errors.decision,
        items: (['NO_FURTHER_ACTION', 'MONITOR_LOW_LEVEL', 'REFER', 'OPEN_CASE'] as const).map((value) => ({
          value,
          label: tr.decisions[value].label,
          hint: tr.decisions[value].hint,
          selected: fields.decision === value,
        })),
      })}
      ${choices({
        ...base,
        type: 'radio',
        name: 'riskLevel',
        legend: tr.riskLevel,
        error: errors.riskLevel,
        items: (['LOW', 'MEDIUM', 'HIGH'] as const).map((value) => ({
          value,
          label: tr.riskLevels[value],
          selected: fields.riskLevel === value,
        })),
      })}
      ${textArea({ ...base, name: 'reason', ...tr.reason, error: errors.reason, value: fields.reason, rows: 4 })}
      ${fields.decision === 'REFER' ? this.#renderReferral(open) : nothing}
      <div class="actions">
        <button type="submit" class="button" part="button" ?disabled=${open.saving}>
          ${open.saving ? tr.saving : tr.save}
        </button>
        <button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${() => this.#closeTriage()}
        >
          ${tr.cancel}
        </button>
      </div>
    </form>`;
  }

  /** The first choice of a radio group, for the error summary's link to it. */
  #firstChoice(field: string): string {
    if (field === 'decision') return 'NO_FURTHER_ACTION';
    if (field === 'riskLevel') return 'LOW';
    return 'CONSENT';
  }

  #renderTriageFailure(open: OpenTriage): TemplateResult | typeof nothing {
    const tr = this.#localize.t.workQueue.triage;
    if (!open.failure) return nothing;
    if (open.failure === 'STALE') {
      const stale = {
        title: tr.failed.title,
        byCode: { STALE: tr.stale(open.concern.reference) },
        other: '',
      };
      return requestFailed(stale, 'STALE', {
        more: html`<button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${() => void this.#load(false)}
        >
          ${this.#localize.t.workQueue.refresh}
        </button>`,
      });
    }
    return requestFailed(tr.failed, open.failure);
  }

  #renderReferral(open: OpenTriage): TemplateResult {
    const { t } = this.#localize;
    const tr = t.workQueue.triage;
    const { fields, errors, draft } = open;
    const base = { errorPrefix: t.errorPrefix };
    if (!draft || draft.phase === 'loading') return html`<p role="status">${tr.loadingDraft}</p>`;
    if (draft.phase === 'failed') return html`<p class="notice" role="alert">${tr.draftFailed}</p>`;
    const agencies = draft.draft.agencies;
    return html`<fieldset class="fieldset">
      <legend class="legend legend--m" part="label">${tr.referral}</legend>
      ${selectField({
        ...base,
        name: 'referral.recipientOrganisationId',
        label: tr.agency,
        error: errors['referral.recipientOrganisationId'],
        value: fields['referral.recipientOrganisationId'] ?? '',
        choices: [{ value: '', label: '' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))],
        // The form's change handler keeps the choice.
        onChange: () => undefined,
      })}
      ${choices({
        ...base,
        type: 'radio',
        name: 'referral.legalBasis',
        legend: tr.legalBasis,
        error: errors['referral.legalBasis'],
        items: (
          ['CONSENT', 'RISK_TO_CHILD', 'RISK_TO_ADULT', 'VITAL_INTERESTS', 'PREVENTION_OF_CRIME'] as const
        ).map((value) => ({
          value,
          label: tr.legalBases[value],
          selected: fields['referral.legalBasis'] === value,
        })),
      })}
      ${textArea({
        ...base,
        name: 'referral.legalBasisReason',
        ...tr.legalBasisReason,
        error: errors['referral.legalBasisReason'],
        value: fields['referral.legalBasisReason'],
        rows: 3,
      })}
      ${textArea({
        ...base,
        name: 'referral.summary',
        ...tr.summary,
        error: errors['referral.summary'],
        value: fields['referral.summary'],
        rows: 5,
      })}
    </fieldset>`;
  }

  #renderFlag(flag: Flag): TemplateResult {
    const { t } = this.#localize;
    const w = t.workQueue;
    const who =
      flag.person?.displayName ?? (flag.household ? w.flag.household(flag.household.address) : undefined);
    const review = this.review?.id === flag.id ? this.review : undefined;
    return this.#item(
      flag.id,
      false,
      w.flag.rule(flag.threshold, flag.windowMonths),
      'CumulativeFlag',
      [
        html`<p>${who ? w.flag.about(who) : w.flag.restricted}</p>`,
        html`<p class="secondary">${w.flag.raised(this.#time(flag.raisedAt))}</p>`,
        review
          ? html`<form
              class="panel"
              part="panel"
              novalidate
              @input=${(event: Event) =>
                (this.review = { ...review, reason: (event.target as HTMLTextAreaElement).value })}
              @submit=${this.#reviewFlag}
            >
              ${review.failure ? requestFailed(w.triage.failed, review.failure) : nothing}
              ${textArea({
                errorPrefix: t.errorPrefix,
                name: 'flag-reason',
                ...w.flag.reason,
                error: review.error,
                value: review.reason,
                rows: 3,
              })}
              <div class="actions">
                <button type="submit" class="button" part="button">${w.flag.save}</button>
                <button
                  type="button"
                  class="button button--secondary"
                  part="button"
                  @click=${() => {
                    this.review = undefined;
                    void focusAfterRender(this, `[data-review="${flag.id}"]`);
                  }}
                >
                  ${w.flag.cancel}
                </button>
              </div>
            </form>`
          : nothing,
      ],
      flag.id,
      review
        ? nothing
        : html`<button
            type="button"
            class="button review"
            part="button"
            data-review=${flag.id}
            @click=${() => {
              this.review = { id: flag.id, reason: '' };
              void focusAfterRender(this, '#flag-reason');
            }}
          >
            ${w.flag.review}<span class="visually-hidden">${w.flag.which(who ?? '')}</span>
          </button>`,
    );
  }

  #renderWarning(warning: QueuedWarning, today: string): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.workQueue;
    const overdue = warning.dueForReview && warning.reviewDate < today;
    return this.#item(warning.id, overdue, w.warning.types[warning.type], 'Warning', [
      warning.subjectName ? html`<p>${w.warning.about(warning.subjectName)}</p>` : nothing,
      warning.dueForReview
        ? this.#due(w.warning.reviewBy(formatDay(new Date(warning.reviewDate), locale)), overdue)
        : nothing,
      warning.awaitingSignOff ? html`<p>${w.warning.awaitingSignOff}</p>` : nothing,
    ]);
  }
}
