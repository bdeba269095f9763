import {
  ReportFiltersDocument,
  ReportsDocument,
  DoorstepError,
  type ReportFiltersQuery,
  SelfAssessmentStandingDocument,
  type SelfAssessmentStandingQuery,
} from '@doorstep/client';
import { londonDateOf } from '@doorstep/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { dashboardCy } from '../i18n/dashboard.cy.js';
import { dashboardEn } from '../i18n/dashboard.en.js';
import type { DashboardTranslation } from '../i18n/translation.js';
import { ApiController, send } from '../internal/api.js';
import { formatDay } from '../internal/datetime.js';
import { errorSummary, selectField, textInput } from '../internal/fields.js';
import { focusAfterRender } from '../internal/focus.js';
import { LocalizeController } from '../internal/localize.js';
import { requestFailed } from '../internal/panels.js';
import { viewShell, viewTitle } from '../internal/view-shell.js';
import {
  barChart,
  barTable,
  figure,
  monthChart,
  monthName,
  monthTable,
  ranked,
  shownCount,
  type Group,
  type Row,
} from './charts.js';
import { dashboardStyles } from './dashboard.styles.js';
import { figuresOf, type Figures } from './figures.js';
import {
  checkPeriod,
  formFor,
  presetNamed,
  problemsOf,
  type PeriodForm,
  type PeriodInput,
  type Problems,
} from './period-form.js';
import { PRESETS, presetPeriod, type Preset } from './periods.js';

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));

/** A CSV download: on its way, ready (a link to the file), or failed. */
type Download =
  { state: 'preparing' } | { state: 'ready'; url: string; filename: string } | { state: 'failed' };

/**
 * The safeguarding figures boards and managers ask for, for a period: headline tiles (concerns
 * raised, concerns and cases open at the end, referrals sent and overdue, the median time to
 * triage, the share of concerns where the person's wishes were asked), and charts of concerns
 * each month with the cases open, by main category, adults and children, referrals by agency and
 * Making Safeguarding Personal outcomes. The figures are the gateway's `report`, the same as its
 * CSV downloads, one of which each chart offers.
 *
 * Every chart has a text summary of what it shows and a data table (read by screen readers
 * always, shown with "Show as a table"); counts are in words on every bar, never told by colour
 * alone. A count the gateway withholds (under 5, in a report that leaves the organisation) reads
 * "fewer than 5".
 *
 * The period: this financial year so far (April to March), the last financial year, the last
 * quarter, the last 12 months, or dates of one's own, checked with the gateway's own schema
 * before anything is sent; a period the gateway refuses is shown by its fields. Beside it, a local
 * authority area and a team (from the gateway's `reportFilters`; "All areas" and "All teams" at
 * first): choosing either shows the figures for it at once. Every figure shown can be narrowed so;
 * the self-assessment, which is the whole organisation's, says so when an area or team is chosen.
 *
 * For managers and safeguarding leads: the gateway refuses everyone else (frontline staff,
 * contractors, agency officers), who see a plain notice and no figures. It reads afresh when its
 * token or endpoint changes. It takes the gateway's address and token from its own `endpoint` /
 * `token`, else from the closest `<sg-provider>`.
 *
 * @summary Safeguarding figures for a period: tiles, charts with tables, CSV downloads.
 *
 * @event {SgErrorEvent} sg-error - Loading or a download failed (`event.code`: `FORBIDDEN`,
 *   `NETWORK_ERROR`, …). The widget has said so. A period the gateway refused is shown by its
 *   fields, with no event.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The "Safeguarding dashboard" heading.
 * @csspart period - The period picker.
 * @csspart label - Every label and legend.
 * @csspart hint - Every hint.
 * @csspart control - The date boxes and the area and team selects.
 * @csspart choice - Radio inputs (transparent: style their label's `::before` instead).
 * @csspart error - Every error message.
 * @csspart error-summary - The boxes saying something failed.
 * @csspart tiles - The headline figures.
 * @csspart tile - Each headline figure.
 * @csspart chart - Each chart, with its title, summary, table and download.
 * @csspart bars - Each list of horizontal bars.
 * @csspart bar - Each bar.
 * @csspart months - The monthly chart (an SVG).
 * @csspart table - Each data table.
 * @csspart button - Every button.
 * @csspart notice - The notice for people the figures are not for.
 *
 * @cssproperty --sg-dashboard-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-dashboard-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-dashboard-max-width - Width of the column. Default 60em.
 * @cssproperty --sg-dashboard-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-dashboard-secondary-text-color - Hints, axes. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-dashboard-rule-color - Grid lines and table rules. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-dashboard-error-color - Errors. Falls back to `--sg-color-error`.
 * @cssproperty --sg-dashboard-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-dashboard-link-color - Links, and the open-cases line. Falls back to `--sg-color-link`.
 * @cssproperty --sg-dashboard-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-dashboard-button-text-color - Falls back to `--sg-color-button-text`.
 * @cssproperty --sg-dashboard-bar-color - Bars. Default the text colour.
 */
export class SgDashboard extends LitElement {
  static override styles = dashboardStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** The signed-in member of staff's token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  /**
   * The period shown first: `thisYear` (the financial year so far, the default), `lastYear`,
   * `lastQuarter` or `last12Months`.
   */
  @property() period: Preset = 'thisYear';

  /**
   * For figures that leave the organisation (a board pack, a partnership): the gateway withholds
   * counts of 1 to 4, shown as "fewer than 5".
   */
  @property({ type: Boolean }) shared = false;

  @state() private phase: 'loading' | 'loaded' | 'unavailable' | 'failed' = 'loading';
  @state() private failure = '';
  @state() private form: PeriodForm = formFor('thisYear');
  @state() private problems: Problems = {};
  @state() private figures: Figures | undefined;
  /** The self-assessment's latest round, area by area, when the caller may read it. */
  @state() private standing: SelfAssessmentStandingQuery['selfAssessmentStanding'] = null;
  /** The areas and teams the figures can be narrowed to (none until read, or when refused). */
  @state() private filters: ReportFiltersQuery['reportFilters'] | null = null;
  @state() private busy = false;
  /** The charts shown as tables. */
  @state() private tables: ReadonlySet<string> = new Set();
  @state() private downloads: Readonly<Record<string, Download>> = {};
  /** The monthly chart's width and the text size, in pixels: it is drawn at the size shown. */
  @state() private size = { width: 0, em: 16 };

  // Someone else signed in, or another gateway: read afresh, as they may see it.
  readonly #api = new ApiController(this, () => this.#afresh());
  readonly #localize = new LocalizeController<DashboardTranslation>(this, [dashboardEn, dashboardCy]);
  /** The latest read: an older answer arriving late is dropped. */
  #loading = 0;
  #read = false;
  /** Counts readers (`#afresh`): a standing read for an earlier one is dropped. */
  #reader = 0;
  /** The period of the figures shown (or being read). */
  #input: PeriodInput | undefined;
  // Measured in the next frame, not in the observer's callback: drawing to the new size must not
  // resize what is observed within the same frame.
  readonly #resize = new ResizeObserver(() => requestAnimationFrame(() => this.#measure()));

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#dropDownloads();
  }

  override willUpdate(): void {
    if (!this.#read) this.form = formFor(presetNamed(this.period));
  }

  override updated(changed: PropertyValues<this>): void {
    // The first time, and whenever someone else may be reading (a new token or gateway): what was
    // shown goes, and the gateway decides again. After the host page's scripts of this turn.
    if (!this.#read || (['token', 'endpoint', 'shared'] as const).some((key) => changed.has(key))) {
      this.#read = true;
      setTimeout(() => this.#afresh());
    }
  }

  /** Reads the figures again. */
  async reload(): Promise<void> {
    await this.#load(this.#input);
  }

  #measure(): void {
    const content = this.renderRoot.querySelector<HTMLElement>('.content');
    if (!content) return;
    const width = Math.floor(content.clientWidth);
    const em = parseFloat(getComputedStyle(content).fontSize) || 16;
    if (width !== this.size.width || em !== this.size.em) this.size = { width, em };
  }

  async #load(input?: PeriodInput): Promise<void> {
    const checked = input ? { ok: true as const, input } : checkPeriod(this.form, this.shared);
    if (!checked.ok) {
      this.problems = checked.problems;
      void focusAfterRender(this, '.period .error-summary');
      return;
    }
    const ticket = ++this.#loading;
    this.#input = checked.input;
    this.busy = true;
    if (this.phase !== 'loaded') this.phase = 'loading';
    try {
      const { report } = await send(this.#api.api, ReportsDocument, { period: checked.input });
      if (ticket !== this.#loading) return;
      this.figures = figuresOf(report);
      this.problems = {};
      this.phase = 'loaded';
      this.#dropDownloads();
    } catch (error) {
      if (ticket !== this.#loading) return;
      const e = asError(error);
      if (e.code === 'BAD_USER_INPUT' && e.fields.length) {
        this.problems = problemsOf(
          e.fields.map((f) => f.field.replace(/^period\./, '')),
          this.form,
        );
        if (this.phase !== 'loaded') this.phase = 'loaded';
        void focusAfterRender(this, '.period .error-summary');
        return;
      }
      this.figures = undefined;
      this.#dropDownloads();
      this.phase = e.code === 'FORBIDDEN' ? 'unavailable' : 'failed';
      this.failure = e.code;
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    } finally {
      if (ticket === this.#loading) this.busy = false;
    }
  }

  /**
   * Everything read again for someone else (a new token or gateway, or `shared`): nothing the
   * previous reader saw stays while the gateway decides again.
   */
  #afresh(): void {
    this.phase = 'loading';
    this.figures = undefined;
    this.standing = null;
    this.filters = null;
    this.#dropDownloads();
    // The self-assessment and the areas and teams are not of a period: read once per reader,
    // beside the figures.
    void this.#loadAside(++this.#reader);
    void this.#load();
  }

  /**
   * The self-assessment's standing, and the areas and teams to choose from: each left out (nothing
   * said, no choice offered) when refused or not there; the figures say what matters.
   */
  async #loadAside(reader: number): Promise<void> {
    const api = this.#api.api;
    const [standing, filters] = await Promise.all([
      send(api, SelfAssessmentStandingDocument).catch(() => null),
      send(api, ReportFiltersDocument).catch(() => null),
    ]);
    if (reader !== this.#reader) return;
    this.standing = standing?.selfAssessmentStanding ?? null;
    this.filters = filters?.reportFilters ?? null;
  }

  // ── The period picker ──

  #choosePreset(preset: Preset | 'custom'): void {
    const today = londonDateOf();
    this.form = {
      ...this.form,
      preset,
      ...(preset === 'custom' ? {} : presetPeriod(preset, today)),
    };
  }

  #onDate = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'from' && input.name !== 'to') return;
    this.form = { ...this.form, preset: 'custom', [input.name]: input.value };
  };

  /** An area or team chosen: the figures for it, at once. */
  #choose(field: 'localAuthorityArea' | 'teamId', value: string): void {
    this.form = { ...this.form, [field]: value };
    void this.#load();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#load();
  };

  // ── Tables and downloads ──

  #toggle(id: string): void {
    const tables = new Set(this.tables);
    if (!tables.delete(id)) tables.add(id);
    this.tables = tables;
  }

  /** Fetches one report's CSV with the token (a plain link could not send it), then offers it. */
  async #download(name: string): Promise<void> {
    const input = this.#input;
    if (!input) return;
    this.downloads = { ...this.downloads, [name]: { state: 'preparing' } };
    const api = this.#api.api;
    const base = api.endpoint.replace(/\/graphql\/?$/, '');
    // The download's own names for the period: from, to, area, team, shared.
    const names: Record<string, string> = { localAuthorityArea: 'area', teamId: 'team' };
    const query = new URLSearchParams(
      Object.entries(input).map(([key, value]) => [names[key] ?? key, String(value)]),
    ).toString();
    let download: Download;
    try {
      const token = await api.tokens.get();
      const response = await fetch(`${base}/reports/${name}.csv?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok)
        throw new DoorstepError(
          response.status === 403 ? 'FORBIDDEN' : 'NETWORK_ERROR',
          `HTTP ${response.status}`,
        );
      const url = URL.createObjectURL(await response.blob());
      download = { state: 'ready', url, filename: `${name}-${input.from}-to-${input.to}.csv` };
    } catch (error) {
      const e = asError(error);
      this.dispatchEvent(new SgErrorEvent(e.code, e.message));
      download = { state: 'failed' };
    }
    this.downloads = { ...this.downloads, [name]: download };
    if (download.state === 'ready') void focusAfterRender(this, `[data-file="${name}"]`);
  }

  #dropDownloads(): void {
    for (const d of Object.values(this.downloads)) if (d.state === 'ready') URL.revokeObjectURL(d.url);
    this.downloads = {};
  }

  // ── Rendering ──

  override render(): TemplateResult {
    const { t } = this.#localize;
    const d = t.dashboard;
    return viewShell(
      t,
      this.phase === 'loading' || this.busy,
      html`${viewTitle(d.title)} ${this.#renderState()}`,
    );
  }

  #renderState(): TemplateResult {
    const d = this.#localize.t.dashboard;
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${d.loading}</p>`;
      case 'unavailable':
        return html`<p class="notice" part="notice">${d.notAvailable}</p>`;
      case 'failed':
        return requestFailed(d.failed, this.failure, {
          more: html`<button
            type="button"
            class="button button--secondary"
            part="button"
            @click=${() => this.#load(this.#input)}
          >
            ${d.failed.retry}
          </button>`,
        });
      case 'loaded':
        return html`${this.#renderPicker()}
          <p class="status" role="status">${this.busy ? d.loading : nothing}</p>
          ${this.figures ? this.#renderFigures(this.figures) : nothing}`;
    }
  }

  #renderPicker(): TemplateResult {
    const { t } = this.#localize;
    const p = t.dashboard.period;
    const words = { errorPrefix: t.errorPrefix };
    const message = (field: keyof Problems) => {
      const problem = this.problems[field];
      return problem ? p.errors[problem] : undefined;
    };
    const items = (['from', 'to', 'localAuthorityArea', 'teamId'] as const).flatMap((field) => {
      const text = message(field);
      return text ? [{ message: text, target: field }] : [];
    });
    const today = londonDateOf();
    return html`<form
      class="period"
      part="period"
      @submit=${this.#onSubmit}
      @input=${this.#onDate}
      novalidate
    >
      ${
        items.length
          ? errorSummary({
              title: p.errorTitle,
              items,
              onFollow: (target) => this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus(),
            })
          : nothing
      }
      <fieldset class="fieldset">
        <legend class="legend" part="label">${p.legend}</legend>
        <div class="choices choices--small presets">
          ${[...PRESETS, 'custom' as const].map((preset) => {
            const id = `preset-${preset}`;
            const range = preset === 'custom' ? undefined : presetPeriod(preset, today);
            return html`<div class="choice">
              <input
                class="choice__input"
                part="choice"
                type="radio"
                id=${id}
                name="preset"
                value=${preset}
                .checked=${this.form.preset === preset}
                aria-describedby=${range ? `${id}-hint` : nothing}
                @change=${() => this.#choosePreset(preset)}
              />
              <label class="choice__label" part="label" for=${id}>${p.presets[preset]}</label>
              ${range ? html`<div class="hint choice__hint" part="hint" id="${id}-hint">${this.#range(range.from, range.to)}</div>` : nothing}
            </div>`;
          })}
        </div>
        <div class="dates">
          ${textInput({ ...words, name: 'from', label: p.from, hint: p.dateHint, error: message('from'), value: this.form.from, spellcheck: false })}
          ${textInput({ ...words, name: 'to', label: p.to, hint: p.dateHint, error: message('to'), value: this.form.to, spellcheck: false })}
        </div>
      </fieldset>
      ${this.#renderFilters(message)}
      <button type="submit" class="button" part="button" ?disabled=${this.busy}>${p.show}</button>
    </form>`;
  }

  /** The area and team selects, when there is something to choose from. */
  #renderFilters(message: (field: keyof Problems) => string | undefined): TemplateResult | typeof nothing {
    const filters = this.filters;
    if (!filters) return nothing;
    const { t } = this.#localize;
    const p = t.dashboard.period;
    const select = (
      name: 'localAuthorityArea' | 'teamId',
      label: string,
      choices: { value: string; label: string }[],
    ) =>
      selectField({
        errorPrefix: t.errorPrefix,
        name,
        label,
        error: message(name),
        value: this.form[name],
        choices,
        onChange: (value) => this.#choose(name, value),
      });
    return html`<div class="dates">
      ${select('localAuthorityArea', p.area, [
        { value: '', label: p.allAreas },
        ...filters.localAuthorityAreas.map((area) => ({ value: area, label: area })),
      ])}
      ${select('teamId', p.team, [
        { value: '', label: p.allTeams },
        ...filters.teams.map((team) => ({ value: team.id, label: team.name })),
      ])}
    </div>`;
  }

  #range(from: string, to: string): string {
    const { t, locale } = this.#localize;
    const day = (d: string) => formatDay(new Date(`${d}T00:00:00Z`), locale);
    return t.dashboard.range(day(from), day(to));
  }

  #renderFigures(f: Figures): TemplateResult {
    const { t } = this.#localize;
    const d = t.dashboard;
    const range = this.#range(f.from, f.to);
    return html`<p class="showing">${d.showing(range, f.area, f.team)}</p>
      ${f.withheld ? html`<p class="secondary suppressed-note">${d.suppressedNote}</p>` : nothing}
      ${this.#renderTiles(f)} ${f.raised === 0 ? html`<p class="notice">${d.empty}</p>` : nothing}
      ${this.#renderMonths(f, range)} ${f.categories ? this.#renderCategories(f.categories, range) : nothing}
      ${f.ages ? this.#renderAges(f.ages) : nothing}
      ${f.referrals ? this.#renderAgencies(f.referrals.agencies, range) : nothing}
      ${f.outcomes ? this.#renderOutcomes(f.outcomes) : nothing}
      ${this.standing ? this.#renderStanding(this.standing, f.area !== null || f.team !== null) : nothing}`;
  }

  #count(n: number | null): string {
    const { t, locale } = this.#localize;
    return shownCount(n, locale, t.dashboard.suppressed);
  }

  #renderTiles(f: Figures): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.dashboard.tiles;
    const last = f.months.at(-1);
    const end = w.atEnd(formatDay(new Date(`${f.to}T00:00:00Z`), locale));
    const tile = (key: string, label: string, value: string, detail?: string) =>
      html`<div class="tile" part="tile" data-tile=${key}>
        <dt class="tile__label">${label}</dt>
        <dd class="tile__value">${value}</dd>
        ${detail ? html`<dd class="tile__detail">${detail}</dd>` : nothing}
      </div>`;
    const hours = (h: number | null) => (h === null ? w.none : w.hours(h, locale));
    const { triage, wishes, referrals } = f;
    return html`<h3 class="heading">${w.heading}</h3>
      <dl class="tiles" part="tiles">
        ${tile('raised', w.raised, this.#count(f.raised))}
        ${last ? tile('openConcerns', w.openConcerns, this.#count(last.openConcerns), end) : nothing}
        ${last ? tile('openCases', w.openCases, this.#count(last.openCases), end) : nothing}
        ${
          referrals
            ? html`${
                referrals.sent === undefined
                  ? nothing
                  : tile('referralsSent', w.referralsSent, this.#count(referrals.sent))
              }
              ${
                referrals.overdue === undefined
                  ? nothing
                  : tile('referralsOverdue', w.referralsOverdue, this.#count(referrals.overdue))
              }`
            : nothing
        }
        ${
          triage
            ? tile(
                'medianTriage',
                w.medianTriage,
                hours(triage.median),
                triage.p90 === null
                  ? undefined
                  : w.triageDetail(this.#count(triage.count), hours(triage.p90)),
              )
            : nothing
        }
        ${
          wishes
            ? tile(
                'wishesAsked',
                w.wishesAsked,
                wishes.share === null ? w.none : w.share(wishes.share, locale),
                w.wishesDetail(this.#count(wishes.asked), this.#count(wishes.of)),
              )
            : nothing
        }
      </dl>`;
  }

  #figure(
    id: string,
    title: string,
    summary: string,
    visual: TemplateResult,
    table: TemplateResult,
    csv?: string,
  ): TemplateResult {
    const words = this.#localize.t.dashboard;
    return figure({
      id,
      title,
      summary,
      words,
      asTable: this.tables.has(id),
      onToggle: () => this.#toggle(id),
      visual,
      table,
      download: csv ? this.#renderDownload(csv, title) : nothing,
    });
  }

  #renderDownload(name: string, title: string): TemplateResult {
    const c = this.#localize.t.dashboard.chart;
    const download = this.downloads[name];
    return html`<div class="download">
      <button
        type="button"
        class="button button--secondary"
        part="button"
        ?disabled=${download?.state === 'preparing'}
        @click=${() => this.#download(name)}
      >
        ${c.download}<span class="visually-hidden">${c.downloadOf(title)}</span>
      </button>
      ${download?.state === 'preparing' ? html`<p role="status">${c.preparing}</p>` : nothing}
      ${download?.state === 'failed' ? html`<p class="error-message" role="alert">${c.downloadFailed}</p>` : nothing}
      ${
        download?.state === 'ready'
          ? html`<p>
              <a class="file" data-file=${name} href=${download.url} download=${download.filename}
                >${c.ready(title)}</a
              >
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderMonths(f: Figures, range: string): TemplateResult {
    const { t, locale } = this.#localize;
    const d = t.dashboard;
    const w = d.byMonth;
    const known = f.months.filter((m) => m.raised !== null);
    const by = (pick: (a: number, b: number) => boolean) =>
      known.reduce<(typeof known)[number] | undefined>(
        (best, m) => (!best || pick(m.raised!, best.raised!) ? m : best),
        undefined,
      );
    // With no concerns at all, no month is the highest (nor the lowest).
    const most = by((a, b) => a > b);
    const highest = most?.raised ? most : undefined;
    const lowest = highest && by((a, b) => a < b);
    const named = (m: (typeof known)[number] | undefined): [string, string] | undefined =>
      m && [monthName(m.month, locale, 'long'), this.#count(m.raised)];
    const last = f.months.at(-1);
    const summary =
      w.summary(range, named(highest), named(lowest)) +
      (last ? ' ' + w.casesSummary(monthName(last.month, locale, 'long'), this.#count(last.openCases)) : '');
    const width = Math.min(this.size.width, 60 * this.size.em);
    return this.#figure(
      'months',
      w.title,
      summary,
      width ? monthChart(f.months, { width, em: this.size.em }, locale, d) : html``,
      monthTable(f.months, locale, d),
      'concerns-by-month',
    );
  }

  #renderBars(
    id: string,
    title: string,
    head: string,
    summary: string,
    groups: Group[],
    csv?: string,
  ): TemplateResult {
    const { t, locale } = this.#localize;
    const d = t.dashboard;
    const empty = groups.every((g) => g.rows.every((r) => r.value === 0));
    return this.#figure(
      id,
      title,
      summary,
      empty ? html`<p>${d.chart.none}</p>` : barChart(groups, locale, d),
      barTable(title, [head, d.chart.count], groups, locale, d),
      csv,
    );
  }

  #summaryItems(rows: Row[]): [string, string][] {
    return ranked(rows).map((r) => [r.label, this.#count(r.value)]);
  }

  #renderCategories(categories: NonNullable<Figures['categories']>, range: string): TemplateResult {
    const w = this.#localize.t.dashboard.byCategory;
    const rows = categories
      .filter((c) => c.count !== 0)
      .map((c) => ({ key: c.group, label: w.groups[c.group] ?? c.group, value: c.count }));
    return this.#renderBars(
      'categories',
      w.title,
      w.category,
      w.summary(range, this.#summaryItems(rows)),
      [{ rows }],
      'concerns-by-category',
    );
  }

  #renderAges({ adults, children, notKnown }: NonNullable<Figures['ages']>): TemplateResult {
    const w = this.#localize.t.dashboard.byAge;
    return this.#renderBars(
      'ages',
      w.title,
      w.who,
      w.summary(this.#count(adults), this.#count(children), this.#count(notKnown)),
      [
        {
          rows: [
            { key: 'adults', label: w.adults, value: adults },
            { key: 'children', label: w.children, value: children },
            { key: 'notKnown', label: w.notKnown, value: notKnown },
          ],
        },
      ],
      'concerns-by-age',
    );
  }

  #renderAgencies(agencies: NonNullable<Figures['referrals']>['agencies'], range: string): TemplateResult {
    const w = this.#localize.t.dashboard.byAgency;
    const rows = agencies
      .filter((a) => a.count !== 0)
      .map((a) => ({ key: a.agencyType, label: w.types[a.agencyType] ?? a.agencyType, value: a.count }));
    return this.#renderBars(
      'agencies',
      w.title,
      w.agency,
      w.summary(range, this.#summaryItems(rows)),
      [{ rows }],
      'referrals-by-agency',
    );
  }

  #renderOutcomes(o: NonNullable<Figures['outcomes']>): TemplateResult {
    const w = this.#localize.t.dashboard.outcomes;
    const groups: Group[] = [
      {
        label: w.desired,
        rows: [
          { key: 'fully', label: w.fully, value: o.fully },
          { key: 'partially', label: w.partially, value: o.partially },
          { key: 'notAchieved', label: w.notAchieved, value: o.notAchieved },
        ],
      },
      {
        label: w.risk,
        rows: [
          { key: 'removed', label: w.removed, value: o.removed },
          { key: 'reduced', label: w.reduced, value: o.reduced },
          { key: 'remains', label: w.remains, value: o.remains },
        ],
      },
    ];
    const three = (g: Group) => g.rows.map((r) => this.#count(r.value)) as [string, string, string];
    return this.#renderBars(
      'outcomes',
      w.title,
      w.outcome,
      w.summary(three(groups[0]!), three(groups[1]!)),
      groups,
      'making-safeguarding-personal',
    );
  }

  /** `narrowed`: an area or team is chosen, which the self-assessment is not narrowed by. */
  #renderStanding(
    standing: NonNullable<SelfAssessmentStandingQuery['selfAssessmentStanding']>,
    narrowed: boolean,
  ): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.dashboard.selfAssessment;
    const { round, previousRound, areas } = standing;
    const day = (at: string | null) => (at ? formatDay(new Date(at), locale) : undefined);
    const n = (count: number) => count.toLocaleString(locale);
    return html`<section class="chart" part="chart" aria-labelledby="standing-title" data-chart="standing">
      <h3 class="heading" id="standing-title">${w.title}</h3>
      <p class="summary" id="standing-summary">
        ${w.summary(round.name, day(round.signedOffAt), previousRound?.name)}
      </p>
      ${narrowed ? html`<p class="secondary">${w.wholeOrganisation}</p>` : nothing}
      <div class="table-box">
        <table class="table" part="table" aria-describedby="standing-summary">
          <caption class="visually-hidden">
            ${w.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${w.area}</th>
              <th scope="col" class="num">${w.yes}</th>
              <th scope="col" class="num">${w.inProgress}</th>
              <th scope="col" class="num">${w.no}</th>
              <th scope="col" class="num">${w.unanswered}</th>
              <th scope="col">${w.moved}</th>
            </tr>
          </thead>
          <tbody>
            ${areas.map(
              (a) =>
                html`<tr data-key=${a.id}>
                  <th scope="row">${a.id}. ${w.areas[a.id] ?? a.title}</th>
                  <td class="num">${n(a.yes)}</td>
                  <td class="num">${n(a.inProgress)}</td>
                  <td class="num">${n(a.no)}</td>
                  <td class="num">${n(a.unanswered)}</td>
                  <td>${previousRound ? w.movement(a.better, a.worse, a.new) : w.first}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}
