import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';

export const concernFormStyles = [
  hostStyles,
  themeFor('concern-form'),
  formStyles,
  css`
    .status:empty {
      display: none;
    }

    .status__line {
      margin: 0 0 1em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
      font-weight: 700;
    }

    .warning {
      display: flex;
      gap: 0.75em;
      align-items: center;
      margin: 0 0 1.5em;
      padding: 0.5em 0;
    }

    .warning--emphasised {
      padding: 0.75em 0.75em 0.75em 1em;
      border-left: 10px solid var(--_error);
    }

    .warning__icon {
      display: inline-flex;
      flex: none;
      align-items: center;
      justify-content: center;
      width: 2.2em;
      height: 2.2em;
      border: 3px solid var(--_text);
      border-radius: 50%;
      color: var(--_background);
      background: var(--_text);
      font-size: 1.1em;
      font-weight: 700;
      line-height: 1;
      forced-color-adjust: none;
    }

    .warning__text {
      font-size: 1.1em;
      font-weight: 700;
    }

    .emergency {
      margin: -1em 0 2em;
      padding: 0.5em 0.75em;
      border-left: 8px solid var(--_error);
      font-weight: 700;
    }

    .notice {
      margin: 0 0 1.5em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .notice p {
      margin: 0 0 0.25em;
    }

    .back {
      display: inline-block;
      margin-bottom: 1em;
      font-size: 0.9em;
    }

    .back::before {
      content: '‹ ';
    }

    .caption {
      margin: 0 0 0.25em;
      color: var(--_secondary);
    }

    .step-heading {
      margin: 0 0 1em;
      font-size: 1.5em;
      line-height: 1.2;
    }

    .legend__heading {
      margin: 0;
      font-size: inherit;
    }

    .step-heading:focus,
    .queued__title:focus,
    .confirmation__title:focus {
      outline-offset: 4px;
    }

    .queued {
      margin-bottom: 1.5em;
      padding: 1em 1.25em;
      border: 5px solid var(--_link);
    }

    .queued__title {
      margin: 0 0 0.5em;
      font-size: 1.5em;
      line-height: 1.2;
    }

    .queued p,
    .confirmation p {
      margin: 0 0 1em;
    }

    .confirmation__panel {
      margin-bottom: 1.5em;
      padding: 1.5em 1em;
      border: 3px solid transparent;
      color: var(--_success-text);
      background: var(--_success);
      text-align: center;
    }

    .confirmation__title {
      margin: 0 0 0.5em;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .confirmation__reference-label {
      display: block;
      font-size: 1.1em;
    }

    .confirmation__reference {
      display: block;
      margin-top: 0.15em;
      font-size: 1.5em;
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    .finder__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: flex-start;
    }

    .finder__row .input {
      flex: 1 1 12em;
    }

    .finder__row .button {
      margin-bottom: 0;
    }

    /* Someone added by name: their questions together, beside a rule. */
    .named {
      margin: 0 0 1.5em;
      padding: 0.25em 0 0.1em 1em;
      border-left: 4px solid var(--_rule);
    }

    .named__remove {
      display: inline-block;
      margin-bottom: 0.75em;
    }

    .confirmation h3 {
      margin: 1.5em 0 0.5em;
      font-size: 1.25em;
    }
  `,
];
