import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';

export const chronologyStyles = [
  hostStyles,
  themeFor('chronology', '48em'),
  formStyles,
  css`
    .title {
      margin: 0 0 0.5em;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .notice {
      margin: 0 0 1.5em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .filters {
      margin: 0 0 1em;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_rule);
    }

    .filters__summary {
      min-height: 44px;
      padding: 0.5em 0;
      color: var(--_link);
      text-decoration: underline;
      cursor: pointer;
    }

    .filters__summary:focus-visible {
      outline: 3px solid var(--_focus);
      background: var(--_focus);
      color: var(--_focus-text);
    }

    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }

    .dates .input {
      width: 11ch;
      min-width: 100%;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
    }

    .count {
      font-weight: 700;
    }

    .list {
      height: min(var(--sg-chronology-list-height, 32em), 75vh);
      border-top: 1px solid var(--_rule);
      border-bottom: 1px solid var(--_rule);
    }

    .entry {
      width: 100%;
      padding: 0.75em 0.25em;
      border-bottom: 1px solid var(--_rule);
    }

    .entry--key {
      border-left: 5px solid var(--_link);
      padding-left: 0.75em;
    }

    .entry p {
      margin: 0 0 0.25em;
    }

    .entry__meta {
      color: var(--_secondary);
    }

    .entry__kind {
      margin-left: 0.5em;
      color: var(--_text);
      font-weight: 700;
    }

    .tag {
      display: inline-block;
      margin-left: 0.5em;
      padding: 0 0.4em;
      border: 2px solid var(--_link);
      color: var(--_link);
      font-weight: 700;
    }

    .entry__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.25em;
    }

    .entry__actions .link {
      min-height: 44px;
    }

    .print-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .print {
      margin-top: 1.5em;
    }

    .export__title {
      margin: 1em 0 0.5em;
      font-size: 1.2em;
    }

    .export__file {
      color: var(--_link);
    }

    .export__file:focus-visible {
      outline: 3px solid var(--_focus);
      background: var(--_focus);
      color: var(--_focus-text);
    }

    @media print {
      .filters,
      .print,
      .more,
      .entry__actions {
        display: none !important;
      }

      .entry {
        break-inside: avoid;
      }

      .base {
        color: #000;
      }
    }
  `,
];
