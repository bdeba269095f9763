import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';
import { themeFor } from '../internal/theme.js';
import { viewStyles } from '../internal/view.styles.js';

export const dashboardStyles = [
  hostStyles,
  themeFor('dashboard', '60em'),
  formStyles,
  viewStyles,
  css`
    :host {
      --_bar: var(--sg-dashboard-bar-color, var(--_text));
    }

    .period {
      margin: 0 0 1.5em;
    }

    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }

    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }

    .dates .group {
      margin-bottom: 1em;
    }

    .status:empty {
      display: none;
    }

    .showing {
      margin: 0 0 0.25em;
      font-weight: 700;
    }

    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
      gap: 0.75em;
      margin: 0 0 1em;
    }

    .tile {
      padding: 0.5em 0.75em;
      border: 1px solid var(--_rule);
      border-top: 5px solid var(--_bar);
    }

    .tile dt,
    .tile dd {
      margin: 0;
    }

    .tile__value {
      font-size: 1.75em;
      font-weight: 700;
      line-height: 1.2;
    }

    .tile__detail {
      color: var(--_secondary);
      font-size: 0.875em;
    }

    .chart {
      margin: 0 0 2em;
      padding-top: 0.25em;
      border-top: 1px solid var(--_rule);
    }

    .summary {
      margin: 0 0 0.5em;
    }

    .toggle {
      min-height: 44px;
      margin: 0 0 0.5em;
    }

    .bars {
      margin: 0 0 0.75em;
      padding: 0;
      list-style: none;
    }

    .bars__group {
      margin: 0.5em 0 0.25em;
      font-weight: 700;
    }

    /* Label beside the bar where there is room, above it where there is not (a phone, 400% zoom). */
    .bars__row {
      display: grid;
      grid-template-columns: minmax(8em, 14em) 1fr;
      gap: 0 0.75em;
      align-items: center;
      margin: 0 0 0.35em;
    }

    @container (max-width: 30em) {
      .bars__row {
        grid-template-columns: 1fr;
      }
    }

    .bars__track {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-width: 0;
    }

    .bars__svg {
      flex: 1 1 auto;
      max-width: calc(100% - 6em);
      height: 1.25em;
      overflow: visible;
    }

    .bars__value {
      flex: none;
      font-weight: 700;
    }

    .bars__value--withheld {
      font-weight: 400;
      font-style: italic;
    }

    .bar {
      fill: var(--_bar);
      stroke: var(--_bar);
      stroke-width: 0;
    }

    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
      margin: 0 0 0.5em;
      padding: 0;
      list-style: none;
    }

    .legend__key {
      width: 1em;
      height: 1em;
      margin-inline-end: 0.4em;
      vertical-align: -0.1em;
    }

    .legend__key--wide {
      width: 2em;
    }

    .months {
      display: block;
      overflow: visible;
      font-size: 0.875em;
    }

    .months text {
      fill: var(--_text);
    }

    .months .axis {
      fill: var(--_secondary);
    }

    .grid {
      stroke: var(--_rule);
    }

    .baseline {
      stroke: var(--_text);
    }

    .line {
      fill: none;
      stroke: var(--_link);
      stroke-width: 3;
      stroke-dasharray: 8 4;
    }

    .marker {
      fill: var(--_background);
      stroke: var(--_link);
      stroke-width: 3;
    }

    .table-box {
      overflow-x: auto;
    }

    .table {
      width: 100%;
      margin: 0 0 0.75em;
      border-collapse: collapse;
    }

    .table caption {
      margin-bottom: 0.25em;
      font-weight: 700;
      text-align: start;
    }

    .table th,
    .table td {
      padding: 0.4em 0.75em 0.4em 0;
      border-bottom: 1px solid var(--_rule);
      text-align: start;
      vertical-align: top;
    }

    .table .num {
      text-align: end;
    }

    .download .button {
      margin-bottom: 0.5em;
    }

    .file {
      color: var(--_link);
    }

    .file:focus {
      outline: 3px solid var(--_focus);
      background: var(--_focus);
      color: var(--_focus-text);
    }

    /* Forced colours: SVG keeps its own colours, so give it the system's. */
    @media (forced-colors: active) {
      .bar {
        fill: CanvasText;
        stroke: CanvasText;
      }

      .months text,
      .months .axis {
        fill: CanvasText;
      }

      .grid,
      .baseline {
        stroke: CanvasText;
      }

      .line,
      .marker {
        stroke: Highlight;
      }

      .marker {
        fill: Canvas;
      }

      .tile {
        border-top-color: CanvasText;
      }
    }
  `,
];
