import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';
import { listStyles, viewStyles } from '../internal/view.styles.js';

export const workQueueStyles = [
  hostStyles,
  themeFor('work-queue', '48em'),
  formStyles,
  viewStyles,
  listStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em 1em;
    }

    .title {
      margin: 0;
    }

    .header .button {
      margin: 0;
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

    .item {
      padding-bottom: 0.5em;
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
