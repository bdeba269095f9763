import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';
import { listStyles, viewStyles } from '../internal/view.styles.js';

export const referralTrackerStyles = [
  hostStyles,
  themeFor('referral-tracker', '48em'),
  formStyles,
  viewStyles,
  listStyles,
  css`
    .title:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .notice p,
    .result p {
      margin: 0;
    }

    .filters__fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }

    .filters__fields .select {
      max-width: 100%;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
    }

    .row__open {
      font-weight: 700;
    }

    .row__line {
      margin: 0 0 0.25em;
    }

    .status {
      font-weight: 700;
    }

    .badge {
      border-color: var(--_error);
      color: var(--_text);
      font-size: 0.875rem;
      vertical-align: middle;
    }

    .back {
      margin-bottom: 1em;
    }

    .facts dt {
      font-weight: 700;
    }

    .facts dd {
      margin: 0 0 0.75em;
    }

    .pre {
      white-space: pre-line;
    }

    .entry {
      margin: 0 0 0.75em;
      padding: 0.25em 0 0.25em 0.75em;
      border-inline-start: 4px solid var(--_rule);
    }

    .entry--message {
      border-inline-start-style: double;
    }

    .entry p {
      margin: 0 0 0.25em;
    }

    .entry__what,
    .entry__label {
      font-weight: 700;
    }

    .result {
      margin: 1em 0;
    }
  `,
];
