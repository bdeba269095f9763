import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';
import { listStyles, viewStyles } from '../internal/view.styles.js';

export const householdViewStyles = [
  hostStyles,
  themeFor('household-view', '48em'),
  formStyles,
  viewStyles,
  listStyles,
  css`
    .warning {
      margin: 0 0 1em;
      padding: 0.5em 0.75em;
      border: 2px solid var(--_error);
      border-left-width: 8px;
    }

    .warning p {
      margin: 0 0 0.4em;
    }

    .warning__type {
      font-weight: 700;
    }

    .warning__icon {
      display: inline-block;
      width: 1.4em;
      height: 1.4em;
      margin-inline-end: 0.4em;
      border-radius: 50%;
      color: var(--_background);
      background: var(--_text);
      line-height: 1.4em;
      text-align: center;
    }

    /* A child: a thick edge and the word "Child", never colour alone. */
    .person--child {
      padding-inline-start: 0.75em;
      border-inline-start: 6px double var(--_text);
    }

    .relationships {
      margin: 0 0 0.5em;
    }

    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.25em;
      margin: 0 0 0.5em;
    }

    .count {
      min-height: 44px;
      line-height: 44px;
    }

    .raise {
      margin-bottom: 0.75em;
    }
  `,
];
