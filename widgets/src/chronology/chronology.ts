import {
  ChronologyExportDocument,
  DoorstepError,
  HouseholdChronologyDocument,
  PersonChronologyDocument,
  PinChronologyEntryDocument,
  type PersonChronologyQuery,
} from '@doorstep/client';
import { CHRONOLOGY_KINDS, type ExportFormat } from '@doorstep/schema';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { SgOpenEvent } from '../events/open.js';
import { chronologyCy } from '../i18n/chronology.cy.js';
import { chronologyEn } from '../i18n/chronology.en.js';
import type { ChronologyTranslation } from '../i18n/translation.js';
import { ApiController, send } from '../internal/api.js';
import { choices, errorSummary, textInput } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController } from '../internal/localize.js';
import { requestFailed } from '../internal/panels.js';
import { chronologyStyles } from './chronology.styles.js';
import {
  checkFilter,
  EMPTY_FILTER,
  filterFormOf,
  narrows,
  type Filter,
  type FilterForm,
  type FilterProblem,
} from './filter.js';

/** Entries asked for at a time (the gateway's most). */
export const PAGE_SIZE = 100;
/** The most entries "load all for printing" loads. */
export const PRINT_CAP = 5000;
/** Load the next page when the reader is this close to the end of what is loaded. */
const AHEAD = 30;

type Page = PersonChronologyQuery['person']['chronology'];
export type Entry = Page['edges'][number]['node'];

/**
 * The date and time of an entry, as `formatMoment` writes it, with one formatter per locale: making
 * a formatter for each of thousands of entries is what would make scrolling slow.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const momentFormat = (locale: string): Intl.DateTimeFormat => {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    formatters.set(locale, format);
  }
  return format;
};

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));

/** The gateway says the subject is not there for this viewer: not theirs to see, or not at all. */
const NOT_AVAILABLE = new Set(['NOT_FOUND', 'FORBIDDEN']);

/**
 * One person's or one household's chronology: every concern raised, triage decision, warning change
 * and referral move, in order, so a safeguarding lead can see the pattern (repeated concerns,
 * escalation). It reads a page at a time as the reader scrolls and renders only the entries in
 * view, so it stays smooth with thousands. Filter by kind of entry and by dates, mark key events,
 * print every loaded entry (a plain list on paper), and download the filtered chronology as CSV
 * (safe to open in a spreadsheet) or JSON for a partner: the gateway makes the file and audits it.
 *
 * What it shows follows the viewer's access: a person they may not see, or a household outside
 * their organisation, is "not available", and entries naming someone restricted from them are left
 * out. It takes the gateway's address and token from its own `endpoint` / `token`, else from the
 * closest `<sg-provider>`.
 *
 * @summary A person's or household's chronology: filter, key events, print, export.
 *
 * @event {SgOpenEvent} sg-open - The reader asked to open the record behind an entry (`event.kind`:
 *   `Concern`, `Warning`, `Referral`, …; `event.id`). The host page opens it.
 * @event {SgErrorEvent} sg-error - Loading, pinning or exporting failed (`event.code`:
 *   `NOT_FOUND`, `FORBIDDEN`, `NETWORK_ERROR`, …). The widget has said so.
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The filter form.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - The date inputs.
 * @csspart choice - Checkbox inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message.
 * @csspart count - The line saying how many entries are shown.
 * @csspart list - The scrolling list of entries.
 * @csspart entry - Each entry.
 * @csspart key-event - The "Key event" tag on a pinned entry.
 * @csspart print - The print and export controls.
 * @csspart button - Every button.
 *
 * @cssproperty --sg-chronology-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-chronology-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size.
 * @cssproperty --sg-chronology-max-width - Width of the column. Default 48em.
 * @cssproperty --sg-chronology-list-height - Height of the scrolling list. Default 32em (at most 75% of the window).
 * @cssproperty --sg-chronology-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-chronology-secondary-text-color - Dates and hints. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-chronology-border-color - Inputs' borders. Falls back to `--sg-color-border`.
 * @cssproperty --sg-chronology-rule-color - Lines between entries. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-chronology-error-color - Falls back to `--sg-color-error`.
 * @cssproperty --sg-chronology-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-chronology-link-color - Links and key events. Falls back to `--sg-color-link`.
 * @cssproperty --sg-chronology-button-color - Falls back to `--sg-color-button`.
 */
export class SgChronology extends LitElement {
  static override styles = chronologyStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** A staff member's bearer token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  /** The person whose chronology this is. Give this or `household-id`. */
  @property({ attribute: 'person-id' }) personId: string | undefined = undefined;

  /** The household whose chronology this is (with its members' entries from while they lived there). */
  @property({ attribute: 'household-id' }) householdId: string | undefined = undefined;

  /** No "Mark as key event" buttons (for someone who may read but not change records). */
  @property({ type: Boolean }) readonly = false;

  @state() private phase: 'loading' | 'loaded' | 'unavailable' | 'failed' = 'loading';
  @state() private failure = '';
  @state() private entries: Entry[] = [];
  @state() private total = 0;
  @state() private loadingMore = false;
  @state() private filter: Filter = { pinnedOnly: false, newestFirst: false };
  @state() private form: FilterForm = EMPTY_FILTER;
  @state() private problems: Partial<Record<'from' | 'to', FilterProblem>> = {};
  @state() private announcement = '';
  @state() private pinRefused = false;
  @state() private printing = false;
  @state() private printLoading = false;
  @state() private exporting: ExportFormat | undefined;
  @state() private exportFailure = '';
  @state() private exported:
    { url: string; filename: string; format: ExportFormat; count: number } | undefined;

  readonly #localize = new LocalizeController<ChronologyTranslation>(this, [chronologyEn, chronologyCy]);
  // Someone else signed in, or another gateway: read the chronology again as they may see it.
  readonly #api = new ApiController(this, () => void this.#load());
  #after: string | null = null;
  #hasNext = false;
  /** Bumped by every fresh load: a page answered for an earlier subject or filter is dropped. */
  #generation = 0;
  #more: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
    this.#dropExport();
  }

  override updated(changed: PropertyValues): void {
    // Whose chronology, or who is reading it (a new token may be someone else's): read it afresh.
    if (['personId', 'householdId', 'token', 'endpoint'].some((key) => changed.has(key))) {
      // After the host page's own scripts of this turn (which may give the provider its token).
      setTimeout(() => void this.#load());
    }
  }

  /** The subject as the gateway takes it, or nothing when the page named neither or both. */
  get #subject(): { personId: string } | { householdId: string } | undefined {
    if (!!this.personId === !!this.householdId) return undefined;
    return this.personId ? { personId: this.personId } : { householdId: this.householdId! };
  }

  /** One page after `after`, as the gateway answers for the subject. */
  async #page(after: string | null): Promise<Page> {
    const subject = this.#subject!;
    const variables = { filter: this.filter, first: PAGE_SIZE, after };
    return 'personId' in subject
      ? (await send(this.#api.api, PersonChronologyDocument, { id: subject.personId, ...variables })).person
          .chronology
      : (await send(this.#api.api, HouseholdChronologyDocument, { id: subject.householdId, ...variables }))
          .household.chronology;
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    this.#dropExport();
    this.phase = 'loading';
    this.entries = [];
    this.#after = null;
    this.#hasNext = false;
    this.#more = undefined;
    if (!this.#subject) {
      this.phase = 'unavailable';
      return;
    }
    try {
      const page = await this.#page(null);
      if (generation !== this.#generation) return;
      this.#take(page);
      this.phase = 'loaded';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#failed(error, (code) => {
        this.phase = NOT_AVAILABLE.has(code) ? 'unavailable' : 'failed';
        this.failure = code;
      });
    }
  }

  #take(page: Page): void {
    this.entries = [...this.entries, ...page.edges.map((edge) => edge.node)];
    this.total = page.totalCount;
    this.#after = page.pageInfo.endCursor;
    this.#hasNext = page.pageInfo.hasNextPage;
  }

  /** The next page, once at a time; resolves when it is in (or failed, which the widget says). */
  #loadMore(): Promise<void> {
    if (!this.#hasNext || this.phase !== 'loaded') return Promise.resolve();
    const generation = this.#generation;
    this.#more ??= (async () => {
      this.loadingMore = true;
      try {
        const page = await this.#page(this.#after);
        if (generation === this.#generation) this.#take(page);
      } catch (error) {
        if (generation === this.#generation) {
          this.#failed(error, (code) => {
            this.phase = 'failed';
            this.failure = code;
          });
        }
      } finally {
        this.loadingMore = false;
        this.#more = undefined;
      }
    })();
    return this.#more;
  }

  #failed(error: unknown, show: (code: string) => void): void {
    const e = asError(error);
    show(e.code);
    this.dispatchEvent(new SgErrorEvent(e.code, e.message));
  }

  #onRange = (event: RangeChangedEvent): void => {
    if (event.last >= this.entries.length - AHEAD) void this.#loadMore();
  };

  #applyFilter = (event: SubmitEvent): void => {
    event.preventDefault();
    this.form = filterFormOf(new FormData(event.target as HTMLFormElement));
    const checked = checkFilter(this.form);
    if (!checked.ok) {
      this.problems = checked.problems;
      void focusAfterRender(this, '.filters .error-summary');
      return;
    }
    this.problems = {};
    this.filter = checked.filter;
    void this.#load();
  };

  #clearFilter = (): void => {
    this.form = EMPTY_FILTER;
    this.problems = {};
    this.filter = { pinnedOnly: false, newestFirst: false };
    void this.#load();
  };

  async #pin(entry: Entry): Promise<void> {
    const { t } = this.#localize;
    try {
      const { pinChronologyEntry } = await send(this.#api.api, PinChronologyEntryDocument, {
        id: entry.id,
        pinned: !entry.pinned,
      });
      this.entries = this.entries.map((e) =>
        e.id === entry.id ? { ...e, pinned: pinChronologyEntry.pinned } : e,
      );
      this.announcement = pinChronologyEntry.pinned ? t.chronology.pinned : t.chronology.unpinned;
    } catch (error) {
      this.#failed(error, (code) => {
        if (code === 'FORBIDDEN') this.pinRefused = true;
        this.announcement = code === 'FORBIDDEN' ? t.chronology.pinRefused : t.chronology.loadFailed.other;
      });
    }
  }

  #open(entry: Entry): void {
    this.dispatchEvent(new SgOpenEvent(entry.sourceType, entry.sourceId));
  }

  async #export(format: ExportFormat): Promise<void> {
    this.#dropExport();
    this.exporting = format;
    this.exportFailure = '';
    try {
      const { pinnedOnly, kinds, from, to } = this.filter;
      const { chronologyExport: file } = await send(this.#api.api, ChronologyExportDocument, {
        subject: this.#subject!,
        format,
        filter: { pinnedOnly, kinds, from, to },
      });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
      this.exported = { url, filename: file.filename, format, count: file.entryCount };
      void focusAfterRender(this, '.export__file');
    } catch (error) {
      this.#failed(error, (code) => (this.exportFailure = code));
      void focusAfterRender(this, '.export .error-summary');
    } finally {
      this.exporting = undefined;
    }
  }

  #dropExport(): void {
    if (this.exported) URL.revokeObjectURL(this.exported.url);
    this.exported = undefined;
  }

  /** Loads pages until every entry (at most `PRINT_CAP`) is in, for printing. */
  async #loadForPrint(): Promise<void> {
    this.printLoading = true;
    try {
      while (this.#hasNext && this.phase === 'loaded' && this.entries.length < PRINT_CAP)
        await this.#loadMore();
    } finally {
      this.printLoading = false;
    }
  }

  /** Before printing: the plain list of every loaded entry is rendered at once, in the same turn. */
  #beforePrint = (): void => {
    this.printing = true;
    this.performUpdate();
  };

  #afterPrint = (): void => {
    this.printing = false;
  };

  #print = (): void => {
    this.#beforePrint();
    window.print();
  };

  override render(): TemplateResult {
    const { t } = this.#localize;
    const c = t.chronology;
    return html`<div class="base" part="base" lang=${t.$code} dir=${t.$dir}>
      <div class="content">
        <h2 class="title">${c.title}</h2>
        ${
          this.phase === 'unavailable'
            ? html`<p class="notice">${c.notAvailable}</p>`
            : this.phase === 'failed'
              ? requestFailed(c.loadFailed, this.failure, {
                  more: html`<button
                    type="button"
                    class="button button--secondary"
                    part="button"
                    @click=${() => this.#load()}
                  >
                    ${c.loadFailed.retry}
                  </button>`,
                })
              : html`${this.#renderFilters()}
                ${this.phase === 'loading' ? html`<p role="status">${c.loading}</p>` : this.#renderEntries()}`
        }
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const { t } = this.#localize;
    const f = t.chronology.filters;
    const words = { errorPrefix: t.errorPrefix };
    const message = (field: 'from' | 'to') => {
      const problem = this.problems[field];
      return problem ? f[problem] : undefined;
    };
    const items = (['from', 'to'] as const).flatMap((field) => {
      const text = message(field);
      return text ? [{ message: text, target: field }] : [];
    });
    return html`<details class="filters" part="filters" ?open=${items.length > 0 || narrows(this.filter)}>
      <summary class="filters__summary">${f.legend}</summary>
      ${
        items.length
          ? errorSummary({
              title: f.errorTitle,
              items,
              onFollow: (target) => this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus(),
            })
          : nothing
      }
      <form @submit=${this.#applyFilter} novalidate>
        ${choices({
          ...words,
          type: 'checkbox',
          name: 'kinds',
          legend: f.kinds,
          legendSize: 's',
          small: true,
          items: CHRONOLOGY_KINDS.map((kind) => ({
            value: kind,
            label: t.chronology.kinds[kind],
            selected: this.form.kinds.includes(kind),
          })),
        })}
        <div class="dates">
          ${textInput({ ...words, name: 'from', label: f.from, hint: f.dateHint, error: message('from'), value: this.form.from, spellcheck: false })}
          ${textInput({ ...words, name: 'to', label: f.to, hint: f.dateHint, error: message('to'), value: this.form.to, spellcheck: false })}
        </div>
        <div class="choices choices--checkbox choices--small">
          ${this.#checkbox('pinnedOnly', f.pinnedOnly, this.form.pinnedOnly)}
          ${this.#checkbox('newestFirst', f.newestFirst, this.form.newestFirst)}
        </div>
        <div class="actions">
          <button type="submit" class="button" part="button">${f.apply}</button>
          <button type="button" class="button button--secondary" part="button" @click=${this.#clearFilter}>
            ${f.clear}
          </button>
        </div>
      </form>
    </details>`;
  }

  #checkbox(name: string, label: string, checked: boolean): TemplateResult {
    return html`<div class="choice">
      <input
        class="choice__input"
        part="choice"
        id=${name}
        name=${name}
        type="checkbox"
        .checked=${checked}
      />
      <label class="choice__label" part="label" for=${name}>${label}</label>
    </div>`;
  }

  #renderEntries(): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.chronology;
    if (!this.entries.length) {
      return html`<p class="notice" role="status">${narrows(this.filter) ? c.noMatch : c.empty}</p>`;
    }
    return html`<p class="count" part="count">${c.count(this.entries.length, this.total, locale)}</p>
      ${
        this.printing
          ? html`<ol class="print-list">
              ${this.entries.map((entry) => html`<li class="entry">${this.#renderEntry(entry, false)}</li>`)}
            </ol>`
          : html`<div
              class="list"
              part="list"
              role="list"
              aria-label=${c.title}
              @rangeChanged=${this.#onRange}
            >
              ${virtualize({
                items: this.entries,
                keyFunction: (entry: Entry) => entry.id,
                layout: flow(),
                scroller: true,
                renderItem: (entry: Entry, index: number) =>
                  html`<div
                    class="entry ${entry.pinned ? 'entry--key' : ''}"
                    part="entry"
                    role="listitem"
                    aria-posinset=${index + 1}
                    aria-setsize=${this.total}
                  >
                    ${this.#renderEntry(entry, true)}
                  </div>`,
              })}
            </div>`
      }
      ${this.loadingMore && !this.printLoading ? html`<p role="status" class="more">${c.loadingMore}</p>` : nothing}
      ${this.#renderPrintAndExport()}`;
  }

  #renderEntry(entry: Entry, actions: boolean): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.chronology;
    const summaryId = `summary-${entry.id}`;
    return html`<p class="entry__meta">
        <time datetime=${entry.occurredAt}>${momentFormat(locale).format(new Date(entry.occurredAt))}</time>
        <span class="entry__kind">${c.kinds[entry.kind] ?? entry.kind}</span>
        ${entry.pinned ? html`<strong class="tag" part="key-event">${c.keyEvent}</strong>` : nothing}
      </p>
      <p class="entry__summary" id=${summaryId}>${entry.summary}</p>
      ${
        actions
          ? html`<div class="entry__actions">
              <button
                type="button"
                class="link"
                aria-describedby=${summaryId}
                @click=${() => this.#open(entry)}
              >
                ${c.open(entry.sourceType)}
              </button>
              ${
                this.readonly || this.pinRefused
                  ? nothing
                  : html`<button
                      type="button"
                      class="link"
                      aria-describedby=${summaryId}
                      @click=${() => this.#pin(entry)}
                    >
                      ${entry.pinned ? c.unpin : c.pin}
                    </button>`
              }
            </div>`
          : nothing
      }`;
  }

  #renderPrintAndExport(): TemplateResult {
    const { t, locale } = this.#localize;
    const c = t.chronology;
    const loaded = this.entries.length;
    const all = !this.#hasNext;
    const toLoad = Math.min(this.total, PRINT_CAP) - loaded;
    return html`<div class="print" part="print">
      <p class="print__status">
        ${all ? c.print.all(this.total, locale) : c.print.loaded(loaded, this.total, locale)}
        ${this.total > PRINT_CAP ? c.print.capped(PRINT_CAP, locale) : nothing}
      </p>
      ${this.printLoading ? html`<p role="status">${c.print.loading}</p>` : nothing}
      <div class="actions">
        ${
          !all && toLoad > 0
            ? html`<button
                type="button"
                class="button button--secondary load-all"
                part="button"
                ?disabled=${this.printLoading}
                @click=${() => this.#loadForPrint()}
              >
                ${c.print.loadAll(toLoad, locale)}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="button button--secondary print__button"
          part="button"
          @click=${this.#print}
        >
          ${c.print.button}
        </button>
      </div>
      <div class="export">
        <h3 class="export__title">${c.export.legend}</h3>
        <div class="actions">
          <button
            type="button"
            class="button button--secondary export__csv"
            part="button"
            ?disabled=${!!this.exporting}
            @click=${() => this.#export('CSV')}
          >
            ${c.export.csv}
          </button>
          <button
            type="button"
            class="button button--secondary export__json"
            part="button"
            ?disabled=${!!this.exporting}
            @click=${() => this.#export('JSON')}
          >
            ${c.export.json}
          </button>
        </div>
        ${this.exporting ? html`<p role="status">${c.export.preparing}</p>` : nothing}
        ${this.exportFailure ? requestFailed(c.loadFailed, this.exportFailure) : nothing}
        ${
          this.exported
            ? html`<p>
                <a class="export__file" href=${this.exported.url} download=${this.exported.filename}>
                  ${c.export.ready(this.exported.format, this.exported.count, locale)}
                </a>
              </p>`
            : nothing
        }
      </div>
    </div>`;
  }
}
