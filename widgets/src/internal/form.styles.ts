import { css } from 'lit';

/**
 * What keeps a host page's CSS out. Page rules cannot select inside a shadow root, but they can hide
 * or re-flow the host element (`* { all: unset }` makes it inline) and everything inherited flows in
 * (colour, letter-spacing, text-transform, `html { font-size: 8px }` through rem units…). So: the
 * host's display is `!important` (a shadow root's important rules beat the page's), `.base` resets
 * every inherited property to its initial value, and sizes are in em from `medium` (the reader's own
 * default text size), never rem.
 */
export const hostStyles = css`
  :host {
    display: block !important;
    visibility: visible !important;
    container-type: inline-size !important;
  }

  :host([hidden]) {
    display: none !important;
  }

  .base {
    all: initial;
    display: block;
    font-size: medium;
  }

  .base[dir='rtl'] {
    direction: rtl;
  }
`;

/**
 * Form styles shared by the widgets, after GOV.UK Frontend: big touch targets (44px), a 3px yellow
 * focus indicator that also shows in forced-colours mode, and errors marked by more than colour.
 *
 * The focus indicator is drawn where focus is shown (`:focus-visible`, or `:focus` and
 * `:focus-within` for text boxes), and never taken away by a rule such as
 * `:focus:not(:focus-visible)`: Chromium focuses parts inside some controls (the calendar button of
 * a date input) without reporting either on the control, and such a rule left nothing to see.
 *
 * Every colour and size is a private `--_*` property set on `:host` by the widget's own styles from
 * its `--sg-<widget>-*` properties, which fall back to the global `--sg-*` tokens.
 */
export const formStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }

  .group {
    margin: 0 0 2em;
  }

  .group--error {
    padding-left: 0.8em;
    border-left: 5px solid var(--_error);
  }

  .conditional .group:last-child {
    margin-bottom: 0.75em;
  }

  .label {
    display: block;
    margin-bottom: 0.3em;
    font-weight: 700;
  }

  .fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .legend {
    display: table;
    max-width: 100%;
    margin-bottom: 0.5em;
    padding: 0;
    font-weight: 700;
    white-space: normal;
  }

  .legend--l {
    font-size: 1.5em;
    line-height: 1.2;
  }

  .legend--m {
    font-size: 1.25em;
    line-height: 1.25;
  }

  .hint {
    margin-bottom: 0.75em;
    color: var(--_secondary);
  }

  .error-message {
    display: block;
    margin: 0 0 0.75em;
    color: var(--_error);
    font-weight: 700;
  }

  .input,
  .textarea,
  .select {
    display: block;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 0.3em 0.4em;
    border: 2px solid var(--_border);
    border-radius: 0;
    color: var(--_text);
    background: var(--_background);
    font: inherit;
    line-height: 1.3;
  }

  .input--datetime {
    max-width: 16em;
  }

  .select {
    width: auto;
    min-width: 11.5em;
    max-width: 100%;
  }

  .textarea {
    min-height: 6em;
    resize: vertical;
  }

  /* A text box shows focus however it came (a click too). :focus-within also holds while the
     calendar button inside a date input has focus, when Chromium reports no :focus on the input. */
  .input:focus-within,
  .textarea:focus,
  .select:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_border);
  }

  /* And the button itself, as GOV.UK marks a focused button (a rule of its own: other browsers drop
     a rule with a part they do not know). */
  .input:focus-within:not(:focus)::-webkit-calendar-picker-indicator {
    outline: 3px solid var(--_focus-text);
    outline-offset: 1px;
    background-color: var(--_focus);
  }

  .input[aria-invalid='true'],
  .textarea[aria-invalid='true'],
  .select[aria-invalid='true'] {
    border-color: var(--_error);
  }

  .input[aria-invalid='true']:focus-within,
  .textarea[aria-invalid='true']:focus,
  .select[aria-invalid='true']:focus {
    border-color: var(--_border);
  }

  /* Radios and checkboxes: the real input is a transparent 44px target over the drawn control,
     drawn by the input's own type, so checkboxes revealed under a radio are not drawn as radios. */
  .choice {
    position: relative;
    display: block;
    min-height: 40px;
    margin-bottom: 0.6em;
    padding-left: 40px;
  }

  .choice__input {
    position: absolute;
    z-index: 1;
    top: -2px;
    left: -2px;
    width: 44px;
    height: 44px;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .choice__label {
    display: inline-block;
    padding: 8px 15px 5px;
    cursor: pointer;
    touch-action: manipulation;
  }

  .choice__label::before {
    content: '';
    position: absolute;
    top: 0;
    left: 0;
    width: 40px;
    height: 40px;
    border: 2px solid currentcolor;
    background: transparent;
  }

  .choice__label::after {
    content: '';
    position: absolute;
    opacity: 0;
  }

  .choice__input[type='radio'] + .choice__label::before {
    border-radius: 50%;
  }

  .choice__input[type='radio'] + .choice__label::after {
    top: 10px;
    left: 10px;
    width: 0;
    height: 0;
    border: 10px solid currentcolor;
    border-radius: 50%;
    background: currentcolor;
  }

  .choice__input[type='checkbox'] + .choice__label::after {
    top: 11px;
    left: 9px;
    width: 23px;
    height: 12px;
    transform: rotate(-45deg);
    border: solid currentcolor;
    border-width: 0 0 5px 5px;
    border-top-color: transparent;
    background: transparent;
  }

  .choice__input:checked + .choice__label::after {
    opacity: 1;
  }

  .choice__input:focus-visible + .choice__label::before {
    border-width: 4px;
    outline: 3px solid transparent;
    outline-offset: 1px;
    box-shadow: 0 0 0 3px var(--_focus);
  }

  .choice__hint {
    display: block;
    margin-bottom: 0;
    padding-right: 15px;
    padding-left: 15px;
  }

  .choices__section + .choices__section {
    margin-top: 1.25em;
  }

  .choices__heading {
    margin: 0 0 0.5em;
    font-weight: 700;
  }

  .conditional {
    margin: 0 0 0.9em 18px;
    padding: 0.25em 0 0.1em 33px;
    border-left: 4px solid var(--_rule);
  }

  .button {
    display: inline-block;
    min-height: 44px;
    margin: 0 0 1.5em;
    padding: 0.4em 0.8em 0.35em;
    border: 2px solid transparent;
    border-radius: 0;
    color: var(--_button-text);
    background: var(--_button);
    box-shadow: 0 2px 0 var(--_button-shadow);
    font: inherit;
    font-weight: 700;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }

  .button:hover:not(:disabled) {
    filter: brightness(0.85);
  }

  .button:focus-visible {
    border-color: var(--_focus);
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow: 0 2px 0 var(--_focus-text);
    filter: none;
  }

  .link {
    display: inline;
    min-height: 44px;
    margin: 0;
    padding: 0;
    border: 0;
    color: var(--_link);
    background: none;
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .link:hover {
    text-decoration-thickness: 3px;
  }

  .summary {
    margin: 0 0 2em;
  }

  .summary__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
    padding: 0.6em 0;
    border-bottom: 1px solid var(--_rule);
  }

  .summary__key {
    flex: 1 1 12em;
    margin: 0;
    font-weight: 700;
  }

  .summary__value {
    flex: 2 1 12em;
    margin: 0;
    white-space: pre-wrap;
  }

  .summary__actions {
    margin: 0;
  }

  .button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .button--secondary {
    color: var(--_text);
    background: var(--_secondary-button);
    box-shadow: 0 2px 0 var(--_secondary-button-shadow);
  }

  .error-summary {
    margin-bottom: 2em;
    padding: 1em;
    border: 5px solid var(--_error);
  }

  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }

  .error-summary__title {
    margin: 0 0 0.75em;
    font-size: 1.25em;
    line-height: 1.25;
  }

  .error-summary__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary__list li + li {
    margin-top: 0.4em;
  }

  .error-summary p {
    margin: 0;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 700;
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
  }

  .error-summary a:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }

  .link:focus,
  .error-summary a:focus {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
    text-decoration: none;
  }
`;
