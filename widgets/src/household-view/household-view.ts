import { DoorstepError, HouseholdViewDocument, VisitHouseholdDocument } from '@doorstep/client';
import type { HouseholdRole, RelationshipType, WarningType } from '@doorstep/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SgErrorEvent } from '../events/error.js';
import { SgOpenEvent, type SgOpenKind } from '../events/open.js';
import { SgRaiseConcernEvent } from '../events/raise-concern.js';
import { householdViewCy } from '../i18n/household-view.cy.js';
import { householdViewEn } from '../i18n/household-view.en.js';
import type { HouseholdViewTranslation, Plural } from '../i18n/translation.js';
import { ApiController, send } from '../internal/api.js';
import { formatDay } from '../internal/datetime.js';
import { LocalizeController, plural } from '../internal/localize.js';
import { viewShell, viewTitle } from '../internal/view-shell.js';
import { householdViewStyles } from './household-view.styles.js';

/** Someone living in the household, as far as the caller may see them. */
interface Member {
  id: string;
  name: string;
  /** The rest only in the Think Family view. */
  role?: HouseholdRole;
  age?: number | null;
  child?: boolean | null;
  relationships?: { type: RelationshipType; name: string }[];
  concerns?: number;
  referrals?: number;
  cases?: number;
}

interface ShownWarning {
  id: string;
  type: WarningType;
  description: string;
  reviewDate: string;
  /** Whose warning it is: a member's name, the household, or not to be said (a visit view). */
  about: { person: string } | 'household' | undefined;
  signedOff: boolean;
}

/**
 * What the gateway let the caller see. `think-family`: everything below for safeguarding leads and
 * champions. `visit`: who lives there and the warnings, for everyone else who may visit.
 */
interface View {
  kind: 'think-family' | 'visit';
  id: string;
  address: string;
  tenancyReference: string;
  warnings: ShownWarning[];
  members: Member[];
  concerns?: number;
  referrals?: number;
  cases?: number;
}

type Load = { phase: 'loading' } | { phase: 'loaded'; view: View } | { phase: 'failed'; code: string };

const asError = (error: unknown): DoorstepError =>
  error instanceof DoorstepError ? error : new DoorstepError('NETWORK_ERROR', String(error));

/**
 * One household, Think Family: everyone living there with their ages (children marked in words,
 * not colour alone), their place in the household and how they are related, the warnings first,
 * and how many concerns, referrals and cases are open about each person and the household — each count
 * opens what it stands for (`sg-open`), and "Raise a concern" hands the person over to
 * `<sg-concern-form>` (`sg-raise-concern`).
 *
 * What it shows is decided by the gateway, never by the widget. It asks for the Think Family view
 * (`household`); when the gateway refuses that (`FORBIDDEN`: frontline staff, contractors,
 * managers), it asks for the visit view (`visitHousehold`): who lives there and the warnings, how to
 * stay safe, nothing behind them — and only for households the caller works with. People
 * restricted from the caller are simply not there.
 *
 * It takes the gateway's address and token from its own `endpoint` / `token`, else from the closest
 * `<sg-provider>`.
 *
 * @summary One household: who lives there, warnings first, what is open about each person.
 *
 * @event {SgOpenEvent} sg-open - The user chose a count: `event.kind` (`person-concerns`,
 *   `household-concerns`, `person-referrals`, `household-referrals`, `person-cases`,
 *   `household-cases`) and `event.id` (the person's or
 *   household's). The host page opens it.
 * @event {SgRaiseConcernEvent} sg-raise-concern - The user chose "Raise a concern" for a person:
 *   `event.householdId`, `event.personId`. The host page opens `<sg-concern-form>` with
 *   `subject` set to them.
 * @event {SgErrorEvent} sg-error - Loading failed (`event.code`: `NOT_FOUND`, `UNAUTHENTICATED`,
 *   `NETWORK_ERROR`, …). The widget has told the user and offers to try again.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The address heading.
 * @csspart notice - What the visit view is for.
 * @csspart warnings - The list of warnings.
 * @csspart warning - Each warning.
 * @csspart counts - The household's open concerns, referrals and cases.
 * @csspart people - The list of people.
 * @csspart person - Each person.
 * @csspart person-child - Each child (besides `person`).
 * @csspart child - The "Child" badge.
 * @csspart count - Each count: a button when there is something to open.
 * @csspart button - The "Raise a concern" and "Try again" buttons.
 * @csspart error-summary - The box saying the household could not be loaded.
 *
 * @cssproperty --sg-household-view-font-family - Falls back to `--sg-font-family`, then system-ui.
 * @cssproperty --sg-household-view-font-size - Falls back to `--sg-font-size`, then 1.1875 × the browser's default size (1 × when narrow).
 * @cssproperty --sg-household-view-max-width - Width of the column. Default 48em.
 * @cssproperty --sg-household-view-text-color - Falls back to `--sg-color-text`.
 * @cssproperty --sg-household-view-secondary-text-color - Ages, roles, review dates. Falls back to `--sg-color-secondary-text`.
 * @cssproperty --sg-household-view-rule-color - Lines between people. Falls back to `--sg-color-rule`.
 * @cssproperty --sg-household-view-error-color - Warnings' edge and the failure box. Falls back to `--sg-color-error`.
 * @cssproperty --sg-household-view-focus-color - The focus indicator. Falls back to `--sg-color-focus`.
 * @cssproperty --sg-household-view-link-color - Counts that open something. Falls back to `--sg-color-link`.
 * @cssproperty --sg-household-view-button-color - Falls back to `--sg-color-button`.
 * @cssproperty --sg-household-view-button-text-color - Falls back to `--sg-color-button-text`.
 */
export class SgHouseholdView extends LitElement {
  static override styles = householdViewStyles;

  /** The gateway's GraphQL address. Default: the provider's, else `/graphql`. */
  @property() endpoint: string | undefined = undefined;

  /** The signed-in member of staff's token. Default: the provider's. Prefer the property. */
  @property() token: string | undefined = undefined;

  /** The household to show. */
  @property({ attribute: 'household-id' }) householdId: string | undefined = undefined;

  @state() private load: Load = { phase: 'loading' };

  // Someone else signed in, or another gateway: read the household again as they may see it.
  readonly #api = new ApiController(this, () => void this.#load());
  readonly #localize = new LocalizeController<HouseholdViewTranslation>(this, [
    householdViewEn,
    householdViewCy,
  ]);
  /** The latest load: an older answer arriving late is dropped. */
  #loading = 0;

  override updated(changed: PropertyValues<this>): void {
    // Which household, or who is reading it (a new token may be someone else's): read it afresh,
    // after the host page's own scripts of this turn (which may give the provider its token).
    if ((['householdId', 'token', 'endpoint'] as const).some((key) => changed.has(key)))
      setTimeout(() => void this.#load());
  }

  /** Reads the household again (after the host changed something it shows). */
  async reload(): Promise<void> {
    await this.#load();
  }

  async #load(): Promise<void> {
    const id = this.householdId;
    const ticket = ++this.#loading;
    if (!id) return;
    this.load = { phase: 'loading' };
    // Ready the date format while the request is out, not in the task that draws the answer.
    formatDay(new Date(0), this.#localize.locale);
    let load: Load;
    try {
      load = { phase: 'loaded', view: await this.#read(id) };
    } catch (error) {
      const e = asError(error);
      load = { phase: 'failed', code: e.code };
      if (ticket === this.#loading) this.dispatchEvent(new SgErrorEvent(e.code, e.message));
    }
    if (ticket === this.#loading) this.load = load;
  }

  /** The Think Family view if the gateway gives it, else the visit view. */
  async #read(id: string): Promise<View> {
    const api = this.#api.api;
    try {
      const { household: h } = await send(api, HouseholdViewDocument, { id });
      const names = new Map(h.members.map((m) => [m.person.id, m.person.displayName]));
      return {
        kind: 'think-family',
        id: h.id,
        address: h.address,
        tenancyReference: h.tenancyReference,
        concerns: h.openConcernCount,
        referrals: h.openReferralCount,
        cases: h.openCaseCount,
        members: h.members.map(({ role, person: p }) => ({
          id: p.id,
          name: p.displayName,
          role,
          age: p.age ?? null,
          child: p.child ?? null,
          relationships: p.relationships.map((r) => ({ type: r.type, name: r.relatedPerson.displayName })),
          concerns: p.openConcernCount,
          referrals: p.openReferralCount,
          cases: p.openCaseCount,
        })),
        warnings: h.warnings.map((w) => ({
          id: w.id,
          type: w.type,
          description: w.description,
          reviewDate: w.reviewDate,
          about: w.personId ? { person: names.get(w.personId) ?? w.subjectName ?? '' } : 'household',
          signedOff: true,
        })),
      };
    } catch (error) {
      if (!(error instanceof DoorstepError && error.code === 'FORBIDDEN')) throw error;
    }
    const { visitHousehold: v } = await send(api, VisitHouseholdDocument, { id });
    return {
      kind: 'visit',
      id: v.id,
      address: v.address,
      tenancyReference: v.tenancyReference,
      members: v.members.map((m) => ({ id: m.id, name: m.displayName })),
      warnings: v.warnings.map((w) => ({
        id: w.id,
        type: w.type,
        description: w.description,
        reviewDate: w.reviewDate,
        about: w.aboutPersonName ? { person: w.aboutPersonName } : undefined,
        signedOff: w.signedOff,
      })),
    };
  }

  override render(): TemplateResult {
    const { t } = this.#localize;
    const v = t.householdView;
    const load = this.load;
    return viewShell(
      t,
      load.phase === 'loading',
      load.phase === 'loaded'
        ? this.#renderView(load.view)
        : html`${viewTitle(v.label)}
          ${load.phase === 'failed' ? this.#renderFailure(load.code) : html`<p role="status">${v.loading}</p>`}`,
    );
  }

  #renderFailure(code: string): TemplateResult {
    const failed = this.#localize.t.householdView.failed;
    return html`<div class="error-summary" part="error-summary">
      <div role="alert">
        <h3 class="error-summary__title">${failed.title}</h3>
        <p>${failed.byCode[code] ?? failed.other}</p>
      </div>
      <button type="button" class="button button--secondary" part="button" @click=${() => this.#load()}>
        ${failed.retry}
      </button>
    </div>`;
  }

  #renderView(view: View): TemplateResult {
    const v = this.#localize.t.householdView;
    return html`
      ${viewTitle(view.address)}
      <p class="secondary">${v.tenancy(view.tenancyReference)}</p>
      ${view.kind === 'visit' ? html`<p class="notice" part="notice">${v.visit.intro}</p>` : nothing}
      ${this.#renderWarnings(view.warnings)}
      ${
        view.kind === 'think-family'
          ? html`<h3 class="heading">${v.counts.heading}</h3>
              <p class="counts" part="counts">
                ${this.#count(v.counts.concerns, view.concerns!, 'household-concerns', view.id, v.counts.household)}
                ${this.#count(v.counts.referrals, view.referrals!, 'household-referrals', view.id, v.counts.household)}
                ${this.#count(v.counts.cases, view.cases!, 'household-cases', view.id, v.counts.household)}
              </p>`
          : nothing
      }
      <h3 class="heading">${v.people.heading}</h3>
      ${
        view.members.length
          ? html`<ul class="list" part="people">
              ${view.members.map((m) => this.#renderMember(view, m))}
            </ul>`
          : html`<p>${v.people.none}</p>`
      }
    `;
  }

  #renderWarnings(warnings: ShownWarning[]): TemplateResult {
    const { t, locale } = this.#localize;
    const w = t.householdView.warnings;
    if (!warnings.length)
      return html`<h3 class="heading">${w.heading}</h3>
        <p>${w.none}</p>`;
    return html`<h3 class="heading">${w.heading}</h3>
      <ul class="list" part="warnings">
        ${warnings.map(
          (warning) =>
            html`<li class="warning" part="warning">
              <p class="warning__type">
                <span class="warning__icon" aria-hidden="true">!</span>
                <span class="visually-hidden">${t.warningPrefix}: </span>${w.types[warning.type]}
              </p>
              <p class="warning__text">${warning.description}</p>
              <p class="secondary">
                ${
                  warning.about === 'household'
                    ? html`${w.household}. `
                    : warning.about
                      ? html`${w.about(warning.about.person)}. `
                      : nothing
                }${w.reviewBy(formatDay(new Date(warning.reviewDate), locale))}.
                ${warning.signedOff ? nothing : html`<br />${w.notSignedOff}.`}
              </p>
            </li>`,
        )}
      </ul>`;
  }

  #renderMember(view: View, m: Member): TemplateResult {
    const { t } = this.#localize;
    const p = t.householdView.people;
    const c = t.householdView.counts;
    const details = [
      m.age !== undefined ? p.age(m.age) : undefined,
      m.role ? p.roles[m.role] : undefined,
    ].filter(Boolean);
    return html`<li
      class="list__item person ${m.child ? 'person--child' : ''}"
      part=${m.child ? 'person person-child' : 'person'}
    >
      <h4 class="list__title person__name">
        ${m.name}${m.child ? html` <span class="badge" part="child">${p.child}</span>` : nothing}
      </h4>
      ${details.length ? html`<p class="secondary">${details.join(' · ')}</p>` : nothing}
      ${
        m.relationships?.length
          ? html`<ul class="list relationships" aria-label=${p.relationshipsLabel(m.name)}>
              ${m.relationships.map((r) => html`<li>${p.relationships[r.type]}: ${r.name}</li>`)}
            </ul>`
          : nothing
      }
      ${
        m.concerns !== undefined
          ? html`<p class="counts">
              ${this.#count(c.concerns, m.concerns, 'person-concerns', m.id, c.about(m.name))}
              ${this.#count(c.referrals, m.referrals!, 'person-referrals', m.id, c.about(m.name))}
              ${this.#count(c.cases, m.cases!, 'person-cases', m.id, c.about(m.name))}
            </p>`
          : nothing
      }
      <button
        type="button"
        class="button button--secondary raise"
        part="button"
        @click=${() => this.dispatchEvent(new SgRaiseConcernEvent(view.id, m.id))}
      >
        ${p.raiseConcern}<span class="visually-hidden">${p.raiseConcernAbout(m.name)}</span>
      </button>
    </li>`;
  }

  /** A count: a button that opens what it stands for, or plain words when there is nothing. */
  #count(forms: Plural, n: number, kind: SgOpenKind, id: string, about: string): TemplateResult {
    const words = plural(forms, n, this.#localize.locale);
    if (!n) return html`<span class="count" part="count">${words}</span>`;
    return html`<button
      type="button"
      class="link count"
      part="count"
      data-kind=${kind}
      @click=${() => this.dispatchEvent(new SgOpenEvent(kind, id))}
    >
      ${words}<span class="visually-hidden">${about}</span>
    </button>`;
  }
}
