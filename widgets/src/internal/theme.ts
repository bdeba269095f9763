import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The theme tokens every widget offers: its private property (`--_text`), the name of its own
 * custom property after the widget's prefix (`--sg-feedback-text-color`), the global token it
 * falls back to (`--sg-color-text`), and GOV.UK's value last (WCAG AA contrast or better on white).
 */
const TOKENS: readonly (readonly [string, string, string, string])[] = [
  [
    'font-family',
    'font-family',
    'font-family',
    "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  ],
  ['font-size', 'font-size', 'font-size', '1.1875em'],
  ['text', 'text-color', 'color-text', '#0b0c0c'],
  ['secondary', 'secondary-text-color', 'color-secondary-text', '#484949'],
  ['background', 'background', 'color-background', '#ffffff'],
  ['border', 'border-color', 'color-border', '#0b0c0c'],
  ['rule', 'rule-color', 'color-rule', '#b1b4b6'],
  ['error', 'error-color', 'color-error', '#d4351c'],
  ['focus', 'focus-color', 'color-focus', '#ffdd00'],
  ['focus-text', 'focus-text-color', 'color-focus-text', '#0b0c0c'],
  ['link', 'link-color', 'color-link', '#1d70b8'],
  ['button', 'button-color', 'color-button', '#00703c'],
  ['button-text', 'button-text-color', 'color-button-text', '#ffffff'],
  ['button-shadow', 'button-shadow-color', 'color-button-shadow', '#002d18'],
  ['secondary-button', 'secondary-button-color', 'color-secondary-button', '#f3f2f1'],
  ['secondary-button-shadow', 'secondary-button-shadow-color', 'color-secondary-button-shadow', '#929191'],
  ['success', 'success-color', 'color-success', '#00703c'],
  ['success-text', 'success-text-color', 'color-success-text', '#ffffff'],
];

/**
 * The `:host` rules that set a widget's private `--_*` properties from its `--sg-<widget>-*`
 * properties, falling back to the global `--sg-*` tokens, and its content's type and width. Built
 * from the constant table above, never from data, so `unsafeCSS` is safe here.
 */
export function themeFor(widget: string, maxWidth = '40em'): CSSResult {
  const own = (name: string) => `--sg-${widget}-${name}`;
  const declarations = TOKENS.map(
    ([name, property, global, fallback]) =>
      `--_${name}:var(${own(property)},var(--sg-${global},${fallback}));`,
  ).join('');
  return unsafeCSS(
    `:host{${declarations}--_max-width:var(${own('max-width')},${maxWidth});}` +
      // Smaller text where the widget is narrow (a phone, or a side column), not where the screen is.
      `@container (max-width:480px){.content{--_font-size:var(${own('font-size')},var(--sg-font-size,1em));}}` +
      '.content{max-width:var(--_max-width);color:var(--_text);font-family:var(--_font-family);' +
      'font-size:var(--_font-size);line-height:1.35;overflow-wrap:break-word;}',
  );
}
