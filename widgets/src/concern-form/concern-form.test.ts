import { parseWith, publicConcernInputSchema, raiseConcernInputSchema } from '@doorstep/schema';
import { Schema } from '@doorstep/schema/zod-lite';
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import type { SgErrorEvent } from '../events/error.js';
import { cy } from '../i18n/cy.js';
import { en } from '../i18n/en.js';
import { localDateTimeToIso } from '../internal/datetime.js';
import { plural, registerTranslation } from '../internal/localize.js';
import {
  freshStart,
  stepId,
  answer,
  caption,
  choose,
  FAKE,
  field,
  fillToCheck,
  find,
  focused,
  gateway,
  gatewayLog,
  get,
  misplacedAlerts,
  newForm,
  next,
  settle,
  step,
  summaryLinks,
  text,
  type,
  until,
  visible,
  visibleOutline,
  what,
} from '../test-support/form.js';
import { readConcernInput, readPublicInput, type Mode } from './concern-input.js';

beforeEach(freshStart);

describe('<sg-concern-form> accessibility', () => {
  // Every state of every mode, in English and in Welsh: each step empty and with its errors, check
  // your answers, sent, and queued.
  for (const mode of ['staff', 'contractor', 'public'] as const) {
    for (const lang of ['en-GB', 'cy']) {
      it(`is accessible in every state: ${mode}, ${lang}`, async () => {
        const el = await newForm({ mode, lang });
        const seen: string[] = [];
        while (stepId(el) !== 'check') {
          const current = stepId(el);
          seen.push(current);
          await expect(el, `${current} empty`).to.be.accessible();
          expect(misplacedAlerts(el), `${current} empty`).to.deep.equal([]);
          await next(el);
          if (stepId(el) !== current) continue; // nothing required here (contact details)
          await expect(el, `${current} with errors`).to.be.accessible();
          expect(misplacedAlerts(el), `${current} with errors`).to.deep.equal([]);
          await answer(el);
          await next(el);
        }
        await expect(el, 'check your answers').to.be.accessible();
        await next(el);
        await until(() => !!find(el, '[part~="reference"]'), 5000, 'the reference');
        await expect(el, 'sent').to.be.accessible();

        const queued = await newForm({ mode, lang, endpoint: 'http://127.0.0.1:9/graphql' });
        await fillToCheck(queued);
        await next(queued);
        await until(() => !!find(queued, '[part~="queued"]'), 5000, 'the queued panel');
        await expect(queued, 'queued').to.be.accessible();
        expect(seen.length).to.be.greaterThan(2);
      });
    }
  }
});

describe('<sg-concern-form> steps', () => {
  it('says to call 999 before anything else on every step, and again when someone is in danger now', async () => {
    const el = await newForm();
    for (let i = 0; i < 4; i++) {
      const notice = get(el, '[part~="warning"]');
      expect(text(notice)).to.contain('If someone is in immediate danger, call 999 now.');
      const form = get(el, 'form');
      expect(form.firstElementChild, `step ${stepId(el)}`).to.equal(notice);
      await answer(el);
      await next(el);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));

    const first = await newForm();
    expect(what(find(first, '[part~="emergency"]'))).to.equal('nothing');
    expect(misplacedAlerts(first), 'no empty alert among the answers').to.deep.equal([]);
    await choose(first, 'urgency', 'IMMEDIATE_DANGER');
    const emergency = get(first, '[part~="emergency"]');
    expect(visible(emergency)).to.equal(true);
    expect(text(emergency)).to.match(/^Call 999 now/);
    // An alert put in the page with its words is announced; it follows the question, not inside it.
    expect(emergency.closest('[role="alert"]')).to.not.equal(null);
    expect(misplacedAlerts(first)).to.deep.equal([]);
    expect(get(first, '[part~="warning"]').classList.contains('warning--emphasised')).to.equal(true);
    await choose(first, 'urgency', 'ROUTINE');
    expect(what(find(first, '[part~="emergency"]'))).to.equal('nothing');
    expect(misplacedAlerts(first)).to.deep.equal([]);
  });

  it('asks one thing at a time in each mode, in order, and the public about themselves only when it is about them', async () => {
    const walk = async (mode: Mode, aboutSelf?: 'yes' | 'no') => {
      const el = await newForm({ mode });
      const steps: string[] = [];
      while (stepId(el) !== 'check') {
        steps.push(`${step(el)} (${caption(el)})`);
        await answer(el);
        if (aboutSelf && stepId(el) === 'who') await choose(el, 'aboutSelf', aboutSelf);
        await next(el);
      }
      steps.push(`${step(el)} (${caption(el)})`);
      return steps;
    };
    expect(await walk('staff')).to.deep.equal([
      'How urgent is it? (Step 1 of 5)',
      'Who and where (Step 2 of 5)',
      'What happened (Step 3 of 5)',
      'Their views and consent (Step 4 of 5)',
      'Check your answers (Step 5 of 5)',
    ]);
    expect(await walk('public', 'yes')).to.deep.equal([
      'How urgent is it? (Step 1 of 6)',
      'Who and where (Step 2 of 6)',
      'What happened (Step 3 of 6)',
      'Their views and consent (Step 4 of 6)',
      'Your contact details (Step 5 of 6)',
      'Check your answers (Step 6 of 6)',
    ]);
    expect(await walk('public', 'no')).to.deep.equal([
      'How urgent is it? (Step 1 of 6)',
      'Who and where (Step 2 of 6)',
      'What happened (Step 3 of 5)',
      'Your contact details (Step 4 of 5)',
      'Check your answers (Step 5 of 5)',
    ]);
  });

  it('asks a contractor the least: no categories, actions or other risks', async () => {
    const names = async (mode: Mode) => {
      const el = await newForm({ mode });
      const all = new Set<string>();
      while (stepId(el) !== 'check') {
        el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name]').forEach((c) => all.add(c.name));
        await answer(el);
        await next(el);
      }
      return [...all];
    };
    const contractor = await names('contractor');
    expect(contractor).to.include.members(['urgency', 'subjectDescription', 'location', 'whatHappened']);
    expect(contractor).to.include.members(['personViews.status', 'consent.status']);
    expect(contractor).not.to.include.members(['categories']);
    expect(contractor).not.to.include('actionsTaken');
    expect(contractor).not.to.include('othersAtRisk');
    expect(contractor).not.to.include('happenedAt');
    const staff = await names('staff');
    expect(staff).to.include.members(['categories', 'actionsTaken', 'othersAtRisk', 'mentalCapacityConcern']);
  });

  it('checks each step before the next, with an error summary that takes focus and links to each field', async () => {
    const el = await newForm();
    await next(el);
    expect(stepId(el)).to.equal('urgency');
    expect(summaryLinks(el)).to.deep.equal(['Select how urgent this is']);
    const summary = get(el, '.error-summary');
    expect(text(summary.querySelector('[role="alert"]'))).to.contain('Select how urgent this is');
    expect(misplacedAlerts(el)).to.deep.equal([]);
    expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
    expect(focused(el)).to.equal(what(summary));

    summary.querySelector('a')!.click();
    expect(focused(el)).to.equal(what(field(el, 'urgency', 'IMMEDIATE_DANGER')));

    await answer(el);
    await next(el);
    expect(stepId(el)).to.equal('who');
    expect(what(find(el, '.error-summary')), 'no errors carried to the next step').to.equal('nothing');
    expect(focused(el), 'focus on the new step’s heading').to.equal(what(get(el, '.step-heading')));

    await next(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter who the concern is about', 'Enter the address or place']);
    for (const link of el.shadowRoot!.querySelectorAll('.error-summary a')) {
      const target = link.getAttribute('href')!.slice(1);
      expect(el.shadowRoot!.getElementById(target), target).to.not.equal(null);
    }
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')][1]!.click();
    expect(focused(el)).to.equal(what(field(el, 'location')));
    const who = field(el, 'subjectDescription');
    expect(who.getAttribute('aria-invalid')).to.equal('true');
    expect(who.getAttribute('aria-describedby')!.split(' ')).to.deep.equal([
      'subjectDescription-hint',
      'subjectDescription-error',
    ]);
    expect(text(get(el, '#subjectDescription-error'))).to.equal('Error: Enter who the concern is about');
    expect(get(el, '#subjectDescription-error .visually-hidden').getBoundingClientRect().width).to.be.at.most(
      1,
    );
    // An optional question left blank is not an error.
    expect(what(find(el, '#othersAtRisk-error'))).to.equal('nothing');
  });

  it('goes back a step with its answers kept, and focus on that step’s heading', async () => {
    const el = await newForm();
    await answer(el);
    await next(el);
    await type(el, 'subjectDescription', 'Tenant in flat 2');
    get(el, '[part~="back"]').click();
    await settle(el);
    expect(stepId(el)).to.equal('urgency');
    expect(field(el, 'urgency', 'URGENT').checked).to.equal(true);
    expect(focused(el)).to.equal(what(get(el, '.step-heading')));
    await next(el);
    expect(field(el, 'subjectDescription').value).to.equal('Tenant in flat 2');
  });

  it('asks what the person wants, or why they were not asked, and why consent was not sought', async () => {
    const el = await newForm();
    for (let i = 0; i < 3; i++) {
      await answer(el);
      await next(el);
    }
    expect(stepId(el)).to.equal('views');
    const views = field(el, 'personViews.views');
    expect(visible(views)).to.equal(false);
    await choose(el, 'personViews.status', 'ASKED_EXPRESSED');
    expect(visible(views)).to.equal(true);
    expect(text(get(el, 'label[for="personViews-views"]'))).to.equal('What do they want to happen?');
    await choose(el, 'consent.status', 'NOT_SOUGHT');
    expect(text(get(el, 'label[for="consent-reason"]'))).to.equal('Why did you not ask them?');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      'Enter what the person wants to happen',
      'Enter why consent was not asked for',
    ]);
    await choose(el, 'consent.status', 'LACKS_CAPACITY');
    expect(text(get(el, 'label[for="consent-reason"]'))).to.equal('Why is sharing in their best interests?');
    await choose(el, 'consent.status', 'REFUSED');
    expect(text(get(el, 'label[for="consent-reason"]'))).to.equal('Why did they say no? (optional)');
    await choose(el, 'personViews.status', 'NOT_ASKED');
    expect(visible(views)).to.equal(false);
    await next(el);
    expect(summaryLinks(el)).to.deep.equal(['Enter why the person was not asked']);
  });

  it('asks for the main type of harm only when more than one is selected', async () => {
    const el = await newForm();
    for (let i = 0; i < 2; i++) {
      await answer(el);
      await next(el);
    }
    expect(field(el, 'categories', 'FINANCIAL').closest('fieldset')!.textContent).to.contain(
      'Money or belongings taken, or someone pressured about money',
    );
    await choose(el, 'categories', 'NEGLECT');
    expect(what(find(el, '[name="primaryCategory"]'))).to.equal('nothing');
    await choose(el, 'categories', 'FINANCIAL');
    const select = field(el, 'primaryCategory') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['FINANCIAL', 'NEGLECT']);
    select.value = 'FINANCIAL';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[name="primaryCategory"]')).to.not.equal(null);
    await choose(el, 'categories', 'FINANCIAL');
    expect(what(find(el, '[name="primaryCategory"]'))).to.equal('nothing');
  });

  it('shows every answer to check, with a Change button that goes back to the question', async () => {
    const el = await newForm();
    await fillToCheck(el);
    const rows = [...el.shadowRoot!.querySelectorAll('.summary__row')].map((row) => [
      text(row.querySelector('dt')),
      text(row.querySelector('.summary__value')),
    ]);
    expect(rows).to.deep.include(['How urgent is it?', 'Urgent: it needs action today']);
    expect(rows).to.deep.include(['Who is this about?', 'Older woman who lives alone, flat 2']);
    expect(rows).to.deep.include(['What did you see or hear?', 'No heating and no food in the flat.']);
    expect(rows).to.deep.include(['When did it happen? ', 'Not given'].map((s) => s.trim()));
    const change = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.summary__row')]
      .find((row) => text(row.querySelector('dt')) === 'Where? Address or place')!
      .querySelector('button')!;
    expect(text(change)).to.equal('Change Where? Address or place');
    change.click();
    await settle(el);
    expect(stepId(el)).to.equal('who');
    expect(focused(el)).to.equal(what(field(el, 'location')));
  });

  it('sends with a fresh idempotency key, shows the reference and fires sg-concern-submitted', async () => {
    const el = await newForm();
    await fillToCheck(el);
    const submitted = oneEvent(el, 'sg-concern-submitted') as Promise<SgConcernSubmittedEvent>;
    await next(el);
    const event = await submitted;
    expect(event).to.be.instanceOf(SgConcernSubmittedEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.reference).to.match(/^SG-2026-\d{6}$/);
    expect(event.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    await settle(el);
    expect(text(get(el, '[part~="reference"]'))).to.equal(event.reference);
    expect(focused(el)).to.equal(what(get(el, '.confirmation__title')));
    const { log } = await gatewayLog();
    expect(log.map((e) => [e.operationName, e.idempotencyKey, e.token])).to.deep.equal([
      ['RaiseConcern', event.idempotencyKey, 'test-token'],
    ]);
    expect(log[0]!.input).to.deep.include({ urgency: 'URGENT', location: '9 Willow Court' });

    // Another concern gets another key.
    get(el, '.confirmation button').click();
    await settle(el);
    expect(focused(el)).to.equal(what(get(el, '.step-heading')));
    await fillToCheck(el);
    await next(el);
    await until(() => !!find(el, '[part~="reference"]'));
    const keys = (await gatewayLog()).log.map((e) => e.idempotencyKey);
    expect(new Set(keys).size).to.equal(2);
  });

  it('sends a public concern with raisePublicConcern, anonymous unless contact details are given', async () => {
    const el = await newForm({ mode: 'public', token: 'public-token' });
    await choose(el, 'urgency', 'ROUTINE');
    await next(el);
    await choose(el, 'aboutSelf', 'no');
    await type(el, 'subjectDescription', 'The boy next door');
    await type(el, 'location', '12 Elm Row');
    await next(el);
    await type(el, 'whatHappened', 'He is left alone at night.');
    await next(el);
    expect(stepId(el)).to.equal('contact');
    await type(el, 'contact.email', 'not an email');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      'Enter an email address in the right format, like name@example.com',
    ]);
    await type(el, 'contact.email', '');
    await next(el);
    await next(el);
    await until(() => !!find(el, '[part~="reference"]'));
    const { log } = await gatewayLog();
    expect(log.map((e) => e.operationName)).to.deep.equal(['RaisePublicConcern']);
    expect(log[0]!.input).to.deep.equal({
      urgency: 'ROUTINE',
      aboutSelf: false,
      subjectDescription: 'The boy next door',
      location: '12 Elm Row',
      whatHappened: 'He is left alone at night.',
      childrenPresent: 'NOT_KNOWN',
    });
    expect(text(get(el, '.confirmation'))).to.contain('If you left contact details, we may get in touch.');
  });

  it('shows the gateway’s field errors on the step that asks them, after check your answers', async () => {
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', {
      badInput: [{ field: 'location', code: 'too_small', message: 'Enter the address or place' }],
    });
    await next(el);
    await until(() => summaryLinks(el).length > 0, 5000, 'the error summary');
    expect(summaryLinks(el)).to.deep.equal(['Enter the address or place']);
    expect(focused(el)).to.equal(what(get(el, '.error-summary')));
    get(el, '.error-summary a').click();
    await settle(el);
    expect(stepId(el)).to.equal('who');
    expect(focused(el)).to.equal(what(field(el, 'location')));
    expect(field(el, 'location').getAttribute('aria-invalid')).to.equal('true');
  });

  it('does not queue a refused concern: it says why, keeps the answers and fires sg-error', async () => {
    const el = await newForm({ token: 'expired' });
    await gateway('scenario', { tokens: ['good'] });
    await fillToCheck(el);
    const failed = oneEvent(el, 'sg-error') as Promise<SgErrorEvent>;
    await next(el);
    const event = await failed;
    expect(event.code).to.equal('UNAUTHENTICATED');
    expect(event.bubbles && event.composed).to.equal(true);
    await settle(el);
    expect(text(get(el, '.error-summary'))).to.contain(
      'You need to sign in again. Nothing you typed has been lost.',
    );
    expect(focused(el)).to.equal(what(get(el, '.error-summary')));
    expect(stepId(el)).to.equal('check');
    expect(text(get(el, '.summary'))).to.contain('9 Willow Court');
    expect(what(find(el, '[part~="queued"]'))).to.equal('nothing');
    // It sat in the outbox while it was being sent; the count is read again once it is taken out.
    await until(() => text(get(el, '[part~="status"]')) === '', 5000, 'the outbox count to go back to none');
  });

  it('reads answers into input the schemas accept, with the time as ISO 8601 and an offset', () => {
    const staff = readConcernInput({
      urgency: 'URGENT',
      subjectDescription: '  Older woman  ',
      location: '9 Willow Court',
      whatHappened: 'Her grandson keeps her bank card.',
      happenedAt: '2025-07-14T16:45',
      categories: ['FINANCIAL', 'NEGLECT'],
      primaryCategory: 'NEGLECT',
      'personViews.status': 'ASKED_NONE_EXPRESSED',
      'personViews.views': 'typed, then the answer changed',
      'consent.status': 'GIVEN',
      'consent.reason': 'no longer applies',
      mentalCapacityConcern: ['true'],
    });
    const parsed = parseWith(raiseConcernInputSchema, staff);
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.data).to.deep.include({ subjectDescription: 'Older woman', primaryCategory: 'NEGLECT' });
    expect(parsed.data.personViews).to.deep.equal({
      status: 'ASKED_NONE_EXPRESSED',
      views: undefined,
      notAskedReason: undefined,
    });
    expect(parsed.data.consent).to.deep.equal({ status: 'GIVEN', reason: undefined });
    expect(parsed.data.mentalCapacityConcern).to.equal(true);
    expect(parsed.data.happenedAt).to.match(/^2025-07-14T16:45:00[+-]\d\d:\d\d$/);

    const pub = readPublicInput({
      urgency: 'LOW_LEVEL',
      aboutSelf: 'yes',
      subjectDescription: 'Me',
      location: 'Flat 1',
      whatHappened: 'My carer takes my money',
      views: 'I want a new carer',
      consent: 'REFUSED',
      'contact.phone': '01632 960 000',
    });
    const parsedPublic = parseWith(publicConcernInputSchema, pub);
    expect(parsedPublic.ok && parsedPublic.data).to.deep.include({
      aboutSelf: true,
      views: 'I want a new carer',
      consent: 'REFUSED',
      contact: { name: undefined, phone: '01632 960 000', email: undefined },
    });
  });

  it('turns a datetime-local value into ISO 8601 with the offset of that date', () => {
    for (const [value, date] of [
      ['2026-01-15T09:30', new Date(2026, 0, 15, 9, 30)],
      ['2025-07-01T23:05', new Date(2025, 6, 1, 23, 5)],
    ] as const) {
      const iso = localDateTimeToIso(value)!;
      expect(iso).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(Date.parse(iso)).to.equal(date.getTime());
    }
    expect(localDateTimeToIso('')).to.equal(undefined);
    expect(localDateTimeToIso('2026-02-30T10:00')).to.equal('2026-02-30T10:00');
  });
});

describe('<sg-concern-form> keyboard', () => {
  it('can be completed and sent with the keyboard alone', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">Before</button>
        <sg-concern-form mode="contractor" endpoint=${FAKE} token="t"></sg-concern-form>
      </div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await settle(el);
    wrapper.querySelector('button')!.focus();
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await settle(el);
    };
    const tabTo = async (target: Element) => {
      for (let i = 0; i < 40 && el.shadowRoot!.activeElement !== target; i++) await press('Tab');
      expect(focused(el)).to.equal(what(target));
    };

    await press('Tab');
    expect(focused(el)).to.equal(what(field(el, 'urgency', 'IMMEDIATE_DANGER')));
    const ring = getComputedStyle(field(el, 'urgency', 'IMMEDIATE_DANGER').nextElementSibling!, '::before');
    expect(ring.boxShadow).to.contain('rgb(255, 221, 0)');
    await press('ArrowDown');
    expect(field(el, 'urgency', 'URGENT').checked).to.equal(true);
    await press('Enter'); // submits the step, like any form
    expect(stepId(el)).to.equal('who');
    expect(focused(el)).to.equal(what(get(el, '.step-heading')));

    await press('Tab');
    expect(focused(el)).to.equal(what(field(el, 'subjectDescription')));
    expect(getComputedStyle(field(el, 'subjectDescription')).outlineWidth).to.equal('3px');
    await sendKeys({ type: 'Tenant in flat 2' });
    await press('Tab');
    await sendKeys({ type: '2 Oak Road' });
    await press('Enter');
    expect(stepId(el)).to.equal('what');
    await press('Tab');
    await sendKeys({ type: 'Bruises on her arms.' });
    await tabTo(get(el, 'button[type="submit"]'));
    await press('Enter');
    expect(stepId(el)).to.equal('views');

    await tabTo(field(el, 'personViews.status', 'ASKED_EXPRESSED'));
    await press('Space');
    await press('Tab');
    expect(focused(el)).to.equal(what(field(el, 'personViews.views')));
    await sendKeys({ type: 'To stay at home' });
    await tabTo(field(el, 'consent.status', 'GIVEN'));
    await press('Space');
    await tabTo(get(el, 'button[type="submit"]'));
    await press('Enter');
    expect(stepId(el)).to.equal('check');
    await tabTo(get(el, 'button[type="submit"]'));
    await press('Enter');
    await until(() => !!find(el, '[part~="reference"]'));
    expect(focused(el)).to.equal(what(get(el, '.confirmation__title')));
    const { log } = await gatewayLog();
    expect(log[0]!.input).to.deep.include({
      urgency: 'URGENT',
      subjectDescription: 'Tenant in flat 2',
      location: '2 Oak Road',
      whatHappened: 'Bruises on her arms.',
    });
  });
});

describe('<sg-concern-form> focus', () => {
  it('shows the focus indicator at every keyboard stop of "When did it happen?", its calendar button too', async () => {
    const el = await newForm({ mode: 'public' });
    while (stepId(el) !== 'what') {
      await answer(el);
      await next(el);
    }
    const when = field(el, 'happenedAt');
    field(el, 'whatHappened').focus();
    await sendKeys({ press: 'Tab' });
    // Each part of the date and time is a stop, and then the calendar button: focus stays on the
    // input throughout, and Chromium reports neither :focus nor :focus-visible for the button.
    const stops: string[] = [];
    while (el.shadowRoot!.activeElement === when && stops.length < 12) {
      stops.push(visibleOutline(when));
      await sendKeys({ press: 'Tab' });
    }
    expect(stops.length, 'date, time and calendar button').to.be.at.least(6);
    expect(stops).to.deep.equal(stops.map(() => 'solid 3px rgb(255, 221, 0)'));
    const button = get(el, 'button[type="submit"]');
    expect(focused(el)).to.equal(what(button));
    expect(getComputedStyle(button).backgroundColor, 'Continue turns yellow').to.equal('rgb(255, 221, 0)');
  });
});

describe('<sg-concern-form> languages', () => {
  it('speaks Welsh under lang="cy", and follows a change of lang', async () => {
    const el = await newForm({ lang: 'cy' });
    expect(step(el)).to.equal('Pa mor frys yw hyn?');
    expect(text(get(el, '[part~="warning"]'))).to.contain('ffoniwch 999 nawr');
    expect(get(el, '[part~="base"]').getAttribute('lang')).to.equal('cy');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal(['Dewiswch pa mor frys yw hyn']);
    expect(text(get(el, '.error-summary h2'))).to.equal('Mae problem wedi codi');

    el.parentElement!.setAttribute('lang', 'en-GB');
    await nextFrame();
    await el.updateComplete;
    expect(step(el)).to.equal('How urgent is it?');
    expect(summaryLinks(el)).to.deep.equal(['Select how urgent this is']);
  });

  it('asks for unusual characters (NUL, half a surrogate pair) to be removed, in Welsh too', async () => {
    const el = await newForm({ lang: 'cy' });
    await answer(el);
    await next(el);
    await type(el, 'subjectDescription', 'Menyw hŷn, fflat 2\u0000');
    await type(el, 'location', '9 Llys yr Helyg\uD800');
    await next(el);
    const welsh = 'Tynnwch y nodau anarferol: daw rhai i mewn wrth gopïo a gludo testun';
    expect(summaryLinks(el)).to.deep.equal([welsh, welsh]);
    el.parentElement!.setAttribute('lang', 'en-GB');
    await nextFrame();
    await el.updateComplete;
    expect(summaryLinks(el)[0]).to.equal(
      'Remove the unusual characters: some come in when text is copied and pasted',
    );
  });

  it('falls back to English for a language it does not have, and takes new ones', async () => {
    registerTranslation({ ...en, $code: 'zz', concernForm: { ...en.concernForm, continue: 'Weiter (zz)' } });
    const el = await newForm({ lang: 'zz-ZZ' });
    expect(text(get(el, 'button[type="submit"]'))).to.equal('Weiter (zz)');
    el.parentElement!.setAttribute('lang', 'fr');
    await nextFrame();
    await el.updateComplete;
    expect(text(get(el, 'button[type="submit"]'))).to.equal('Continue');
  });

  it('has every string in Welsh, and counts with each plural form', () => {
    const keys = (value: unknown, path = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${path}.${k}`))
        : [path];
    const english = keys(en).filter((k) => !k.includes('.waiting.'));
    const welsh = new Set(keys(cy));
    expect(english.filter((k) => !welsh.has(k))).to.deep.equal([]);

    const waiting = (n: number, t = en) => plural(t.concernForm.queued.waiting, n, t.$code);
    expect(waiting(1)).to.equal('1 concern waiting to send');
    expect(waiting(3)).to.equal('3 concerns waiting to send');
    expect([0, 1, 2, 3, 4, 6, 11].map((n) => waiting(n, cy))).to.deep.equal([
      'Dim pryderon yn aros i gael eu hanfon',
      '1 pryder yn aros i gael ei anfon',
      '2 bryder yn aros i gael eu hanfon',
      '3 phryder yn aros i gael eu hanfon',
      '4 o bryderon yn aros i gael eu hanfon',
      '6 phryder yn aros i gael eu hanfon',
      '11 o bryderon yn aros i gael eu hanfon',
    ]);
  });
});

describe('the validation these tests run', () => {
  it('is the shared schema on zod-lite, as in the bundle', () => {
    expect(raiseConcernInputSchema).to.be.instanceOf(Schema);
    expect(publicConcernInputSchema).to.be.instanceOf(Schema);
  });
});
