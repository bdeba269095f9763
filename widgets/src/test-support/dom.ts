// Helpers for every widget test: find things in a widget's shadow root, name them, and wait.

export const find = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const get = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = find<T>(el, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
export const field = (el: Element, name: string, value?: string) =>
  get<HTMLInputElement>(el, value ? `[name="${name}"][value="${value}"]` : `[name="${name}"]`);

export const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const visible = (element: Element | null) => !!element && element.checkVisibility();

/**
 * Names an element (`input#urgency-URGENT[name=urgency]`) for assertions: comparing elements
 * themselves makes a failing assertion serialise the whole DOM, which can stall the test runner.
 */
export const what = (element: Element | null | undefined): string =>
  element
    ? `${element.localName}${element.id ? `#${element.id}` : ''}` +
      `${element.getAttribute('name') ? `[name=${element.getAttribute('name')}]` : ''}` +
      `${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`
    : 'nothing';

export const focused = (el: Element) => what(el.shadowRoot!.activeElement);

/** Waits until `check` returns true (polling each frame), or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition') {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Presses Tab until `target` has focus (at most 40 times), as a keyboard user moves through a page. */
export async function tabTo(el: Element, target: Element) {
  const { sendKeys } = await import('@web/test-runner-commands');
  for (let i = 0; i < 40 && el.shadowRoot!.activeElement !== target; i++) await sendKeys({ press: 'Tab' });
  if (el.shadowRoot!.activeElement !== target) throw new Error(`Tab never reached ${what(target)}`);
}

/**
 * Alerts a screen reader would meet in the wrong place: inside a question (its fieldset or list of
 * choices), where it is read as one of the answers, or empty. Named, for a readable failure.
 */
export const misplacedAlerts = (el: Element): string[] =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"]')]
    .filter((alert) => alert.closest('fieldset, .choices') || !text(alert))
    .map((alert) => `${what(alert)} in ${what(alert.closest('fieldset, .choices') ?? alert.parentElement)}`);

/** An element's outline when it is one to see (at least 2px, not transparent), or `none (…)`. */
export function visibleOutline(element: Element): string {
  const style = getComputedStyle(element);
  const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
  const seen = (color: string) => color !== 'transparent' && !/rgba\(.*, 0\)$/.test(color);
  const shown =
    style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && seen(style.outlineColor);
  return shown ? outline : `none (${outline})`;
}

/**
 * Adds global CSS as hostile as a host page can be (tiny rem, everything unset, red uppercase
 * fantasy text, hidden, form controls gone) to the document; returns it, to remove after the test.
 */
export function addHostileCss(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = `
    html { font-size: 8px !important; }
    * { all: unset !important; }
    * { color: red !important; letter-spacing: 6px !important; text-transform: uppercase !important;
        line-height: 0.5 !important; font-family: fantasy !important; visibility: hidden !important; }
    input, button, textarea { display: none !important; }
    style, script, head { display: none !important; }
  `;
  document.head.append(style);
  return style;
}
