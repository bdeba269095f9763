import { css } from 'lit';

/**
 * What the view widgets (a household, referrals) share: the heading, the section headings, the
 * secondary lines (dates, ages) and a notice with a blue edge.
 */
export const viewStyles = css`
  .title {
    margin: 0 0 0.25em;
    font-size: 1.75em;
    line-height: 1.15;
  }

  .heading {
    margin: 1.5em 0 0.5em;
    font-size: 1.25em;
    line-height: 1.25;
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
`;
