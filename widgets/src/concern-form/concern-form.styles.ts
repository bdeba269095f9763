import { css } from 'lit';
import { formStyles, hostStyles } from '../internal/form.styles.js';

/**
 * Each `--sg-concern-form-*` property falls back to a global `--sg-*` token shared by every widget,
 * then to GOV.UK's colours (WCAG AA contrast or better on white).
 */
const tokens = css`
  :host {
    --_font-family: var(
      --sg-concern-form-font-family,
      var(--sg-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif)
    );
    --_font-size: var(--sg-concern-form-font-size, var(--sg-font-size, 1.1875em));
    --_max-width: var(--sg-concern-form-max-width, 40em);
    --_text: var(--sg-concern-form-text-color, var(--sg-color-text, #0b0c0c));
    --_secondary: var(--sg-concern-form-secondary-text-color, var(--sg-color-secondary-text, #484949));
    --_background: var(--sg-concern-form-background, var(--sg-color-background, #ffffff));
    --_border: var(--sg-concern-form-border-color, var(--sg-color-border, #0b0c0c));
    --_rule: var(--sg-concern-form-rule-color, var(--sg-color-rule, #b1b4b6));
    --_error: var(--sg-concern-form-error-color, var(--sg-color-error, #d4351c));
    --_focus: var(--sg-concern-form-focus-color, var(--sg-color-focus, #ffdd00));
    --_focus-text: var(--sg-concern-form-focus-text-color, var(--sg-color-focus-text, #0b0c0c));
    --_link: var(--sg-concern-form-link-color, var(--sg-color-link, #1d70b8));
    --_button: var(--sg-concern-form-button-color, var(--sg-color-button, #00703c));
    --_button-text: var(--sg-concern-form-button-text-color, var(--sg-color-button-text, #ffffff));
    --_button-shadow: var(--sg-concern-form-button-shadow-color, var(--sg-color-button-shadow, #002d18));
    --_secondary-button: var(--sg-color-secondary-button, #f3f2f1);
    --_secondary-button-shadow: var(--sg-color-secondary-button-shadow, #929191);
    --_success: var(--sg-concern-form-success-color, var(--sg-color-success, #00703c));
    --_success-text: var(--sg-concern-form-success-text-color, var(--sg-color-success-text, #ffffff));
  }

  /* Smaller text where the widget is narrow (a phone, or a side column), not where the screen is. */
  @container (max-width: 480px) {
    .content {
      --_font-size: var(--sg-concern-form-font-size, var(--sg-font-size, 1em));
    }
  }
`;

export const concernFormStyles = [
  hostStyles,
  tokens,
  formStyles,
  css`
    .content {
      max-width: var(--_max-width);
      color: var(--_text);
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      line-height: 1.35;
      overflow-wrap: break-word;
    }

    .status:empty {
      display: none;
    }

    .status__line {
      margin: 0 0 1em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
      font-weight: 700;
    }

    .warning {
      display: flex;
      gap: 0.75em;
      align-items: center;
      margin: 0 0 1.5em;
      padding: 0.5em 0;
    }

    .warning--emphasised {
      padding: 0.75em 0.75em 0.75em 1em;
      border-left: 10px solid var(--_error);
    }

    .warning__icon {
      display: inline-flex;
      flex: none;
      align-items: center;
      justify-content: center;
      width: 2.2em;
      height: 2.2em;
      border: 3px solid var(--_text);
      border-radius: 50%;
      color: var(--_background);
      background: var(--_text);
      font-size: 1.1em;
      font-weight: 700;
      line-height: 1;
      forced-color-adjust: none;
    }

    .warning__text {
      font-size: 1.1em;
      font-weight: 700;
    }

    .emergency {
      margin: 0.25em 0 1em 40px;
      padding: 0.5em 0.75em;
      border-left: 8px solid var(--_error);
      font-weight: 700;
    }

    .notice {
      margin: 0 0 1.5em;
      padding: 0.5em 0.75em;
      border-left: 5px solid var(--_link);
    }

    .notice p {
      margin: 0 0 0.25em;
    }

    .back {
      display: inline-block;
      margin-bottom: 1em;
      font-size: 0.9em;
    }

    .back::before {
      content: '‹ ';
    }

    .caption {
      margin: 0 0 0.25em;
      color: var(--_secondary);
    }

    .step-heading {
      margin: 0 0 1em;
      font-size: 1.5em;
      line-height: 1.2;
    }

    .legend__heading {
      margin: 0;
      font-size: inherit;
    }

    .step-heading:focus,
    .queued__title:focus,
    .confirmation__title:focus {
      outline-offset: 4px;
    }

    .queued {
      margin-bottom: 1.5em;
      padding: 1em 1.25em;
      border: 5px solid var(--_link);
    }

    .queued__title {
      margin: 0 0 0.5em;
      font-size: 1.5em;
      line-height: 1.2;
    }

    .queued p,
    .confirmation p {
      margin: 0 0 1em;
    }

    .confirmation__panel {
      margin-bottom: 1.5em;
      padding: 1.5em 1em;
      border: 3px solid transparent;
      color: var(--_success-text);
      background: var(--_success);
      text-align: center;
    }

    .confirmation__title {
      margin: 0 0 0.5em;
      font-size: 1.75em;
      line-height: 1.15;
    }

    .confirmation__reference-label {
      display: block;
      font-size: 1.1em;
    }

    .confirmation__reference {
      display: block;
      margin-top: 0.15em;
      font-size: 1.5em;
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    .finder__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: flex-start;
    }

    .finder__row .input {
      flex: 1 1 12em;
    }

    .finder__row .button {
      margin-bottom: 0;
    }

    .confirmation h3 {
      margin: 1.5em 0 0.5em;
      font-size: 1.25em;
    }
  `,
];
