import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';

export const feedbackStyles = [
  hostStyles,
  themeFor('feedback'),
  formStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: baseline;
      justify-content: space-between;
      margin-bottom: 1em;
    }

    .title {
      margin: 0;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .title:focus {
      outline-offset: 4px;
    }

    .notice {
      margin: 0 0 1.5em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .notice p {
      margin: 0 0 0.25em;
    }

    .notice--emergency {
      border-left: 8px solid var(--_error);
      font-weight: 700;
    }

    .confirmation {
      margin-bottom: 1.5em;
      padding: 1em 1.25em;
      border: 3px solid transparent;
      color: var(--_success-text);
      background: var(--_success);
    }

    .confirmation p,
    .changes p {
      margin: 0 0 0.5em;
    }

    .changes h3 {
      margin: 1.5em 0 0.5em;
      font-size: 1.25em;
    }

    .changes ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .changes li {
      margin: 0 0 1em;
      padding-left: 0.75em;
      border-left: 5px solid var(--_rule);
    }
  `,
];
