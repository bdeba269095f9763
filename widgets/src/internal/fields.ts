import { html, nothing, type TemplateResult } from 'lit';

/**
 * GOV.UK Frontend's accessible form patterns as Lit templates, shared by the widgets: a visible label
 * or legend for every control, hints and errors joined into `aria-describedby`, error messages that
 * start with a visually hidden "Error:", and an error summary that links to each field.
 */

/** An element id for a control name: `personViews.views` → `personViews-views`. */
export const idFor = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, '-');

/** The id of one radio or checkbox in a group. */
export const choiceId = (name: string, value: string): string => `${idFor(name)}-${value}`;

/** Space-separated ids, or no attribute at all when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
  const joined = ids.filter(Boolean).join(' ');
  return joined || nothing;
}

interface Words {
  /** Visually hidden prefix of error messages ("Error:"). */
  errorPrefix: string;
  /** Suffix for optional questions ("(optional)"); omit for required ones. */
  optional?: string | undefined;
}

export interface ControlOptions extends Words {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The answer so far. */
  value?: string | undefined;
}

const hint = (id: string, text: string | undefined) =>
  text ? html`<div id="${id}-hint" class="hint" part="hint">${text}</div>` : nothing;

export const errorMessage = (id: string, text: string | undefined, prefix: string) =>
  text
    ? html`<p id="${id}-error" class="error-message" part="error">
        <span class="visually-hidden">${prefix}</span> ${text}
      </p>`
    : nothing;

const labelText = (label: string, optional: string | undefined) =>
  optional ? `${label} ${optional}` : label;

/** A single-line input: text, `date`, `datetime-local`, `email` or `tel`. */
export function textInput(
  options: ControlOptions & {
    type?: 'text' | 'date' | 'datetime-local' | 'email' | 'tel';
    autocomplete?: string;
    spellcheck?: boolean;
  },
): TemplateResult {
  const id = idFor(options.name);
  return html`<div class="group ${options.error ? 'group--error' : ''}">
    <label class="label" part="label" for=${id}>${labelText(options.label, options.optional)}</label>
    ${hint(id, options.hint)} ${errorMessage(id, options.error, options.errorPrefix)}
    <input
      class="input ${options.type?.startsWith('date') ? 'input--datetime' : ''}"
      part="control"
      id=${id}
      name=${options.name}
      type=${options.type ?? 'text'}
      .value=${options.value ?? ''}
      autocomplete=${options.autocomplete ?? 'off'}
      spellcheck=${options.spellcheck === false ? 'false' : 'true'}
      aria-invalid=${options.error ? 'true' : nothing}
      aria-describedby=${describedBy(options.hint && `${id}-hint`, options.error && `${id}-error`)}
    />
  </div>`;
}

/** A multi-line answer. */
export function textArea(options: ControlOptions & { rows?: number }): TemplateResult {
  const id = idFor(options.name);
  return html`<div class="group ${options.error ? 'group--error' : ''}">
    <label class="label" part="label" for=${id}>${labelText(options.label, options.optional)}</label>
    ${hint(id, options.hint)} ${errorMessage(id, options.error, options.errorPrefix)}
    <textarea
      class="textarea"
      part="control"
      id=${id}
      name=${options.name}
      rows=${options.rows ?? 5}
      .value=${options.value ?? ''}
      spellcheck="true"
      aria-invalid=${options.error ? 'true' : nothing}
      aria-describedby=${describedBy(options.hint && `${id}-hint`, options.error && `${id}-error`)}
    ></textarea>
  </div>`;
}

/** A select: only where a short, known list is picked from (GOV.UK prefers radios). */
export function selectField(
  options: ControlOptions & {
    choices: { value: string; label: string }[];
    value: string | undefined;
    onChange: (value: string) => void;
  },
): TemplateResult {
  const id = idFor(options.name);
  return html`<div class="group ${options.error ? 'group--error' : ''}">
    <label class="label" part="label" for=${id}>${labelText(options.label, options.optional)}</label>
    ${hint(id, options.hint)} ${errorMessage(id, options.error, options.errorPrefix)}
    <select
      class="select"
      part="control"
      id=${id}
      name=${options.name}
      aria-invalid=${options.error ? 'true' : nothing}
      aria-describedby=${describedBy(options.hint && `${id}-hint`, options.error && `${id}-error`)}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.choices.map(
        (choice) =>
          html`<option value=${choice.value} ?selected=${choice.value === options.value}>
            ${choice.label}
          </option>`,
      )}
    </select>
  </div>`;
}

export interface ChoiceItem {
  value: string;
  label: string;
  hint?: string | undefined;
  /** Revealed under this choice while it is selected (GOV.UK conditional reveal). */
  conditional?: TemplateResult | undefined;
  /** Checked: the answer so far. */
  selected?: boolean;
}

/** A heading inside a long group of choices, followed by its choices. */
export interface ChoiceSection {
  heading: string;
  items: ChoiceItem[];
}

export interface ChoicesOptions extends Words {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  /** `l` for the first, most important question; `m` for other questions. */
  legendSize?: 'l' | 'm' | 's';
  /**
   * The question is the page's heading (GOV.UK's one question on a page): the legend holds an `h2`
   * with this class, which takes focus when the step opens.
   */
  headingClass?: string;
  hint?: string | undefined;
  error?: string | undefined;
  items?: ChoiceItem[];
  sections?: ChoiceSection[];
  /** `small` for long lists such as checkboxes of categories. */
  small?: boolean;
  /** Shown after the last choice, inside the group (a follow-up question shared by several). */
  after?: TemplateResult | typeof nothing;
}

function choice(options: ChoicesOptions, item: ChoiceItem) {
  const id = choiceId(options.name, item.value);
  return html`<div class="choice">
      <input
        class="choice__input"
        part="choice"
        id=${id}
        name=${options.name}
        type=${options.type}
        value=${item.value}
        .checked=${!!item.selected}
        aria-invalid=${options.error ? 'true' : nothing}
        aria-describedby=${describedBy(item.hint && `${id}-hint`)}
      />
      <label class="choice__label" part="label" for=${id}>${item.label}</label>
      ${item.hint ? html`<div id="${id}-hint" class="hint choice__hint" part="hint">${item.hint}</div>` : nothing}
    </div>
    ${
      item.conditional
        ? html`<div class="conditional" id="${id}-conditional" ?hidden=${!item.selected}>
            ${item.conditional}
          </div>`
        : nothing
    }`;
}

/** Radios or checkboxes in a fieldset whose legend asks the question. */
export function choices(options: ChoicesOptions): TemplateResult {
  const id = idFor(options.name);
  const size = options.legendSize ?? 'm';
  return html`<div class="group ${options.error ? 'group--error' : ''}">
    <fieldset
      class="fieldset"
      aria-describedby=${describedBy(options.hint && `${id}-hint`, options.error && `${id}-error`)}
    >
      <legend class="legend legend--${size}" part="label">
        ${
          options.headingClass
            ? html`<h2 class="legend__heading ${options.headingClass}" tabindex="-1">
                ${labelText(options.legend, options.optional)}
              </h2>`
            : labelText(options.legend, options.optional)
        }
      </legend>
      ${hint(id, options.hint)} ${errorMessage(id, options.error, options.errorPrefix)}
      <div class="choices choices--${options.type} ${options.small ? 'choices--small' : ''}">
        ${options.items?.map((item) => choice(options, item))}
        ${options.sections?.map(
          (section, index) =>
            html`<div class="choices__section" role="group" aria-labelledby="${id}-section-${index}">
              <p class="choices__heading" id="${id}-section-${index}">${section.heading}</p>
              ${section.items.map((item) => choice(options, item))}
            </div>`,
        )}
      </div>
      ${options.after ?? nothing}
    </fieldset>
  </div>`;
}

export interface SummaryItem {
  message: string;
  /** The id of the control to focus; none for an error about the whole form. */
  target?: string | undefined;
}

/**
 * The error summary: a heading, then a link per error that moves focus to its field. The caller
 * moves focus to the summary (`.error-summary`) after rendering it.
 */
export function errorSummary(options: {
  title: string;
  items: SummaryItem[];
  onFollow: (target: string) => void;
}): TemplateResult {
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="error-summary__title">${options.title}</h2>
      <ul class="error-summary__list">
        ${options.items.map((item) =>
          item.target
            ? html`<li>
                <a
                  href="#${item.target}"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    options.onFollow(item.target!);
                  }}
                  >${item.message}</a
                >
              </li>`
            : html`<li>${item.message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

export interface SummaryRow {
  key: string;
  value: string;
  /** The change link's text; its visually hidden end names the question ("Change" + key). */
  change: string;
  onChange: () => void;
}

/** GOV.UK's summary list: each answer with a "Change" button that goes back to its question. */
export function summaryList(rows: SummaryRow[]): TemplateResult {
  return html`<dl class="summary" part="summary">
    ${rows.map(
      (row) =>
        html`<div class="summary__row">
          <dt class="summary__key">${row.key}</dt>
          <dd class="summary__value">${row.value}</dd>
          <dd class="summary__actions">
            <button type="button" class="link" @click=${row.onChange}>
              ${row.change}<span class="visually-hidden"> ${row.key}</span>
            </button>
          </dd>
        </div>`,
    )}
  </dl>`;
}
