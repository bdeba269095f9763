import {
  DoorstepError,
  PartnerAgenciesDocument,
  SendReferralMessageDocument,
  TrackerReceivedDocument,
  TrackerReferralDocument,
  TrackerSentDocument,
  TrackerUpdatedDocument,
  type ReferralStatus,
  type TrackerReferralQuery,
  type TrackerPageFragment,
  type TrackerRowFragment,
  type TrackerUpdatedSubscription,
} from '@doorstep/client';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { SgReferralMessageEvent } from '../events/referral-message.js';
import { SgReferralMovedEvent } from '../events/referral-moved.js';
import { referralTrackerCy } from '../i18n/referral-tracker.cy.js';
import { referralTrackerEn } from '../i18n/referral-tracker.en.js';
import type { ReferralTrackerTranslation, TrackerAction } from '../i18n/translation.js';
import { ApiController, send } from '../internal/api.js';
import { formatDay } from '../internal/datetime.js';
import { errorSummary, selectField, textArea } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { listen } from '../internal/live.js';
import { LocalizeController } from '../internal/localize.js';
import { requestFailed } from '../internal/panels.js';
import { viewShell, viewTitle } from '../internal/view-shell.js';
import {
  missingFor,
  movesFrom,
  needsWords,
  sendMove,
  takesMessages,
  type TrackerMode,
  type WordedAction,
} from './moves.js';
import { referralTrackerStyles } from './referral-tracker.styles.js';
import { timelineTemplate } from './timeline.js';

type Row = TrackerRowFragment;
type Detail = TrackerReferralQuery['referral'];
type Event_ = TrackerUpdatedSubscription['referralUpdated'];
type Page = TrackerPageFragment;

/** Who may not see referrals at all gets a notice, not an error. */
const NOT_AVAILABLE = new Set(['FORBIDDEN']);

interface Filter {
  status: ReferralStatus | '';
  agencyId: string;
  overdue: boolean;
}
const NO_FILTER: Filter = { status: '', agencyId: '', overdue: false };

/** What the person is writing: the reason or outcome of a move, or a message. */
interface Draft {
  action: WordedAction | undefined;
  reason: string;
  outcome: string;
  outcomeDetail: string;
  body: string;
}
const NO_DRAFT: Draft = { action: undefined, reason: '', outcome: '', outcomeDetail: '', body: '' };

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));

/**
 * Referrals to partner agencies and where each one is. In its default mode, the referrals the
 * caller's organisation sent (safeguarding leads and champions): newest first, a page at a time,
 * filtered by status, agency and overdue, each row with the agency, its status in words, the day it
 * was sent and the day a response is due, an overdue one marked "Overdue" in words and by its edge.
 * Opening one shows what was shared and its timeline — every move (who, when, the reason or outcome)
 * and every message from either side, in the order they happened; the sender can answer the agency
 * and withdraw the referral with a reason.
 *
 * With `mode="agency"`, the referrals the caller's agency received (agency officers), where the
 * officer acknowledges, accepts, declines (with a reason), closes (with an outcome; "something else"
 * in their words) and writes messages. The mode is the host page's choice, not guessed: the same
 * person never sees one list and then, on a refusal, another.
 *
 * Only the moves the lifecycle allows from the referral's status are offered. When someone else
 * moved it first (`STALE_VERSION`), nothing is done: the widget reads it again and says so; it never
 * moves a referral twice.
 *
 * Live: it listens to the gateway's `referralUpdated` subscription over server-sent events
 * (`<endpoint>/stream`): a move or message by the other side updates the row and the open referral
 * without a reload and is announced politely to screen readers; a new referral appears at the top
 * (an agency's new referral, or a colleague's). After a dropped connection it listens again from the
 * last event it had, missing nothing; removed from the page, it stops listening.
 *
 * Staff who may not see referrals (contractors, frontline officers, managers) get a plain notice
 * and no data. It takes the gateway's address and token from its own `endpoint` / `token`, else from
 * the closest `<sg-provider>`.
 *
 * @summary The referrals sent to partner agencies (or received by one), live, with their timelines.
 *
 * @event {SgReferralMovedEvent} sg-referral-moved - The person moved a referral: `event.referralId`, `event.status`.
 * @event {SgReferralMessageEvent} sg-referral-message - The person's message was recorded: `event.referralId`, `event.messageId`.
 * @event {SgErrorEvent} sg-error - Loading failed, or live updates stopped for good (`event.code`). The widget has said so.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart filters - The filter form.
 * @csspart rows - The list of referrals.
 * @csspart row - Each referral.
 * @csspart row-overdue - Each overdue referral (besides `row`).
 * @csspart overdue - The "Overdue" badge.
 * @csspart status - A referral's status, in words.
 * @csspart timeline - An opened referral's moves and messages.
 * @csspart entry - Each entry of the timeline.
 * @csspart button - Every button.
 * @csspart error-summary - A box saying something could not be done.
 * @csspart label - Labels of fields.
 * @csspart control - The fields.
 * @csspart notice - The notice for staff who may not see referrals, or that live updates stopped.
 *
 * @cssproperty --sg-referral-tracker-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-referral-tracker-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-referral-tracker-max-width - Width of the column. Default 48em.
 * @cssproperty --sg-referral-tracker-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-referral-tracker-secondary-text-color - Dates, who wrote. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-referral-tracker-rule-color - Lines between referrals. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-referral-tracker-error-color - Overdue referrals' edge and failures. Falls back to `--sg-color-error`.
 * @cssproperty --sg-referral-tracker-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-referral-tracker-link-color - Falls back to `--sg-color-link`.
 * @cssproperty --sg-referral-tracker-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-referral-tracker-button-text-color - Falls back to `--sg-color-button-text`.
 */
export class SgReferralTracker extends LitElement {
  static override styles = referralTrackerStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** The signed-in member of staff's token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  /** `provider` (default): the referrals your organisation sent. `agency`: those your agency received. */
  @property() mode: TrackerMode = 'provider';

  /** How many referrals a page holds ("Show more referrals" adds another). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Do not listen for live updates: the list changes only when the person reloads it. */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  @state() private phase: 'loading' | 'loaded' | 'unavailable' | 'failed' = 'loading';
  @state() private failure = '';
  @state() private rows: Row[] = [];
  @state() private total = 0;
  @state() private loadingMore = false;
  /** Reading the list again for new filters: the filters stay, the rows wait. */
  @state() private reloading = false;
  @state() private filter: Filter = NO_FILTER;
  @state() private agencies: { id: string; name: string }[] = [];
  @state() private opened: Detail | undefined;
  @state() private draft: Draft = NO_DRAFT;
  @state() private errors: Partial<Record<'reason' | 'outcome' | 'outcomeDetail' | 'body', string>> = {};
  @state() private busy = false;
  /** What the last move or message came to, shown in the opened referral (an alert when it failed). */
  @state() private result: { text: string; failed: boolean } | undefined;
  @state() private announcement = '';
  @state() private liveStopped = false;

  // Someone else signed in, or another gateway: read the referrals again as they may see them.
  readonly #api = new ApiController(this, () => this.#another());
  readonly #localize = new LocalizeController<ReferralTrackerTranslation>(this, [
    referralTrackerEn,
    referralTrackerCy,
  ]);
  #hasNext = false;
  #after: string | null = null;
  /** Bumped by every fresh load: an answer for an earlier filter or person is dropped. */
  #generation = 0;
  /** "Show more" and a quiet re-read of the list, one after the other, never at once. */
  #listWork: Promise<unknown> = Promise.resolve();
  #stopLive: (() => void) | undefined;
  /** The last event received: where listening resumes after a drop. */
  #lastEvent: string | undefined;
  /** `id:version` of the person's own moves, and the ids of their own messages: not announced. */
  readonly #own = new Set<string>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on the page after being removed: listen again from where it was.
    if (this.phase === 'loaded') this.#startListening();
  }

  override updated(changed: PropertyValues<this>): void {
    // Whose referrals, or who is reading them (a new token may be someone else's): read afresh,
    // after the host page's own scripts of this turn (which may give the provider its token).
    if (changed.has('token') || changed.has('endpoint')) setTimeout(() => this.#another());
    else if (changed.has('mode')) setTimeout(() => void this.#load());
    if (changed.has('noLive') && this.noLive) this.#stopListening();
  }

  /** Another person (or gateway): nothing the previous one could see stays, their agencies included. */
  #another(): void {
    this.agencies = [];
    void this.#load();
  }

  /** Reads the list again from the first page (after the host changed something it shows). */
  async reload(): Promise<void> {
    await this.#load();
  }

  get #agencyMode(): boolean {
    return this.mode === 'agency';
  }

  async #page(after: string | null, first = this.pageSize): Promise<Page> {
    const { status, agencyId, overdue } = this.filter;
    const filter = {
      ...(status ? { status: [status] } : {}),
      ...(overdue ? { overdue: true } : {}),
      ...(agencyId && !this.#agencyMode ? { agencyId } : {}),
    };
    const variables = { first, after, filter };
    return this.#agencyMode
      ? (await send(this.#api.api, TrackerReceivedDocument, variables)).referralsReceived
      : (await send(this.#api.api, TrackerSentDocument, variables)).referralsSent;
  }

  #take(page: Page, replace: boolean): void {
    const rows = page.edges.map((edge) => edge.node);
    this.rows = replace ? rows : [...this.rows, ...rows];
    this.total = page.totalCount;
    this.#after = page.pageInfo.endCursor ?? null;
    this.#hasNext = page.pageInfo.hasNextPage;
  }

  /** Reads the first page; `refilter`: for new filters, keeping the filter form where it is. */
  async #load(refilter = false): Promise<void> {
    const generation = ++this.#generation;
    this.#stopListening();
    this.#lastEvent = undefined;
    if (refilter && this.phase === 'loaded') this.reloading = true;
    else this.phase = 'loading';
    this.opened = undefined;
    this.rows = [];
    // Ready the date format while the request is out.
    formatDay(new Date(0), this.#localize.locale);
    try {
      const page = await this.#page(null);
      if (generation !== this.#generation) return;
      this.#take(page, true);
      this.phase = 'loaded';
      this.reloading = false;
      this.#startListening();
      // Not once removed from the page: it has no token of its own then.
      if (!this.#agencyMode && !this.agencies.length && this.isConnected) void this.#loadAgencies();
    } catch (error) {
      if (generation !== this.#generation) return;
      const e = asError(error);
      this.failure = e.code;
      this.reloading = false;
      this.phase = NOT_AVAILABLE.has(e.code) ? 'unavailable' : 'failed';
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    }
  }

  async #loadAgencies(): Promise<void> {
    try {
      this.agencies = (await send(this.#api.api, PartnerAgenciesDocument)).partnerAgencies;
    } catch {
      // The agency filter is left out; the list still works.
    }
  }

  /** Runs `work` on the list after what is already under way. */
  #serial(work: () => Promise<void>): Promise<void> {
    const next = this.#listWork.then(work);
    this.#listWork = next.catch(() => undefined);
    return next;
  }

  #loadMore(): Promise<void> {
    if (!this.#hasNext || this.loadingMore) return Promise.resolve();
    this.loadingMore = true;
    return this.#serial(() => this.#nextPage());
  }

  async #nextPage(): Promise<void> {
    const generation = this.#generation;
    const first = this.rows.length;
    try {
      const page = await this.#page(this.#after);
      if (generation !== this.#generation) return;
      this.#take(page, false);
      this.announcement = this.#localize.t.referralTracker.count(
        this.rows.length,
        this.total,
        this.#localize.locale,
      );
      // Focus the first new referral, so keyboard users carry on where the list grew.
      await focusAfterRender(this, `.row:nth-child(${first + 1}) .row__open`);
    } catch (error) {
      this.announcement = this.#localize.t.referralTracker.failed.other;
      this.dispatchEvent(new SgErrorEvent(asError(error).code, asError(error).message));
    } finally {
      this.loadingMore = false;
    }
  }

  /** Reads the first pages again, as many referrals as are shown, without a loading state. */
  #refresh(): Promise<void> {
    return this.#serial(async () => {
      const generation = this.#generation;
      try {
        const page = await this.#page(null, Math.max(this.pageSize, this.rows.length));
        if (generation === this.#generation) this.#take(page, true);
      } catch {
        // The next event or reload will bring it.
      }
    });
  }

  // ── live ──────────────────────────────────────────────────────────────────────────────────────

  #startListening(): void {
    if (this.noLive || this.#stopLive || !this.isConnected) return;
    this.liveStopped = false;
    this.#stopLive = listen(
      () => this.#api.api,
      TrackerUpdatedDocument,
      () => ({ after: this.#lastEvent ?? null }),
      {
        next: ({ referralUpdated }) => this.#heard(referralUpdated),
        // Without a position (nothing heard yet), what happened before the stream opened is read.
        open: () => void (this.#lastEvent ? undefined : this.#refresh()),
        failed: (error) => {
          this.#stopLive = undefined;
          this.liveStopped = true;
          this.dispatchEvent(new SgErrorEvent(error.code, error.message));
        },
      },
    );
  }

  #stopListening(): void {
    this.#stopLive?.();
    this.#stopLive = undefined;
  }

  #heard(event: Event_): void {
    this.#lastEvent = event.id;
    const row = event.referral;
    const t = this.#localize.t.referralTracker;
    const reference = row.shared.concernReference;
    const at = this.rows.findIndex((r) => r.id === row.id);
    if (at >= 0) this.rows = this.rows.map((r) => (r.id === row.id ? row : r));
    else if (event.kind === 'SENT' && this.#wouldList(row)) {
      this.rows = [row, ...this.rows];
      this.total += 1;
    }
    if (this.opened?.id === row.id) void this.#readOpened(row.id);
    // Each event says what it was (the row may be further on already, when events are replayed).
    const own =
      event.kind === 'MOVED' ? `${row.id}:${event.version}` : event.kind === 'MESSAGE' ? row.id : '';
    if (this.#own.delete(own)) return;
    this.announcement =
      event.kind === 'SENT'
        ? t.live.received(reference, row.sender)
        : event.kind === 'MESSAGE'
          ? t.live.message(reference)
          : t.live.moved(reference, t.statuses[event.status]);
  }

  /** Whether a new referral belongs in the list as it is filtered (an agency filter: not known). */
  #wouldList(row: Row): boolean {
    const { status, agencyId, overdue } = this.filter;
    return (!status || status === row.status) && !agencyId && (!overdue || row.overdue);
  }

  // ── one referral ─────────────────────────────────────────────────────────────────────────────

  async #open(id: string): Promise<void> {
    this.draft = NO_DRAFT;
    this.errors = {};
    this.result = undefined;
    if (await this.#readOpened(id, true)) await focusAfterRender(this, '#referral-title');
  }

  /**
   * Reads a referral to show it: to open it (`opening`), or again while it is open — an answer
   * arriving after the person went back to the list is not opened again. False when it could not
   * be read, which the widget says.
   */
  async #readOpened(id: string, opening = false): Promise<boolean> {
    try {
      const { referral } = await send(this.#api.api, TrackerReferralDocument, { id });
      this.rows = this.rows.map((r) => (r.id === id ? referral : r));
      if (!opening && this.opened?.id !== id) return false;
      this.opened = referral;
      // A move being written that is no longer possible is put away.
      if (this.draft.action && !movesFrom(referral.status, this.mode).includes(this.draft.action)) {
        this.draft = { ...this.draft, action: undefined };
      }
      return true;
    } catch (error) {
      const e = asError(error);
      this.result = { text: this.#failureText(e.code), failed: true };
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      return false;
    }
  }

  async #back(): Promise<void> {
    const id = this.opened?.id;
    this.opened = undefined;
    this.result = undefined;
    await focusAfterRender(this, `.row__open[data-id="${id}"]`);
  }

  #failureText(code: string): string {
    const a = this.#localize.t.referralTracker.actions;
    return code === 'STALE_VERSION' ? a.stale : (a.failed[code] ?? a.failed.other);
  }

  /** Moves the opened referral, once: the button is disabled until the gateway answers. */
  async #move(action: TrackerAction): Promise<void> {
    const referral = this.opened;
    if (!referral || this.busy) return;
    const t = this.#localize.t.referralTracker;
    const missing = missingFor(action, this.draft);
    this.errors = Object.fromEntries(missing.map((field) => [field, t.actions.required[field]]));
    if (missing.length) return focusAfterRender(this, '.move-form .error-summary');
    this.busy = true;
    this.result = undefined;
    try {
      const seen = { referralId: referral.id, version: referral.version };
      const moved = await sendMove(this.#api.api, action, seen, this.draft);
      this.#own.add(`${moved.id}:${moved.version}`);
      this.draft = NO_DRAFT;
      await this.#readOpened(moved.id);
      this.result = { text: t.actions.done(t.statuses[moved.status]), failed: false };
      this.dispatchEvent(new SgReferralMovedEvent(moved.id, moved.status));
    } catch (error) {
      const e = asError(error);
      // Moved by someone else, or no longer possible: show it as it is now. Never moved again here.
      if (e.code === 'STALE_VERSION' || e.code === 'INVALID_TRANSITION') {
        this.draft = { ...this.draft, action: undefined };
        await this.#readOpened(referral.id);
      } else this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      this.result = { text: this.#failureText(e.code), failed: true };
    } finally {
      this.busy = false;
    }
    await focusAfterRender(this, '.result');
  }

  async #sendMessage(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const referral = this.opened;
    if (!referral || this.busy) return;
    const t = this.#localize.t.referralTracker;
    const body = this.draft.body;
    if (!body.trim()) {
      this.errors = { body: t.actions.required.body };
      return focusAfterRender(this, '.message-form .error-summary');
    }
    this.errors = {};
    this.busy = true;
    this.result = undefined;
    try {
      const { sendReferralMessage: message } = await send(this.#api.api, SendReferralMessageDocument, {
        input: { referralId: referral.id, body },
      });
      this.#own.add(referral.id);
      this.draft = { ...this.draft, body: '' };
      await this.#readOpened(referral.id);
      this.result = { text: t.actions.messageSent, failed: false };
      this.dispatchEvent(new SgReferralMessageEvent(referral.id, message.id));
    } catch (error) {
      const e = asError(error);
      if (e.code === 'INVALID_TRANSITION') await this.#readOpened(referral.id);
      else this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      this.result = { text: this.#failureText(e.code), failed: true };
    } finally {
      this.busy = false;
    }
    await focusAfterRender(this, '.result');
  }

  // ── rendering ────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const { t } = this.#localize;
    const r = t.referralTracker;
    return viewShell(
      t,
      this.phase === 'loading' || this.reloading,
      html`${
          this.opened
            ? this.#renderReferral(this.opened)
            : html`${viewTitle(this.#agencyMode ? r.titleReceived : r.titleSent)} ${this.#renderBody()}`
        }
        ${this.liveStopped ? html`<p class="notice" part="notice">${r.live.stopped}</p>` : nothing}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`,
      this.opened ? 'referral-title' : 'title',
    );
  }

  #renderBody(): TemplateResult {
    const r = this.#localize.t.referralTracker;
    switch (this.phase) {
      case 'unavailable':
        return html`<p class="notice" part="notice">${r.notAvailable}</p>`;
      case 'failed':
        return requestFailed(r.failed, this.failure, {
          more: html`<button
            type="button"
            class="button button--secondary"
            part="button"
            @click=${() => this.#load()}
          >
            ${r.failed.retry}
          </button>`,
        });
      case 'loading':
        return html`<p role="status">${r.loading}</p>`;
      default:
        return html`${this.#renderFilters()} ${this.#renderRows()}`;
    }
  }

  #renderFilters(): TemplateResult {
    const { t } = this.#localize;
    const f = t.referralTracker.filters;
    const words = { errorPrefix: t.errorPrefix };
    const apply = (event: SubmitEvent) => {
      event.preventDefault();
      const data = new FormData(event.target as HTMLFormElement);
      this.filter = {
        status: (data.get('status') as ReferralStatus | '') ?? '',
        agencyId: String(data.get('agencyId') ?? ''),
        overdue: data.get('overdue') === 'on',
      };
      void this.#load(true);
    };
    const clear = () => {
      this.filter = NO_FILTER;
      void this.#load(true);
    };
    return html`<form class="filters" part="filters" @submit=${apply} novalidate>
      <fieldset class="fieldset">
        <legend class="legend">${f.legend}</legend>
        <div class="filters__fields">
          ${selectField({
            ...words,
            name: 'status',
            label: f.status,
            value: this.filter.status,
            onChange: () => undefined,
            choices: [
              { value: '', label: f.anyStatus },
              ...Object.entries(t.referralTracker.statuses).map(([value, label]) => ({ value, label })),
            ],
          })}
          ${
            !this.#agencyMode && this.agencies.length
              ? selectField({
                  ...words,
                  name: 'agencyId',
                  label: f.agency,
                  value: this.filter.agencyId,
                  onChange: () => undefined,
                  choices: [
                    { value: '', label: f.anyAgency },
                    ...this.agencies.map((a) => ({ value: a.id, label: a.name })),
                  ],
                })
              : nothing
          }
        </div>
        <div class="choice">
          <input
            class="choice__input"
            part="choice"
            id="overdue"
            name="overdue"
            type="checkbox"
            .checked=${this.filter.overdue}
          />
          <label class="choice__label" part="label" for="overdue">${f.overdue}</label>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" part="button">${f.apply}</button>
        <button type="button" class="button button--secondary" part="button" @click=${clear}>
          ${f.clear}
        </button>
      </div>
    </form>`;
  }

  #renderRows(): TemplateResult {
    const { t, locale } = this.#localize;
    const r = t.referralTracker;
    const { status, agencyId, overdue } = this.filter;
    const filtered = !!status || !!agencyId || overdue;
    if (this.reloading) return html`<p role="status">${r.loading}</p>`;
    if (!this.rows.length) return html`<p class="notice" role="status">${filtered ? r.noMatch : r.empty}</p>`;
    return html`<p class="secondary">${r.count(this.rows.length, this.total, locale)}</p>
      <ul class="list" part="rows">
        ${this.rows.map((row) => this.#renderRow(row))}
      </ul>
      ${
        this.#hasNext
          ? html`<button
              type="button"
              class="button button--secondary"
              part="button"
              ?disabled=${this.loadingMore}
              @click=${() => this.#loadMore()}
            >
              ${r.loadMore}
            </button>`
          : nothing
      }
      ${this.loadingMore ? html`<p role="status">${r.loadingMore}</p>` : nothing}`;
  }

  /** Overdue in words, beside the thick edge: never colour alone. */
  #overdue(row: Row): TemplateResult | typeof nothing {
    return row.overdue
      ? html` <strong class="badge" part="overdue">${this.#localize.t.referralTracker.row.overdue}</strong>`
      : nothing;
  }

  /** Who it is to (or from), its status in words, when it was sent and when a response is due. */
  #lines(row: Row): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.referralTracker.row;
    const day = (at: string) => formatDay(new Date(at), locale);
    return html`<p class="row__line">
        ${this.#agencyMode ? w.from(row.sender) : w.to(row.recipient)} ·
        <span class="status" part="status">${t.referralTracker.statuses[row.status]}</span>
      </p>
      <p class="secondary">
        ${w.sent(day(row.sentAt))} · ${row.respondBy ? w.due(day(row.respondBy)) : w.noDue}
      </p>`;
  }

  #renderRow(row: Row): TemplateResult {
    const w = this.#localize.t.referralTracker.row;
    return html`<li
      class="list__item row ${row.overdue ? 'list__item--overdue' : ''}"
      part=${row.overdue ? 'row row-overdue' : 'row'}
    >
      <h3 class="list__title">
        <button type="button" class="link row__open" data-id=${row.id} @click=${() => this.#open(row.id)}>
          <span class="visually-hidden">${w.open} </span>${row.shared.concernReference}
        </button>
        ${this.#overdue(row)}
      </h3>
      ${this.#lines(row)}
    </li>`;
  }

  #renderReferral(referral: Detail): TemplateResult {
    const { t, locale } = this.#localize;
    const r = t.referralTracker;
    const d = r.detail;
    const shared = referral.shared;
    return html`<button type="button" class="link back" part="button" @click=${() => this.#back()}>
        ${d.back}
      </button>
      <h2 class="title" id="referral-title" part="title" tabindex="-1">
        ${d.heading(shared.concernReference)}${this.#overdue(referral)}
      </h2>
      ${this.#lines(referral)}
      ${
        this.result
          ? html`<div
              class="result ${this.result.failed ? 'error-summary' : 'notice'}"
              part=${this.result.failed ? 'error-summary' : 'notice'}
              tabindex="-1"
              role=${this.result.failed ? 'alert' : 'status'}
            >
              <p>${this.result.text}</p>
            </div>`
          : nothing
      }
      <dl class="facts">
        <dt>${d.reason}</dt>
        <dd>${referral.reason}</dd>
        <dt>${d.legalBasis}</dt>
        <dd>${d.legalBases[referral.legalBasis]}</dd>
        <dt>${d.where}</dt>
        <dd>${shared.where}</dd>
        <dt>${d.summary}</dt>
        <dd class="pre">${shared.summary}</dd>
        ${
          shared.people.length
            ? html`<dt>${d.people}</dt>
                <dd>
                  <ul class="list">
                    ${shared.people.map(
                      (p) =>
                        html`<li>
                          ${p.name}${p.childAtEvent ? html` <span class="badge">${d.child}</span>` : nothing}
                        </li>`,
                    )}
                  </ul>
                </dd>`
            : nothing
        }
      </dl>
      <h3 class="heading">${d.timeline}</h3>
      ${timelineTemplate(referral, r, locale)} ${this.#renderActions(referral)}`;
  }

  #renderActions(referral: Detail): TemplateResult {
    const { t } = this.#localize;
    const a = t.referralTracker.actions;
    const moves = movesFrom(referral.status, this.mode);
    const open = this.draft.action;
    return html`${
      moves.length
        ? html`<h3 class="heading">${a.heading}</h3>
            <div class="actions">
              ${moves.map(
                (action) =>
                  html`<button
                    type="button"
                    class="button ${needsWords(action) ? 'button--secondary' : ''}"
                    part="button"
                    data-action=${action}
                    aria-expanded=${needsWords(action) ? String(open === action) : nothing}
                    ?disabled=${this.busy}
                    @click=${() => {
                      if (!needsWords(action)) return void this.#move(action);
                      this.errors = {};
                      this.draft = { ...this.draft, action };
                      void focusAfterRender(this, '.move-form textarea, .move-form select');
                    }}
                  >
                    ${a.verbs[action]}
                  </button>`,
              )}
            </div>
            ${open ? this.#renderMoveForm(open) : nothing}`
        : nothing
    }
    ${
      takesMessages(referral.status)
        ? this.#renderMessageForm()
        : html`<p class="secondary">${a.threadClosed}</p>`
    }`;
  }

  #summary(fields: (keyof SgReferralTracker['errors'])[]): TemplateResult | typeof nothing {
    const items = fields.flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ message, target: field }] : [];
    });
    if (!items.length) return nothing;
    return errorSummary({
      title: this.#localize.t.referralTracker.actions.errorTitle,
      items,
      onFollow: (target) => this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus(),
    });
  }

  #renderMoveForm(action: WordedAction): TemplateResult {
    const { t } = this.#localize;
    const a = t.referralTracker.actions;
    const words = { errorPrefix: t.errorPrefix };
    const set = (patch: Partial<Draft>) => (this.draft = { ...this.draft, ...patch });
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.#move(action);
    };
    return html`<form
      class="move-form"
      @submit=${submit}
      @input=${(e: InputEvent) => {
        const field = e.target as HTMLTextAreaElement;
        if (field.name === 'reason' || field.name === 'outcomeDetail') set({ [field.name]: field.value });
      }}
      novalidate
    >
      ${this.#summary(['reason', 'outcome', 'outcomeDetail'])}
      ${
        action === 'close'
          ? html`${selectField({
              ...words,
              name: 'outcome',
              label: a.outcome,
              value: this.draft.outcome,
              error: this.errors.outcome,
              onChange: (outcome) => set({ outcome }),
              choices: [
                { value: '', label: a.chooseOutcome },
                ...Object.entries(t.referralTracker.detail.outcomes).map(([value, label]) => ({
                  value,
                  label,
                })),
              ],
            })}
            ${
              this.draft.outcome === 'OTHER'
                ? textArea({
                    ...words,
                    name: 'outcomeDetail',
                    label: a.outcomeDetail,
                    value: this.draft.outcomeDetail,
                    error: this.errors.outcomeDetail,
                    rows: 3,
                  })
                : nothing
            }`
          : textArea({
              ...words,
              name: 'reason',
              label: a.reason,
              hint: a.reasonHint[action],
              value: this.draft.reason,
              error: this.errors.reason,
              rows: 3,
            })
      }
      <div class="actions">
        <button type="submit" class="button" part="button" ?disabled=${this.busy}>
          ${a.confirm[action]}
        </button>
        <button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${() => {
            this.errors = {};
            set({ action: undefined });
            void focusAfterRender(this, `[data-action="${action}"]`);
          }}
        >
          ${a.cancel}
        </button>
      </div>
    </form>`;
  }

  #renderMessageForm(): TemplateResult {
    const { t } = this.#localize;
    const a = t.referralTracker.actions;
    return html`<form
      class="message-form"
      @submit=${(e: SubmitEvent) => this.#sendMessage(e)}
      @input=${(e: InputEvent) => (this.draft = { ...this.draft, body: (e.target as HTMLTextAreaElement).value })}
      novalidate
    >
      <h3 class="heading">${a.messageHeading}</h3>
      ${this.#summary(['body'])}
      ${textArea({
        errorPrefix: t.errorPrefix,
        name: 'body',
        label: a.messageHeading,
        hint: a.messageHint,
        value: this.draft.body,
        error: this.errors.body,
        rows: 4,
      })}
      <button type="submit" class="button" part="button" ?disabled=${this.busy}>${a.send}</button>
    </form>`;
  }
}
