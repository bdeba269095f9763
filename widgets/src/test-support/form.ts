// Helpers for the widget tests: act as a person would (click a choice, type, press a button) and
// talk to the fake gateway (test/fake-gateway.mjs) that web-test-runner serves.
import { fixture, html, nextFrame } from '@open-wc/testing';
import type { SgConcernForm } from '../concern-form/concern-form.js';
import type { Mode } from '../concern-form/concern-input.js';
import '../concern-form/define.js';

export const FAKE = '/fake-gateway/graphql';

export {
  field,
  find,
  focused,
  get,
  misplacedAlerts,
  text,
  until,
  visible,
  visibleOutline,
  what,
} from './dom.js';
import { field, find, get, text } from './dom.js';
export { clearDeviceStorage, rawRecords } from './storage.js';
import { clearDeviceStorage } from './storage.js';

export async function settle(el: SgConcernForm) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

export async function choose(el: SgConcernForm, name: string, value: string) {
  field(el, name, value).click();
  await el.updateComplete;
}

export async function type(el: SgConcernForm, name: string, value: string) {
  const control = field(el, name);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Presses Continue (or Send on the last step). */
export async function next(el: SgConcernForm) {
  get(el, 'button[type="submit"]').click();
  await settle(el);
}

/** The id of the step the form is on (`urgency`, `who`, …, `check`). */
export const stepId = (el: SgConcernForm) => (el as unknown as { step: string }).step;

/** A fresh browser and gateway for each test: no drafts, no outbox, no concerns received. */
export async function freshStart() {
  await clearDeviceStorage();
  await gateway('reset');
}

export const step = (el: SgConcernForm) => text(find(el, '.step-heading'));
export const caption = (el: SgConcernForm) => text(find(el, '.caption'));
export const summaryLinks = (el: SgConcernForm) =>
  [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].map((a) => text(a));

/** Answers the required questions of the current step, for each mode. */
export async function answer(el: SgConcernForm) {
  const id = el.shadowRoot!.querySelector('.step-heading')?.closest('legend')
    ? 'urgency'
    : (el as unknown as { step: string }).step;
  switch (id) {
    case 'urgency':
      return choose(el, 'urgency', 'URGENT');
    case 'who':
      if (el.mode === 'public') await choose(el, 'aboutSelf', 'yes');
      await type(el, 'subjectDescription', 'Older woman who lives alone, flat 2');
      return type(el, 'location', '9 Willow Court');
    case 'what':
      return type(el, 'whatHappened', 'No heating and no food in the flat.');
    case 'views':
      if (el.mode === 'public') return choose(el, 'consent', 'GIVEN');
      await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
      return choose(el, 'consent.status', 'GIVEN');
  }
}

/** Answers every step and arrives at "Check your answers". */
export async function fillToCheck(el: SgConcernForm) {
  for (let i = 0; i < 8 && (el as unknown as { step: string }).step !== 'check'; i++) {
    await answer(el);
    await next(el);
  }
  if ((el as unknown as { step: string }).step !== 'check') throw new Error('did not reach check');
}

export async function newForm(
  options: { mode?: Mode; lang?: string; endpoint?: string; token?: string; storage?: 'on' | 'off' } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-concern-form
        mode=${options.mode ?? 'staff'}
        endpoint=${options.endpoint ?? FAKE}
        token=${options.token ?? 'test-token'}
        offline-storage=${options.storage ?? 'on'}
      ></sg-concern-form>
    </div>`,
  );
  const el = wrapper.querySelector('sg-concern-form')!;
  await settle(el);
  return el;
}

export async function gateway(path: 'reset' | 'scenario', body: object = {}) {
  await fetch(`/fake-gateway/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

export interface LogEntry {
  operationName: string;
  token?: string;
  idempotencyKey?: string;
  input?: Record<string, unknown>;
  answer: string;
}

export async function gatewayLog(): Promise<{ log: LogEntry[]; stored: string[] }> {
  return (await fetch('/fake-gateway/log')).json();
}
