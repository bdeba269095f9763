import { html, type TemplateResult } from 'lit';
import type { Common } from '../i18n/translation.js';

/**
 * The outer shell of a view widget (the dashboard, the work queue, a household, referrals): a
 * section in the words' language and direction, named by its heading (`#title`, or the id given),
 * busy while it loads, with the widget's content inside. Part `base`; `viewStyles` styles what is
 * inside.
 */
export function viewShell(
  t: Pick<Common, '$code' | '$dir'>,
  busy: boolean,
  content: unknown,
  labelledBy = 'title',
): TemplateResult {
  return html`<section
    class="base"
    part="base"
    lang=${t.$code}
    dir=${t.$dir}
    aria-labelledby=${labelledBy}
    aria-busy=${busy ? 'true' : 'false'}
  >
    <div class="content">${content}</div>
  </section>`;
}

/** The view's heading, which names its section (`viewShell`'s `labelledBy`). Part `title`. */
export function viewTitle(text: unknown): TemplateResult {
  return html`<h2 class="title" id="title" part="title">${text}</h2>`;
}
