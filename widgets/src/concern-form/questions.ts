import {
  ADULT_CATEGORIES,
  CHILD_CATEGORIES,
  CHILDREN_PRESENT,
  CONCERN_PERSON_ROLES,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  MAX_NAMED_PEOPLE,
  OTHER_CATEGORIES,
  SELF_CONSENT,
  VIEWS_STATUSES,
} from '@doorstep/schema';
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice } from '../i18n/translation.js';
import { listOf, textOf } from '../internal/answers.js';
import {
  choiceId,
  choices,
  idFor,
  selectField,
  textArea,
  textInput,
  type ChoiceItem,
} from '../internal/fields.js';
import { plural } from '../internal/localize.js';
import {
  FINDER,
  NAMED,
  namedCount,
  namedField,
  fieldsOf,
  genericField,
  type Answers,
  type NamedDetail,
} from './concern-input.js';
import type { StepContext } from './steps.js';

// The concern form's questions: the words of each, whether it is asked, and its controls (with the
// household finder and the people added by name), as pure functions of the element's `StepContext`.

/** The control an error summary link moves focus to: the first choice of a group. */
export const FIRST_CHOICE: Partial<Record<string, string>> = {
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
export const targetFor = (field: string): string => {
  const first = FIRST_CHOICE[genericField(field)];
  return first !== undefined ? choiceId(field, first) : idFor(field);
};

/** Questions shown inside another question (a follow-up), not on their own. */
export const FOLLOW_UPS = [
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
export const OPTIONAL = [
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
export interface Question {
  label: string;
  hint?: string | undefined;
  options?: Record<string, Choice> | undefined;
}

/** A question's words and state, as `questions` hands them to the field patterns. */
type ChoicesOptionsWords = Question & {
  name: string;
  errorPrefix: string;
  optional: string | undefined;
  error: string | undefined;
  value: string;
};

/** The words of one question in this mode: its label (or legend), hint and choices. */
export function question(ctx: StepContext, control: string): Question {
  const field = genericField(control);
  const f = ctx.t.concernForm;
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
      return ctx.mode === 'public' ? p[field] : f[field];
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
      return f.consent.reason[textOf(ctx.answers, 'consent.status') as ReasonStatus] ?? { label: '' };
    case 'views':
      return p.views;
    case 'namedPeople.name':
    case 'namedPeople.dateOfBirth':
    case 'namedPeople.description':
      return f.finder.named[field.slice(`${NAMED}.`.length) as 'name' | 'dateOfBirth' | 'description'];
    case 'namedPeople.role':
      return choice(f.finder.named.role);
    case 'householdId': {
      const options = Object.fromEntries(ctx.finder.households.map((h) => [h.id, { label: h.address }]));
      return { label: f.finder.legend, hint: f.finder.hint, options };
    }
    case 'subjectIds':
    case 'allegedSourceIds': {
      const members = ctx.finder.byId(textOf(ctx.answers, 'householdId'))?.members ?? [];
      const q = field === 'subjectIds' ? f.finder.subjects : f.finder.sources;
      return { ...q, options: Object.fromEntries(members.map((m) => [m.id, { label: m.displayName }])) };
    }
    default:
      return p.contact[field.slice('contact.'.length) as 'name' | 'phone' | 'email'];
  }
}

/** Whether a question is asked, given the answers so far (follow-ups depend on their question). */
export function asked(answers: Answers, field: string): boolean {
  switch (field) {
    case 'primaryCategory':
      return listOf(answers, 'categories').length > 1;
    case 'personViews.views':
      return textOf(answers, 'personViews.status') === 'ASKED_EXPRESSED';
    case 'personViews.notAskedReason':
      return textOf(answers, 'personViews.status') === 'NOT_ASKED';
    case 'consent.reason':
      return REASON_STATUSES.includes(textOf(answers, 'consent.status'));
    case 'subjectIds':
    case 'allegedSourceIds':
      return !!textOf(answers, 'householdId');
    default:
      return true;
  }
}

/** The questions of the current step, each with its follow-ups inside it. */
export function questions(
  ctx: StepContext,
  errorFor: (field: string) => string | undefined,
): TemplateResult[] {
  const { t } = ctx;
  const words = (name: string, optional = OPTIONAL.includes(genericField(name))) => ({
    ...question(ctx, name),
    name,
    errorPrefix: t.errorPrefix,
    optional: optional ? t.optional : undefined,
    error: errorFor(name),
    value: textOf(ctx.answers, name),
  });
  const items = (name: string, extra: (value: string) => Partial<ChoiceItem> = () => ({})): ChoiceItem[] =>
    Object.entries(question(ctx, name).options ?? {}).map(([value, option]) => ({
      value,
      ...option,
      selected: listOf(ctx.answers, name).includes(value) || textOf(ctx.answers, name) === value,
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
          legend: question(ctx, field).label,
          legendSize: 'l',
          headingClass: 'step-heading',
          items: items(field),
        })}
        ${
          textOf(ctx.answers, field) === 'IMMEDIATE_DANGER'
            ? html`<p class="emergency" part="emergency" role="alert">${t.concernForm.emergency.chosen}</p>`
            : nothing
        }`;
      case 'categories': {
        const f = t.concernForm;
        const section = (heading: string, values: readonly string[]) => ({
          heading,
          items: items(field).filter((item) => values.includes(item.value)),
        });
        const categories = listOf(ctx.answers, field);
        return html`${choices({
          ...words(field),
          type: 'checkbox',
          legend: question(ctx, field).label,
          sections: [
            section(f.categories.groups.adults, ADULT_CATEGORIES),
            section(f.categories.groups.children, CHILD_CATEGORIES),
            section(f.categories.groups.other, OTHER_CATEGORIES),
          ],
        })}
        ${
          asked(ctx.answers, 'primaryCategory')
            ? selectField({
                ...words('primaryCategory'),
                choices: categories.map((value) => ({ value, label: optionLabel(ctx, field, value) })),
                value: textOf(ctx.answers, 'primaryCategory') || categories[0],
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
            {
              value: 'true',
              label: q.label,
              hint: q.hint,
              selected: listOf(ctx.answers, field).includes('true'),
            },
          ],
        });
      }
      case 'personViews.status':
        return choices({
          ...words(field),
          type: 'radio',
          legend: question(ctx, field).label,
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
        const reason = textOf(ctx.answers, field);
        return choices({
          ...words(field),
          type: 'radio',
          legend: question(ctx, field).label,
          items: items(field),
          // One follow-up for three answers, so it sits after them; its question follows the answer.
          after: html`<div class="conditional" ?hidden=${!asked(ctx.answers, 'consent.reason')}>
            ${textArea({ ...words('consent.reason', reason === 'REFUSED'), rows: 3 })}
          </div>`,
        });
      }
      case 'householdId':
        return finderQuestion(ctx, words, items);
      case NAMED:
        return namedQuestion(ctx, words, items);
      case 'aboutSelf':
      case 'childrenPresent':
      case 'consent':
        return choices({
          ...words(field),
          type: 'radio',
          legend: question(ctx, field).label,
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

  const fields = fieldsOf(ctx.mode, ctx.step).filter((field) => !FOLLOW_UPS.includes(field));
  const rendered = fields.map(render);
  return ctx.step === 'contact'
    ? [html`<p class="hint">${t.concernForm.public.contact.hint}</p>`, ...rendered]
    : rendered;
}

/** The household finder: the households offered, a search for leads, the people in the one chosen. */
export function finderQuestion(
  ctx: StepContext,
  words: (name: string) => ChoicesOptionsWords,
  items: (name: string) => ChoiceItem[],
): TemplateResult {
  const { t, locale } = ctx;
  const f = t.concernForm.finder;
  const finder = ctx.finder;
  const chosen = textOf(ctx.answers, 'householdId');
  const people = (field: 'subjectIds' | 'allegedSourceIds') =>
    choices({
      ...words(field),
      type: 'checkbox',
      legend: question(ctx, field).label,
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
    void finder.find(ctx.root.querySelector<HTMLInputElement>('#finder-query')!.value, chosen);
  const offered = finder.households.length > 0 || !!chosen;
  return html`${
    ctx.mode === 'staff'
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
            { value: '', label: f.notListed, selected: ctx.answers.householdId === '' },
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
export function namedQuestion(
  ctx: StepContext,
  words: (name: string) => ChoicesOptionsWords,
  items: (name: string) => ChoiceItem[],
): TemplateResult {
  const n = ctx.t.concernForm.finder.named;
  const count = namedCount(ctx.answers);
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
      <button type="button" class="link named__remove" @click=${() => ctx.removePerson(index)}>
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
            @click=${ctx.addPerson}
          >
            ${n.add}
          </button>`
        : html`<p class="hint" id="namedPeople" tabindex="-1">${n.full}</p>`
    }
  </div>`;
}

/** The words of one choice of a question. */
export function optionLabel(ctx: StepContext, field: string, value: string): string {
  return question(ctx, field).options?.[value]?.label ?? value;
}
