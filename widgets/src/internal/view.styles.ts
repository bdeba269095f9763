import { css } from 'lit';

/**
 * What the view widgets (the dashboard, the work queue, a household, referrals) share: the heading,
 * the section headings, the secondary lines (dates, ages) and a notice with a blue edge.
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

/**
 * Lists of records (people, referrals, work to do), for the views that have them: `list` on the
 * list, `list__item` on each record under a rule, `list__item--overdue` on one overdue,
 * `list__title` on its name, `badge` on a word beside it ("Child", "Overdue").
 */
export const listStyles = css`
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list__item {
    padding: 0.75em 0 0.25em;
    border-top: 1px solid var(--_rule);
  }

  /* Overdue: a thick edge and the word "Overdue", never colour alone. */
  .list__item--overdue {
    padding-inline-start: 0.75em;
    border-inline-start: 8px solid var(--_error);
  }

  .list__title {
    margin: 0 0 0.25em;
    font-size: 1.125em;
  }

  .badge {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border: 2px solid var(--_text);
    font-size: 0.875em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
`;
