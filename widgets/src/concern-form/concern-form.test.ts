import { parseWith, raiseConcernInputSchema } from '@doorstep/schema';
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import type { SgErrorEvent } from '../events/error.js';
import { en } from '../i18n/en.js';
import { localDateTimeToIso } from '../internal/datetime.js';
import { registerTranslation } from '../internal/localize.js';
import type { SgConcernForm } from './concern-form.js';
import { readConcernInput } from './concern-input.js';
import './define.js';

// Helpers that act as a user would: click a choice, type into a field, press "Send concern".

const find = <T extends Element = HTMLElement>(el: SgConcernForm, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const get = <T extends Element = HTMLElement>(el: SgConcernForm, selector: string): T => {
  const found = find<T>(el, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const field = (el: SgConcernForm, name: string, value?: string) =>
  get<HTMLInputElement>(el, value ? `[name="${name}"][value="${value}"]` : `[name="${name}"]`);

async function choose(el: SgConcernForm, name: string, value: string) {
  field(el, name, value).click();
  await el.updateComplete;
}

async function type(el: SgConcernForm, name: string, text: string) {
  const control = field(el, name);
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function submit(el: SgConcernForm) {
  get(el, 'button[type="submit"]').click();
  await el.updateComplete;
  await nextFrame();
}

/**
 * Names an element (`input#urgency-URGENT[name=urgency]`) for assertions: comparing elements
 * themselves makes a failing assertion serialise the whole DOM, which can stall the test runner.
 */
const what = (element: Element | null | undefined): string =>
  element
    ? `${element.localName}${element.id ? `#${element.id}` : ''}` +
      `${element.getAttribute('name') ? `[name=${element.getAttribute('name')}]` : ''}` +
      `${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`
    : 'nothing';

const form = (el: SgConcernForm) => get<HTMLFormElement>(el, 'form');
const visible = (element: Element | null) => !!element && element.checkVisibility();
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summaryLinks = (el: SgConcernForm) =>
  [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].map((a) => text(a));

/** The least a reporter must answer. */
async function fillRequired(el: SgConcernForm) {
  await choose(el, 'urgency', 'URGENT');
  await type(el, 'subjectDescription', 'Older woman who lives alone, flat 2');
  await type(el, 'location', '9 Willow Court');
  await type(el, 'whatHappened', 'No heating and no food in the flat.');
  await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
  await choose(el, 'consent.status', 'GIVEN');
}

const least = {
  urgency: 'ROUTINE',
  subjectDescription: 'Tenant',
  location: 'Flat 2',
  whatHappened: 'Bruises',
  personViews: { status: 'ASKED_NONE_EXPRESSED' },
  consent: { status: 'GIVEN' },
};

const newForm = () => fixture<SgConcernForm>(html`<sg-concern-form></sg-concern-form>`);

describe('<sg-concern-form>', () => {
  it('is accessible when empty', async () => {
    const el = await newForm();
    await expect(el).to.be.accessible();
  });

  it('tells people to call 999 first, and again when someone is in danger right now', async () => {
    const el = await newForm();
    const notice = get(el, '[part~="warning"]');
    expect(text(notice)).to.contain('If someone is in immediate danger, call 999 now.');
    const firstQuestion = get(el, 'fieldset');
    expect(notice.compareDocumentPosition(firstQuestion) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(what(find(el, '[part~="emergency"]'))).to.equal('nothing');

    await choose(el, 'urgency', 'IMMEDIATE_DANGER');
    const emergency = get(el, '[part~="emergency"]');
    expect(visible(emergency)).to.equal(true);
    expect(text(emergency)).to.match(/^Call 999 now/);
    expect(emergency.closest('[role="alert"]')).to.not.equal(null);
    expect(notice.classList.contains('warning--emphasised')).to.equal(true);

    await choose(el, 'urgency', 'ROUTINE');
    expect(what(find(el, '[part~="emergency"]'))).to.equal('nothing');
  });

  it('names every missing answer in an error summary that takes focus', async () => {
    const el = await newForm();
    expect(what(find(el, '.error-summary'))).to.equal('nothing');
    await submit(el);

    const summary = get(el, '.error-summary');
    expect(summary.querySelector('[role="alert"]')).to.not.equal(null);
    expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
    expect(summaryLinks(el)).to.deep.equal([
      'Select how urgent this is',
      'Enter who the concern is about',
      'Enter the address or place',
      'Enter what you saw or heard',
      'Say whether the person was asked what they want to happen',
      'Say whether the person agreed to information being shared',
    ]);
    for (const link of summary.querySelectorAll('a')) {
      const target = link.getAttribute('href')!.slice(1);
      expect(el.shadowRoot!.getElementById(target), target).to.not.equal(null);
    }
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(summary));
  });

  it('moves focus to the field when an error summary link is followed', async () => {
    const el = await newForm();
    await submit(el);
    const link = (message: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].find(
        (a) => text(a) === message,
      )!;

    link('Enter who the concern is about').click();
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(field(el, 'subjectDescription')));

    link('Select how urgent this is').click();
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(field(el, 'urgency', 'IMMEDIATE_DANGER')));

    link('Say whether the person agreed to information being shared').click();
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(field(el, 'consent.status', 'GIVEN')));
  });

  it('marks each field in error, and describes it by its hint and its error', async () => {
    const el = await newForm();
    await submit(el);

    const who = field(el, 'subjectDescription');
    expect(who.getAttribute('aria-invalid')).to.equal('true');
    expect(who.getAttribute('aria-describedby')!.split(' ')).to.deep.equal([
      'subjectDescription-hint',
      'subjectDescription-error',
    ]);
    const error = get(el, '#subjectDescription-error');
    expect(error.getAttribute('part')).to.equal('error');
    expect(text(error)).to.equal('Error: Enter who the concern is about');
    expect(text(error.querySelector('.visually-hidden'))).to.equal('Error:');
    expect(error.querySelector('.visually-hidden')!.getBoundingClientRect().width).to.be.at.most(1);

    const urgency = field(el, 'urgency', 'URGENT');
    expect(urgency.getAttribute('aria-invalid')).to.equal('true');
    expect(urgency.closest('fieldset')!.getAttribute('aria-describedby')).to.contain('urgency-error');
    expect(text(get(el, '#urgency-error'))).to.equal('Error: Select how urgent this is');

    // An optional question left blank is not an error.
    expect(field(el, 'happenedAt').hasAttribute('aria-invalid')).to.equal(false);
    expect(what(find(el, '#happenedAt-error'))).to.equal('nothing');

    // Answering and sending again clears what was put right.
    await fillRequired(el);
    await type(el, 'whatHappened', '   ');
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter what you saw or heard']);
    expect(field(el, 'subjectDescription').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('is accessible with errors shown', async () => {
    const el = await newForm();
    await submit(el);
    await expect(el).to.be.accessible();
  });

  it('asks what the person wants when they said, or why they were not asked, and needs the answer', async () => {
    const el = await newForm();
    const views = field(el, 'personViews.views');
    const notAskedReason = field(el, 'personViews.notAskedReason');
    expect(visible(views)).to.equal(false);
    expect(visible(notAskedReason)).to.equal(false);

    await choose(el, 'personViews.status', 'ASKED_EXPRESSED');
    expect(visible(views)).to.equal(true);
    expect(text(get(el, 'label[for="personViews-views"]'))).to.equal('What do they want to happen?');
    await fillRequired(el);
    await choose(el, 'personViews.status', 'ASKED_EXPRESSED');
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter what the person wants to happen']);
    expect(field(el, 'personViews.views').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await choose(el, 'personViews.status', 'NOT_ASKED');
    expect(visible(views)).to.equal(false);
    expect(visible(notAskedReason)).to.equal(true);
    expect(text(get(el, 'label[for="personViews-notAskedReason"]'))).to.equal('Why were they not asked?');
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter why the person was not asked']);
  });

  it('asks why consent was not sought or why sharing is in their interests, and needs the reason', async () => {
    const el = await newForm();
    const reason = field(el, 'consent.reason');
    const label = () => text(get(el, 'label[for="consent-reason"]'));
    expect(visible(reason)).to.equal(false);

    await fillRequired(el);
    await choose(el, 'consent.status', 'NOT_SOUGHT');
    expect(visible(reason)).to.equal(true);
    expect(label()).to.equal('Why did you not ask them?');
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter why consent was not asked for']);
    expect(reason.getAttribute('aria-invalid')).to.equal('true');

    await choose(el, 'consent.status', 'LACKS_CAPACITY');
    expect(label()).to.equal('Why is sharing in their best interests?');
    await submit(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter why sharing is in the person’s best interests']);

    // Optional when they refused; not asked at all when they agreed.
    await choose(el, 'consent.status', 'REFUSED');
    expect(label()).to.equal('Why did they say no? (optional)');
    await choose(el, 'consent.status', 'GIVEN');
    expect(visible(reason)).to.equal(false);
  });

  it('asks for the main type of harm only when more than one is selected', async () => {
    const el = await newForm();
    expect(field(el, 'categories', 'FINANCIAL').closest('fieldset')!.textContent).to.contain(
      'Money or belongings taken, or someone pressured about money',
    );
    await choose(el, 'categories', 'NEGLECT');
    expect(what(find(el, '[name="primaryCategory"]'))).to.equal('nothing');

    await choose(el, 'categories', 'FINANCIAL');
    const select = field(el, 'primaryCategory') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['FINANCIAL', 'NEGLECT']);
    expect(text(get(el, 'label[for="primaryCategory"]'))).to.equal('Which of these is the main worry?');

    select.value = 'NEGLECT';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await fillRequired(el);
    const input = readConcernInput(form(el));
    expect(input.categories).to.deep.equal(['FINANCIAL', 'NEGLECT']);
    expect(input.primaryCategory).to.equal('NEGLECT');

    await choose(el, 'categories', 'NEGLECT');
    expect(what(find(el, '[name="primaryCategory"]'))).to.equal('nothing');
    expect(readConcernInput(form(el)).primaryCategory).to.equal(undefined);
  });

  it('reads a filled form into input that the schema accepts, with the time as ISO 8601 and an offset', async () => {
    const el = await newForm();
    await choose(el, 'urgency', 'URGENT');
    await type(el, 'subjectDescription', '  Older woman who lives alone  ');
    await type(el, 'location', '9 Willow Court, Riverside');
    await type(el, 'whatHappened', 'She said her grandson keeps her bank card.');
    await type(el, 'happenedAt', '2025-07-14T16:45');
    await choose(el, 'categories', 'FINANCIAL');
    await type(el, 'actionsTaken', 'Told my manager.');
    await choose(el, 'personViews.status', 'ASKED_EXPRESSED');
    await type(el, 'personViews.views', 'She wants her card back.');
    await choose(el, 'consent.status', 'GIVEN');
    await choose(el, 'mentalCapacityConcern', 'true');
    await choose(el, 'childrenPresent', 'NO');
    await type(el, 'othersAtRisk', 'Her neighbour may be targeted too.');

    const result = parseWith(raiseConcernInputSchema, readConcernInput(form(el)));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const { happenedAt, ...rest } = result.data;
    expect(rest).to.deep.equal({
      urgency: 'URGENT',
      categories: ['FINANCIAL'],
      primaryCategory: 'FINANCIAL',
      subjectDescription: 'Older woman who lives alone',
      location: '9 Willow Court, Riverside',
      whatHappened: 'She said her grandson keeps her bank card.',
      actionsTaken: 'Told my manager.',
      personViews: {
        status: 'ASKED_EXPRESSED',
        views: 'She wants her card back.',
        notAskedReason: undefined,
      },
      consent: { status: 'GIVEN', reason: undefined },
      mentalCapacityConcern: true,
      childrenPresent: 'NO',
      othersAtRisk: 'Her neighbour may be targeted too.',
    });
    expect(happenedAt).to.match(/^2025-07-14T16:45:00[+-]\d\d:\d\d$/);
    expect(Date.parse(happenedAt!)).to.equal(new Date(2025, 6, 14, 16, 45).getTime());
  });

  it('leaves out an answer to a follow-up question that no longer applies', async () => {
    const el = await newForm();
    await fillRequired(el);
    await choose(el, 'personViews.status', 'ASKED_EXPRESSED');
    await type(el, 'personViews.views', 'To stay at home.');
    await choose(el, 'consent.status', 'NOT_SOUGHT');
    await type(el, 'consent.reason', 'Her son was in the room.');
    expect(readConcernInput(form(el))).to.deep.include({
      personViews: { status: 'ASKED_EXPRESSED', views: 'To stay at home.', notAskedReason: undefined },
      consent: { status: 'NOT_SOUGHT', reason: 'Her son was in the room.' },
    });

    await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
    await choose(el, 'consent.status', 'GIVEN');
    expect(readConcernInput(form(el))).to.deep.include({
      personViews: { status: 'ASKED_NONE_EXPRESSED', views: undefined, notAskedReason: undefined },
      consent: { status: 'GIVEN', reason: undefined },
    });
    // Still typed, in case the answer is changed back.
    expect(field(el, 'personViews.views').value).to.equal('To stay at home.');
  });

  it('turns a datetime-local value into ISO 8601 with the offset of that date', () => {
    for (const [value, date] of [
      ['2026-01-15T09:30', new Date(2026, 0, 15, 9, 30)],
      ['2025-07-01T23:05', new Date(2025, 6, 1, 23, 5)],
      ['2025-07-01T23:05:09', new Date(2025, 6, 1, 23, 5, 9)],
    ] as const) {
      const iso = localDateTimeToIso(value)!;
      expect(iso).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(iso.slice(0, 16)).to.equal(value.slice(0, 16));
      expect(Date.parse(iso)).to.equal(date.getTime());
      expect(parseWith(raiseConcernInputSchema, { ...least, happenedAt: iso }).ok).to.equal(true);
    }
    expect(localDateTimeToIso('')).to.equal(undefined);
    // Unreadable values go through unchanged for the schema to turn down.
    expect(localDateTimeToIso('2026-02-30T10:00')).to.equal('2026-02-30T10:00');
    expect(localDateTimeToIso('yesterday')).to.equal('yesterday');
  });

  it('can be reached by Tab and answered with the keyboard', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button type="button">Before</button><sg-concern-form></sg-concern-form></div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await el.updateComplete;
    wrapper.querySelector('button')!.focus();

    await sendKeys({ press: 'Tab' });
    const first = field(el, 'urgency', 'IMMEDIATE_DANGER');
    expect(what(document.activeElement)).to.equal(what(el));
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(first));
    // The focus indicator is drawn round the radio's circle.
    const ring = getComputedStyle(first.nextElementSibling!, '::before').boxShadow;
    expect(ring).to.contain('rgb(255, 221, 0)');

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    expect(visible(find(el, '[part~="emergency"]'))).to.equal(true);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(field(el, 'urgency', 'URGENT').checked).to.equal(true);
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(field(el, 'urgency', 'URGENT')));
    expect(what(find(el, '[part~="emergency"]'))).to.equal('nothing');

    await sendKeys({ press: 'Tab' });
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(field(el, 'subjectDescription')));
    expect(getComputedStyle(field(el, 'subjectDescription')).outlineWidth).to.equal('3px');
    await sendKeys({ type: 'Tenant in flat 2' });
    expect(field(el, 'subjectDescription').value).to.equal('Tenant in flat 2');
  });

  it('fits a 320px screen with touch targets of at least 44px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await newForm();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const base = get(el, '[part~="base"]');
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const target of [
        field(el, 'urgency', 'URGENT'),
        field(el, 'categories', 'FINANCIAL'),
        field(el, 'subjectDescription'),
        get(el, 'button[type="submit"]'),
      ]) {
        const box = target.getBoundingClientRect();
        expect(box.height, target.outerHTML).to.be.at.least(44);
        expect(box.width, target.outerHTML).to.be.at.least(44);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says when it could not send, keeps every answer, and fires sg-error', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <sg-concern-form endpoint="http://127.0.0.1:9/graphql" token="not-used"></sg-concern-form>
      </div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await el.updateComplete;
    await fillRequired(el);
    const failed = oneEvent(wrapper, 'sg-error') as Promise<SgErrorEvent>;

    const button = get<HTMLButtonElement>(el, 'button[type="submit"]');
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(text(button)).to.equal('Sending…');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(form(el).getAttribute('aria-busy')).to.equal('true');

    const event = await failed;
    expect(event.code).to.equal('NETWORK_ERROR');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;

    const box = get(el, '.error-summary');
    expect(text(box)).to.contain('Your concern has not been sent');
    expect(text(box)).to.contain(
      'Could not send. Check your connection and try again. Nothing you typed has been lost.',
    );
    expect(box.querySelector('[role="alert"]')).to.not.equal(null);
    expect(what(el.shadowRoot!.activeElement)).to.equal(what(box));
    expect(what(find(el, '[part~="confirmation"]'))).to.equal('nothing');
    expect(field(el, 'urgency', 'URGENT').checked).to.equal(true);
    expect(field(el, 'subjectDescription').value).to.equal('Older woman who lives alone, flat 2');
    expect(field(el, 'whatHappened').value).to.equal('No heating and no food in the flat.');
    expect(button.disabled).to.equal(false);
    expect(text(button)).to.equal('Send concern');
    expect(form(el).getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('speaks the language of the closest [lang], falling back to English', async () => {
    registerTranslation({
      ...en,
      $code: 'zz',
      $name: 'Test language',
      concernForm: { ...en.concernForm, submit: 'Anfon (zz)' },
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zz-ZZ"><sg-concern-form></sg-concern-form></div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await el.updateComplete;
    const button = () => text(get(el, 'button[type="submit"]'));
    expect(button()).to.equal('Anfon (zz)');
    expect(get(el, '[part~="base"]').getAttribute('lang')).to.equal('zz');

    wrapper.setAttribute('lang', 'fr');
    await nextFrame();
    await el.updateComplete;
    expect(button()).to.equal('Send concern');
    expect(get(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
  });

  it('announces a sent concern with an event that carries its reference out of shadow roots', () => {
    const event = new SgConcernSubmittedEvent('SG-2026-000123', '2026-11-24T10:00:00.000Z');
    expect(event.type).to.equal('sg-concern-submitted');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.reference).to.equal('SG-2026-000123');
    expect(event.receivedAt).to.equal('2026-11-24T10:00:00.000Z');
  });
});
