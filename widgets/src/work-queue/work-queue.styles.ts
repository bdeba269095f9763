import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';

export const workQueueStyles = [
  hostStyles,
  themeFor('work-queue', '48em'),
  formStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em 1em;
    }

    .title {
      margin: 0;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .header .button {
      margin: 0;
    }

    .secondary {
      margin: 0 0 0.5em;
      color: var(--_secondary);
    }

    .notice {
      margin: 1em 0;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .heading {
      margin: 1.5em 0 0.5em;
      font-size: 1.25em;
      line-height: 1.25;
    }

    .heading:focus {
      outline: 3px solid var(--_focus);
    }

    .count {
      display: inline-block;
      min-width: 1.6em;
      margin-inline-start: 0.3em;
      padding: 0 0.35em;
      border: 2px solid var(--_text);
      border-radius: 1em;
      text-align: center;
    }

    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .item {
      padding: 0.75em 0 0.5em;
      border-top: 1px solid var(--_rule);
    }

    /* Overdue: a thick edge and the word "Overdue", never colour alone. */
    .item--overdue {
      padding-inline-start: 0.75em;
      border-inline-start: 8px solid var(--_error);
    }

    .item p {
      margin: 0 0 0.35em;
    }

    .item__title {
      margin: 0 0 0.35em;
      font-size: 1.05em;
      font-weight: 700;
    }

    .item__title:focus {
      outline: 3px solid var(--_focus);
    }

    .tag {
      display: inline-block;
      margin-inline-end: 0.4em;
      padding: 0 0.35em;
      border: 2px solid currentColor;
      font-weight: 700;
    }

    .tag--overdue {
      color: var(--_background);
      border-color: var(--_error);
      background: var(--_error);
    }

    .reported {
      margin: 0.5em 0;
      padding: 0.25em 0.75em;
      border-inline-start: 4px solid var(--_rule);
      white-space: pre-line;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: center;
      margin: 0.5em 0;
    }

    .actions .button {
      margin: 0;
    }

    .panel {
      margin: 0.5em 0 1em;
      padding: 0.75em;
      border: 2px solid var(--_border);
    }
  `,
];
