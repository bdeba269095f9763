import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FEEDBACK_PRINCIPLES } from '@doorstep/schema';
import type { SgFeedbackSubmittedEvent } from '../events/feedback-submitted.js';
import {
  connection,
  DEMO,
  doorstepReady,
  GATEWAY,
  graphql,
  publicToken,
  sql,
  tenantToken,
  tokenFor,
} from '../test-support/doorstep.js';
import { field, find, focused, get, text, until, visible } from '../test-support/dom.js';
import { clearDeviceStorage, rawRecords } from '../test-support/storage.js';
import type { SgFeedback } from './feedback.js';
import './define.js';

let token: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  token = await publicToken();
});

/**
 * Each test's feedback is told apart by its comment. Each starts on a fresh device: no draft of
 * another test's answers, nothing waiting in the outbox.
 */
let marker = '';
beforeEach(async () => {
  marker = `test ${crypto.randomUUID()}`;
  await clearDeviceStorage();
});

const stored = () =>
  sql<{
    anonymous: boolean;
    name: string | null;
    phone: string | null;
    language: string;
    channel: string;
    concern_id: string | null;
    ratings: unknown;
  }>(
    `select f.*, (select json_agg(json_build_object('principle', r.principle, 'score', r.score))
                    from feedback_rating r where r.feedback_id = f.id) as ratings
       from feedback f where f.comment = $1`,
    [marker],
  );

async function newFeedback(
  options: { lang?: string; link?: string; endpoint?: string; token?: string } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-feedback
        endpoint=${options.endpoint ?? GATEWAY}
        .token=${options.token ?? token}
        link=${options.link ?? ''}
      ></sg-feedback>
    </div>`,
  );
  const el = wrapper.querySelector('sg-feedback')!;
  await el.updateComplete;
  return el;
}

async function choose(el: SgFeedback, name: string, value: string) {
  field(el, name, value).click();
  await el.updateComplete;
}

async function type(el: SgFeedback, name: string, value: string) {
  const control = field(el, name);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function send(el: SgFeedback) {
  get(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

const sent = (el: SgFeedback) => until(() => !!find(el, '[part~="confirmation"]'), 10_000, 'the thank-you');
const summary = (el: SgFeedback) =>
  [...el.shadowRoot!.querySelectorAll('.error-summary a')].map((a) => text(a));

/** Answers two questions, writes the comment and stays anonymous. */
async function fillIn(el: SgFeedback) {
  await choose(el, 'rating.EMPOWERMENT', '5');
  await choose(el, 'rating.PARTNERSHIP', '2');
  await type(el, 'comment', marker);
  await choose(el, 'named', 'no');
}

/** A closed concern of the demo provider and a one-time feedback link for it, made by the lead. */
async function closedConcernLink(): Promise<{ link: string; concernId: string }> {
  const lead = await tokenFor(DEMO.lead);
  const { raiseConcern } = await graphql<{ raiseConcern: { reference: string } }>(
    `
      mutation ($key: String!, $input: RaiseConcernInput!) {
        raiseConcern(idempotencyKey: $key, input: $input) {
          reference
        }
      }
    `,
    {
      key: crypto.randomUUID(),
      input: {
        urgency: 'LOW_LEVEL',
        categories: ['SELF_NEGLECT'],
        subjectDescription: 'Tenant, flat 9',
        location: '9 Test Road',
        whatHappened: 'Asked for help with bills.',
        personViews: { status: 'ASKED_EXPRESSED', views: 'Help with bills' },
        consent: { status: 'GIVEN' },
      },
    },
    lead,
  );
  const [concern] = await sql<{ id: string }>('select id from concern where reference = $1', [
    raiseConcern.reference,
  ]);
  const concernId = concern!.id;
  await graphql(
    `
      mutation ($id: ID!) {
        triageConcern(
          id: $id
          input: { decision: NO_FURTHER_ACTION, riskLevel: LOW, reason: "Advice given" }
        ) {
          id
        }
      }
    `,
    { id: concernId },
    lead,
  );
  await graphql(
    `
      mutation ($id: ID!) {
        closeConcern(id: $id, input: { reason: "Resolved" }) {
          id
        }
      }
    `,
    { id: concernId },
    lead,
  );
  const { createFeedbackLink } = await graphql<{ createFeedbackLink: { token: string } }>(
    `
      mutation ($id: ID!) {
        createFeedbackLink(concernId: $id) {
          token
          expiresAt
        }
      }
    `,
    { id: concernId },
    lead,
  );
  return { link: createFeedbackLink.token, concernId };
}

describe('<sg-feedback>', () => {
  it('is accessible as it opens, in English and in Welsh', async () => {
    const el = await newFeedback();
    await expect(el).to.be.accessible();
    expect(text(get(el, '.title'))).to.equal('Tell us how we did');
    expect(text(get(el, '.notice--emergency'))).to.contain('call 999');
    const cy = await newFeedback({ lang: 'cy' });
    await expect(cy).to.be.accessible();
    expect(text(get(cy, '.title'))).to.equal('Dywedwch wrthym sut wnaethon ni');
    expect(get(cy, '[part~="base"]').getAttribute('lang')).to.equal('cy');
  });

  it('asks one question for each of the six principles, each with five answers and none chosen', async () => {
    const el = await newFeedback();
    const legends = [...el.shadowRoot!.querySelectorAll('fieldset')].map((f) => f.querySelector('legend'));
    expect(legends.length).to.equal(FEEDBACK_PRINCIPLES.length + 1);
    for (const principle of FEEDBACK_PRINCIPLES) {
      const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>(`[name="rating.${principle}"]`);
      expect([...radios].map((r) => r.value)).to.deep.equal(['5', '4', '3', '2', '1']);
      expect([...radios].some((r) => r.checked)).to.equal(false);
    }
    expect(text(find(el, 'label[for="rating-EMPOWERMENT-5"]'))).to.equal('Yes, completely');
  });

  it('sends anonymous feedback with the public token, and stores it once with its scores and language', async () => {
    const el = await newFeedback();
    const events: SgFeedbackSubmittedEvent[] = [];
    el.addEventListener('sg-feedback-submitted', (event) => events.push(event));
    await fillIn(el);
    await send(el);
    await sent(el);
    await expect(el).to.be.accessible();
    expect(text(get(el, '.title'))).to.equal('Thank you for your feedback');
    expect(focused(el)).to.equal('h2.title');
    const rows = await stored();
    expect(rows.length).to.equal(1);
    expect(rows[0]!.anonymous).to.equal(true);
    expect(rows[0]!.name).to.equal(null);
    expect(rows[0]!.language).to.equal('en');
    expect(rows[0]!.channel).to.equal('WEB');
    expect(JSON.stringify(rows[0]!.ratings)).to.contain('EMPOWERMENT');
    expect(events.length).to.equal(1);
    expect(Date.parse(events[0]!.receivedAt)).to.be.closeTo(Date.now(), 60_000);
    expect(events[0]!.composed && events[0]!.bubbles).to.equal(true);
    expect(JSON.stringify(events[0])).not.to.contain(marker);
  });

  it('shows what the provider changed after listening, once the feedback is sent', async () => {
    const el = await newFeedback();
    await fillIn(el);
    await send(el);
    await sent(el);
    await until(() => !!find(el, '[part~="changes"] li'), 5000, 'you said, we did');
    const [published] = await sql<{ you_said: string }>(
      'select you_said from you_said_we_did where withdrawn_at is null order by published_at desc limit 1',
    );
    expect(text(get(el, '[part~="changes"]'))).to.contain(published!.you_said);
    await expect(el).to.be.accessible();
  });

  it('keeps a name and contact details only when the person chooses to give them', async () => {
    const el = await newFeedback();
    await choose(el, 'rating.PREVENTION', '4');
    await type(el, 'comment', marker);
    await choose(el, 'named', 'yes');
    expect(visible(find(el, '[name="name"]'))).to.equal(true);
    await type(el, 'name', 'Alex Morgan');
    await type(el, 'phone', '01632 960 001');
    await send(el);
    await sent(el);
    const [row] = await stored();
    expect(row!.anonymous).to.equal(false);
    expect(row!.name).to.equal('Alex Morgan');
    expect(row!.phone).to.equal('01632 960 001');
  });

  it('drops a name typed before the person chose to stay anonymous', async () => {
    const el = await newFeedback();
    await choose(el, 'rating.PREVENTION', '3');
    await type(el, 'comment', marker);
    await choose(el, 'named', 'yes');
    await type(el, 'name', 'Alex Morgan');
    await choose(el, 'named', 'no');
    expect(visible(find(el, '[name="name"]'))).to.equal(false);
    await send(el);
    await sent(el);
    const [row] = await stored();
    expect(row!.anonymous).to.equal(true);
    expect(row!.name).to.equal(null);
  });

  it('lists what is missing in an error summary that takes focus and links to each question', async () => {
    const el = await newFeedback();
    await send(el);
    await until(() => summary(el).length > 0);
    expect(summary(el)).to.deep.equal(['Select whether you want to tell us your name']);
    expect(focused(el)).to.equal('div.error-summary');
    await expect(el).to.be.accessible();
    expect(text(get(el, '#named-error'))).to.equal('Error: Select whether you want to tell us your name');
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#named-no[name=named].choice__input');

    await choose(el, 'named', 'no');
    await send(el);
    await until(() => summary(el)[0] !== 'Select whether you want to tell us your name');
    expect(summary(el)).to.deep.equal(['Answer at least one question, or write something in the box']);
    expect(text(get(el, '#rating-EMPOWERMENT-error'))).to.contain('Error:');
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#rating-EMPOWERMENT-5[name=rating.EMPOWERMENT].choice__input');

    await choose(el, 'named', 'yes');
    await choose(el, 'rating.EMPOWERMENT', '4');
    await type(el, 'comment', marker);
    await send(el);
    await until(() => summary(el)[0] === 'Enter your name, or choose to stay anonymous');
    expect(focused(el)).to.equal('div.error-summary');
    await expect(el).to.be.accessible();
    expect(await stored(), 'nothing is sent until the answers are complete').to.have.length(0);
  });

  it('refuses a phone number the gateway would refuse, in the person’s language', async () => {
    const el = await newFeedback({ lang: 'cy' });
    await choose(el, 'rating.PROTECTION', '5');
    await choose(el, 'named', 'yes');
    await type(el, 'name', 'Alex');
    await type(el, 'phone', 'call me');
    await send(el);
    await until(() => summary(el).length > 0);
    expect(summary(el)).to.deep.equal(['Rhowch rif ffôn, fel 01632 960 001 neu +44 7700 900 982']);
    await expect(el).to.be.accessible();
  });

  it('asks for unusual characters to be removed before sending, in the person’s language', async () => {
    const el = await newFeedback({ lang: 'cy' });
    await choose(el, 'rating.PROTECTION', '5');
    await choose(el, 'named', 'no');
    await type(el, 'comment', 'Diolch\uD800');
    await send(el);
    await until(() => summary(el).length > 0);
    expect(summary(el)).to.deep.equal([
      'Tynnwch y nodau anarferol: daw rhai i mewn wrth gopïo a gludo testun',
    ]);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await newFeedback();
    const language = get(el, '[part~="language"]');
    language.focus();
    // From the language switch: Tab to the first question, arrow keys choose within it.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.contain('rating-EMPOWERMENT-5');
    await sendKeys({ press: 'ArrowDown' });
    expect(field(el, 'rating.EMPOWERMENT', '4').checked).to.equal(true);
    for (let i = 0; i < FEEDBACK_PRINCIPLES.length; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('textarea#comment[name=comment].textarea');
    await sendKeys({ type: marker });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.contain('named-no');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.contain('button');
    await sendKeys({ press: 'Enter' });
    await sent(el);
    expect(focused(el)).to.equal('h2.title');
    const [row] = await stored();
    expect(JSON.stringify(row!.ratings)).to.contain('"score":4');
  });

  it('switches between English and Welsh with its own button, and records the language used', async () => {
    const el = await newFeedback();
    const button = get(el, '[part~="language"]');
    expect(text(button)).to.equal('Cymraeg');
    expect(button.getAttribute('lang')).to.equal('cy');
    button.click();
    await until(() => text(find(el, '.title')) === 'Dywedwch wrthym sut wnaethon ni');
    expect(text(get(el, '[part~="language"]'))).to.equal('English');
    await expect(el).to.be.accessible();
    await fillIn(el);
    await send(el);
    await sent(el);
    expect(text(get(el, '.title'))).to.equal('Diolch am eich adborth');
    const [row] = await stored();
    expect(row!.language).to.equal('cy');
  });

  it('keeps the answers when the connection fails, and stores them once when sent again', async () => {
    const el = await newFeedback({ endpoint: 'http://127.0.0.1:9/graphql' });
    const errors: string[] = [];
    el.addEventListener('sg-error', (event) => errors.push(event.code));
    await fillIn(el);
    await send(el);
    await until(() => !!find(el, '.error-summary [role="alert"]'));
    expect(text(get(el, '.error-summary'))).to.contain('Your answers are still here');
    expect(focused(el)).to.equal('div.error-summary');
    expect(errors).to.deep.equal(['NETWORK_ERROR']);
    await expect(el).to.be.accessible();
    expect(field(el, 'rating.EMPOWERMENT', '5').checked).to.equal(true);
    expect(field(el, 'comment').value).to.equal(marker);
    el.endpoint = GATEWAY;
    await send(el);
    await sent(el);
    expect(await stored()).to.have.length(1);
  });

  it('sends a tenant’s feedback with their tenant site’s token, keeping who they are only when named', async () => {
    const named = await newFeedback({ token: await tenantToken('T-FEEDBACK-1') });
    await fillIn(named);
    await choose(named, 'named', 'yes');
    await type(named, 'name', 'Alex Morgan');
    await send(named);
    await sent(named);
    const anonymous = await newFeedback({ token: await tenantToken('T-FEEDBACK-2') });
    await fillIn(anonymous);
    await send(anonymous);
    await sent(anonymous);
    const rows = await sql<{ tenant_ref: string | null }>(
      'select tenant_ref from feedback where comment = $1 order by received_at',
      [marker],
    );
    expect(rows.map((r) => r.tenant_ref)).to.deep.equal(['T-FEEDBACK-1', null]);
  });

  describe('entered by staff for a tenant (channel)', () => {
    it('says whose answers they are, saves them with the channel, and opens a fresh form for the next', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB">
          <sg-feedback
            endpoint=${GATEWAY}
            .token=${await tokenFor(DEMO.frontline)}
            channel="phone"
            link="fb_${'b'.repeat(43)}"
          ></sg-feedback>
        </div>`,
      );
      const el = wrapper.querySelector('sg-feedback')!;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelectorAll('[part~="notice"]')[1])).to.contain(
        'You are entering the answers a tenant gave by phone',
      );
      await expect(el).to.be.accessible();
      await fillIn(el);
      await send(el);
      await sent(el);
      expect(text(get(el, '.title'))).to.equal('Feedback saved');
      await expect(el).to.be.accessible();
      const [row] = await stored();
      expect(row).to.include({ channel: 'PHONE', anonymous: true, concern_id: null });
      get(el, '[part~="confirmation"] ~ button').click();
      await el.updateComplete;
      await until(() => !!find(el, 'form'));
      expect(focused(el)).to.equal('h2.title');
      expect(field(el, 'comment').value, 'a fresh form').to.equal('');
    });
  });

  describe('with a one-time link from a closed concern', () => {
    it('says named answers are linked to it, sends them linked, and says so when the link is used again', async () => {
      const { link, concernId } = await closedConcernLink();
      const el = await newFeedback({ link });
      await until(() => !!find(el, '.notice[role="status"]'));
      expect(text(get(el, '.notice[role="status"]'))).to.contain(
        'If you tell us your name, your answers will be linked to it',
      );
      await expect(el).to.be.accessible();
      await fillIn(el);
      await choose(el, 'named', 'yes');
      await type(el, 'name', 'Alex Morgan');
      await send(el);
      await sent(el);
      const [row] = await stored();
      expect(row!.concern_id).to.equal(concernId);
      const again = await newFeedback({ link });
      await until(() => !!find(again, '.notice[role="status"]'));
      expect(text(get(again, '.notice[role="status"]'))).to.contain('already been used');
      await expect(again).to.be.accessible();
    });

    it('uses the link up but keeps no trace of it or its concern when the answers are anonymous', async () => {
      const { link, concernId } = await closedConcernLink();
      const el = await newFeedback({ link });
      await until(() => !!find(el, '.notice[role="status"]'));
      await fillIn(el);
      await send(el);
      await sent(el);
      const [row] = await stored();
      expect(row!.concern_id).to.equal(null);
      const [used] = await sql<{ used: boolean }>(
        'select used_at is not null as used from feedback_link where concern_id = $1',
        [concernId],
      );
      expect(used!.used, 'single use still').to.equal(true);
    });

    it('says when a link has expired, and sends the answers without it', async () => {
      const { link, concernId } = await closedConcernLink();
      await sql(`update feedback_link set expires_at = now() - interval '1 day' where concern_id = $1`, [
        concernId,
      ]);
      const el = await newFeedback({ link });
      await until(() => !!find(el, '.notice[role="status"]'));
      expect(text(get(el, '.notice[role="status"]'))).to.contain('This link has expired');
      await expect(el).to.be.accessible();
      await fillIn(el);
      await send(el);
      await sent(el);
      const [row] = await stored();
      expect(row!.concern_id).to.equal(null);
    });

    it('tells the person when the link was used meanwhile, and sends without it when asked again', async () => {
      const { link } = await closedConcernLink();
      const el = await newFeedback({ link });
      await until(() => !!find(el, '.notice[role="status"]'));
      const elsewhere = await newFeedback({ link });
      await until(() => !!find(elsewhere, '.notice[role="status"]'));
      await choose(elsewhere, 'rating.PROTECTION', '5');
      await choose(elsewhere, 'named', 'no');
      await send(elsewhere);
      await sent(elsewhere);

      await fillIn(el);
      await send(el);
      await until(() => !!find(el, '.error-summary [role="alert"]'));
      expect(text(get(el, '.error-summary'))).to.contain('Your link has already been used');
      expect(focused(el)).to.equal('div.error-summary');
      await expect(el).to.be.accessible();
      expect(await stored()).to.have.length(0);
      await send(el);
      await sent(el);
      const rows = await stored();
      expect(rows.map((r) => r.concern_id)).to.deep.equal([null]);
    });
  });

  describe('when the connection fails', () => {
    afterEach(() => connection(true));

    it('keeps the answers through a reload, encrypted, and sends them once when the connection returns', async function () {
      this.timeout(20_000);
      const el = await newFeedback();
      const errors: string[] = [];
      el.addEventListener('sg-error', (event) => errors.push(event.code));
      await fillIn(el);
      await connection(false);
      await send(el);
      await until(() => !!find(el, '.error-summary [role="alert"]'), 10_000, 'the failure');
      expect(text(get(el, '.error-summary'))).to.contain(
        'We have kept them on this device and will send them, once, when the connection is back.',
      );
      expect(errors).to.deep.equal(['NETWORK_ERROR']);
      await expect(el).to.be.accessible();
      const outbox = await rawRecords('outbox');
      expect(outbox).to.have.length(1);
      expect(
        JSON.stringify(outbox) + new TextDecoder('latin1').decode(outbox[0]!.data as ArrayBuffer),
      ).not.to.contain(marker);
      await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
      el.remove(); // the page is closed, or reloaded

      const again = await newFeedback();
      await until(() => field(again, 'comment').value === marker, 5000, 'the answers back');
      expect(field(again, 'rating.PARTNERSHIP', '2').checked).to.equal(true);
      expect(text(get(again, '.error-summary'))).to.contain('We have kept them on this device');
      expect(text(get(again, '.notice:not([part])'))).to.contain(
        'We kept the answers you started on this device.',
      );
      await expect(again).to.be.accessible();
      expect(await stored(), 'nothing stored while the connection is down').to.deep.equal([]);

      const submitted = new Promise<SgFeedbackSubmittedEvent>((resolve) =>
        again.addEventListener('sg-feedback-submitted', resolve, { once: true }),
      );
      await connection(true);
      window.dispatchEvent(new Event('online'));
      await sent(again);
      const event = await submitted;
      expect(event.idempotencyKey).to.equal(outbox[0]!.id);
      expect(await stored()).to.have.length(1);
      expect(await rawRecords('outbox'), 'sent, so gone').to.deep.equal([]);
      await until(async () => (await rawRecords('drafts')).length === 0, 3000, 'the draft to go');
      // Again online and visible: nothing more is sent.
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await stored()).to.have.length(1);
    });
    it('lets the person start again after a reload: the answers, the draft and what waited are gone, nothing sent', async function () {
      this.timeout(20_000);
      const el = await newFeedback();
      await fillIn(el);
      await connection(false);
      await send(el);
      await until(() => !!find(el, '.error-summary [role="alert"]'), 10_000, 'the failure');
      await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
      el.remove();

      const again = await newFeedback();
      await until(() => field(again, 'comment').value === marker, 5000, 'the answers back');
      get(again, '.notice:not([part]) button').click();
      await again.updateComplete;
      expect(field(again, 'comment').value).to.equal('');
      expect(find(again, '.error-summary')).to.equal(null);
      expect(focused(again)).to.equal('h2.title');
      await until(async () => (await rawRecords('drafts')).length === 0, 3000, 'the draft to go');
      await until(async () => (await rawRecords('outbox')).length === 0, 3000, 'the outbox to empty');
      await connection(true);
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await stored()).to.deep.equal([]);
    });
  });

  describe('on small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    for (const [label, width] of [
      ['a 320px phone', 320],
      ['200% zoom (a 1280px window zoomed in: 640 CSS px)', 640],
    ] as const) {
      it(`fits ${label} with nothing wider than the window`, async () => {
        await setViewport({ width, height: 640 });
        const el = await newFeedback();
        await send(el);
        await until(() => summary(el).length > 0);
        for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
          if (!element.checkVisibility()) continue;
          expect(element.getBoundingClientRect().right, element.className).to.be.at.most(width + 0.5);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        expect(get(el, 'button[type="submit"]').getBoundingClientRect().height).to.be.at.least(44);
      });
    }
  });
});
