import type { ReactiveElement } from 'lit';

/**
 * Focuses the element matching `selector` in a widget's shadow root once its next render is done,
 * scrolled into view: after a step, an error or a sent form, focus is never lost.
 */
export async function focusAfterRender(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  const element = host.renderRoot.querySelector<HTMLElement>(selector);
  element?.scrollIntoView?.({ block: 'start' });
  element?.focus({ preventScroll: true });
}
