import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';

export const selfAssessmentStyles = [
  hostStyles,
  themeFor('self-assessment', '48em'),
  formStyles,
  css`
    .title {
      margin: 0 0 0.5em;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .progress {
      font-weight: 700;
    }

    .notice {
      margin: 0 0 1.5em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .notice:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .compare {
      margin: 1.5em 0;
      padding: 1em;
      border: 1px solid var(--_rule);
    }

    .compare .group {
      margin-bottom: 1em;
    }

    .compare__actions,
    .conflict__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
    }

    .question {
      padding: 1.25em 0 0.5em;
      border-top: 1px solid var(--_rule);
    }

    .question__title {
      margin: 0 0 0.5em;
      font-size: 1.2em;
      line-height: 1.3;
    }

    .question__number {
      display: inline-block;
      min-width: 2.2em;
    }

    .question .group {
      margin-bottom: 1em;
    }

    .save-state {
      min-height: 1.35em;
      margin: 0 0 0.5em;
      color: var(--_secondary);
    }

    .evidence {
      white-space: pre-wrap;
    }

    .conflict {
      margin: 0.5em 0 1em;
      padding: 1em;
      border: 5px solid var(--_error);
    }

    .conflict__title {
      margin: 0 0 0.5em;
      font-size: 1.1em;
    }

    .earlier {
      margin: 0 0 1em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_rule);
    }

    .earlier p {
      margin: 0 0 0.25em;
    }

    .tag {
      display: inline-block;
      margin-left: 0.5em;
      padding: 0 0.4em;
      border: 2px solid var(--_text);
      font-size: 0.9em;
    }

    .round,
    .round__confirm,
    .round__refused {
      margin: 1.5em 0;
      padding: 1em;
      border: 1px solid var(--_rule);
    }

    .round__refused {
      border: 5px solid var(--_error);
    }

    .round__confirm:focus,
    .round__refused:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .round__title {
      margin: 0 0 0.5em;
      font-size: 1.2em;
    }

    .round__questions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }

    .round__open .group {
      margin-bottom: 1em;
    }

    .movement {
      margin: 0 0 0.75em;
    }

    .tag--worse,
    .tag--changed {
      color: var(--_background);
      background: var(--_text);
    }
  `,
];
