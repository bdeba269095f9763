import { html, nothing, type TemplateResult } from 'lit';

/** A widget's words for a request the gateway did not take: a title, a message per error code. */
export interface FailureWords {
  title: string;
  byCode: Partial<Record<string, string>>;
  other: string;
}

/**
 * The box saying a request failed (not sent, not loaded), in the error summary's style: an alert
 * with the message for its code, the box focusable so the widget can move focus to it
 * (`focusAfterRender(host, '.error-summary')`). `next` is a line read out with the message (what
 * happens now); `more` goes after the alert (a button to try again).
 */
export function requestFailed(
  words: FailureWords,
  code: string,
  { next, more = nothing }: { next?: string | undefined; more?: TemplateResult | typeof nothing } = {},
): TemplateResult {
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="error-summary__title">${words.title}</h2>
      <p>${words.byCode[code] ?? words.other}</p>
      ${next ? html`<p>${next}</p>` : nothing}
    </div>
    ${more}
  </div>`;
}

/**
 * The notice that the answers came back from the device's draft, with a button to start again
 * (which should delete the draft): a person on a shared device sees whose answers these are not.
 */
export function draftRestored(
  words: { restored: string; startAgain: string },
  startAgain: () => void,
): TemplateResult {
  return html`<div class="notice">
    <p>${words.restored}</p>
    <button type="button" class="link" @click=${startAgain}>${words.startAgain}</button>
  </div>`;
}
