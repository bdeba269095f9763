import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SgReferralMovedEvent } from '../events/referral-moved.js';
import {
  connection,
  DEMO,
  doorstepReady,
  GATEWAY,
  graphql,
  graphqlDirect,
  openStreams,
  sql,
  tokenFor,
} from '../test-support/doorstep.js';
import { find, focused, get, text, until, what } from '../test-support/dom.js';
import type { SgReferralTracker } from './referral-tracker.js';
import './define.js';
import '../provider/define.js';

// Riverside Homes (the demo housing provider) refers concerns to Northshire Adult Social Care, the
// demo partner agency, whose officer is Dee Patel (gateway/src/db/demo.ts). Each test sends its own
// referrals through the real gateway and finds them by id: the list holds every earlier test's too.
const NORTHSHIRE = '00000000-0000-4000-8000-000000000003';

const tokens: Record<string, string> = {};
let concernId: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  for (const who of ['lead', 'frontline', 'contractor', 'manager', 'champion', 'agency'] as const)
    tokens[who] = await tokenFor(DEMO[who]);
  const { concerns } = await graphql<{ concerns: { edges: { node: { id: string } }[] } }>(
    'query { concerns(first: 1) { edges { node { id } } } }',
    {},
    tokens.lead!,
  );
  concernId = concerns.edges[0]!.node.id;
});

/** A new referral from Riverside's lead to Northshire; its id. */
async function refer(summary = 'Older man, no heating; needs a care assessment.'): Promise<string> {
  const { referConcern } = await graphqlDirect<{ referConcern: { id: string } }>(
    'mutation ($input: ReferConcernInput!) { referConcern(input: $input) { id } }',
    {
      input: {
        concernId,
        recipientOrganisationId: NORTHSHIRE,
        reason: 'Needs a care needs assessment',
        legalBasis: 'RISK_TO_ADULT',
        legalBasisReason: 'He may be at risk of neglect.',
        summary,
      },
    },
    tokens.lead!,
  );
  return referConcern.id;
}

const VERSION = 'query ($id: ID!) { referral(id: $id) { version } }';
/** The agency moves a referral, as another officer would, straight to the gateway. */
async function agencyMoves(id: string, mutation: 'acknowledgeReferral' | 'acceptReferral') {
  const { referral } = await graphqlDirect<{ referral: { version: number } }>(
    VERSION,
    { id },
    tokens.agency!,
  );
  await graphqlDirect(
    `mutation ($input: ReferralMoveInput!) { ${mutation}(input: $input) { id } }`,
    { input: { referralId: id, version: referral.version } },
    tokens.agency!,
  );
}
async function agencyWrites(id: string, body: string) {
  await graphqlDirect(
    'mutation ($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id } }',
    { input: { referralId: id, body } },
    tokens.agency!,
  );
}

interface Options {
  token?: string;
  mode?: 'provider' | 'agency';
  lang?: string;
  pageSize?: number;
  noLive?: boolean;
}
async function newTracker(options: Options = {}): Promise<SgReferralTracker> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-referral-tracker
        endpoint=${GATEWAY}
        mode=${options.mode ?? 'provider'}
        page-size=${options.pageSize ?? 20}
        ?no-live=${options.noLive ?? false}
        .token=${options.token ?? tokens.lead}
      ></sg-referral-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('sg-referral-tracker')!;
  await until(() => !!find(el, '[aria-busy="false"]'), 10_000, 'the referrals');
  await el.updateComplete;
  return el;
}

const all = (el: SgReferralTracker) => text(get(el, '.base'));
const row = (el: SgReferralTracker, id: string) =>
  find<HTMLElement>(el, `.row__open[data-id="${id}"]`)?.closest<HTMLElement>('.row') ?? null;
const rowIds = (el: SgReferralTracker) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row__open')].map((b) => b.dataset.id!);
const announced = (el: SgReferralTracker) => text(get(el, '[aria-live="polite"]'));
const button = (el: SgReferralTracker, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name) ?? null;
const buttons = (el: SgReferralTracker, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(selector)].map((b) => text(b));

async function open(el: SgReferralTracker, id: string) {
  await until(() => !!row(el, id), 8_000, `referral ${id} in the list`);
  get<HTMLButtonElement>(el, `.row__open[data-id="${id}"]`).click();
  await until(() => !!find(el, '#referral-title'), 8_000, 'the referral opened');
  await el.updateComplete;
}
const status = (el: SgReferralTracker) => text(get(el, '[part~="status"]'));
const type = async (el: SgReferralTracker, name: string, value: string) => {
  const field = get<HTMLTextAreaElement | HTMLSelectElement>(el, `[name="${name}"]`);
  field.value = value;
  field.dispatchEvent(new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
};
const moves = async (id: string) =>
  (await sql<{ to: string }>(`select "to" from referral_move where referral_id = $1 order by at`, [id])).map(
    (m) => m.to,
  );

describe('<sg-referral-tracker>', () => {
  it('is accessible while loading, and says it is loading', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><sg-referral-tracker endpoint=${GATEWAY} .token=${tokens.lead}></sg-referral-tracker></div>`,
    );
    const el = wrapper.querySelector('sg-referral-tracker')!;
    expect(text(get(el, '[role="status"]'))).to.equal('Loading referrals…');
    await expect(el).to.be.accessible();
  });

  describe('a safeguarding lead (the referrals Riverside sent)', () => {
    it('lists them newest first with the agency, status in words, sent and due dates; overdue in words', async () => {
      const older = await refer();
      const newer = await refer();
      await sql(`update referral set respond_by = now() - interval '2 days' where id = $1`, [older]);
      const el = await newTracker();
      await expect(el).to.be.accessible();
      expect(text(get(el, '#title'))).to.equal('Referrals you sent');
      const ids = rowIds(el);
      expect(ids.indexOf(newer)).to.be.lessThan(ids.indexOf(older));
      expect(ids.indexOf(newer)).to.equal(0);
      const line = text(row(el, newer));
      expect(line).to.contain('To Northshire Adult Social Care · Sent');
      expect(line).to.match(/Sent \d{1,2} \w+ \d{4} · Response due \d{1,2} \w+ \d{4}/);
      expect(line).not.to.contain('Overdue');
      // Overdue: the word, and a thick edge — not colour alone.
      const late = row(el, older)!;
      const badge = late.querySelector<HTMLElement>('[part~="overdue"]')!;
      expect(text(badge)).to.equal('Overdue');
      expect(badge.checkVisibility(), 'the word is shown').to.equal(true);
      expect(late.getAttribute('part')).to.equal('row row-overdue');
      expect(getComputedStyle(late).borderInlineStartWidth).to.equal('8px');
      // No person-level detail in the list.
      expect(all(el)).not.to.contain('Older man');
    });

    it('pages with "Show more referrals", focus on the first new one', async () => {
      await refer();
      await refer();
      await refer();
      const el = await newTracker({ pageSize: 2 });
      expect(rowIds(el)).to.have.length(2);
      expect(all(el)).to.match(/Showing 2 of \d+ referrals/);
      const first = rowIds(el);
      button(el, 'Show more referrals')!.click();
      await until(() => rowIds(el).length === 4, 8_000, 'the next page');
      await el.updateComplete;
      expect(rowIds(el).slice(0, 2)).to.deep.equal(first);
      expect(new Set(rowIds(el)).size).to.equal(4);
      await until(
        () => el.shadowRoot!.activeElement?.getAttribute('data-id') === rowIds(el)[2],
        3_000,
        'focus',
      );
    });

    it('filters by status, agency and overdue', async () => {
      const acknowledged = await refer();
      await agencyMoves(acknowledged, 'acknowledgeReferral');
      const late = await refer();
      await sql(`update referral set respond_by = now() - interval '1 day' where id = $1`, [late]);
      const el = await newTracker({ noLive: true });
      await until(() => !!find(el, 'select[name="agencyId"]'), 5_000, 'the agency filter');
      const agencies = [...el.shadowRoot!.querySelectorAll('select[name="agencyId"] option')].map((o) =>
        text(o),
      );
      expect(agencies).to.include('Northshire Adult Social Care');

      get<HTMLSelectElement>(el, 'select[name="status"]').value = 'ACKNOWLEDGED';
      get<HTMLButtonElement>(el, '.filters button[type="submit"]').click();
      await until(() => rowIds(el).includes(acknowledged), 8_000, 'the acknowledged referrals');
      expect(rowIds(el)).not.to.include(late);
      for (const r of el.shadowRoot!.querySelectorAll('.row [part~="status"]'))
        expect(text(r)).to.equal('Acknowledged');

      button(el, 'Clear filters')!.click();
      await until(() => rowIds(el).includes(late), 8_000, 'everything again');
      get<HTMLInputElement>(el, '#overdue').checked = true;
      get<HTMLButtonElement>(el, '.filters button[type="submit"]').click();
      await until(
        () => rowIds(el).includes(late) && !rowIds(el).includes(acknowledged),
        8_000,
        'overdue only',
      );
      expect(el.shadowRoot!.querySelectorAll('[part~="row"]:not([part~="row-overdue"])').length).to.equal(0);

      get<HTMLSelectElement>(el, 'select[name="agencyId"]').value = NORTHSHIRE;
      get<HTMLButtonElement>(el, '.filters button[type="submit"]').click();
      await until(() => rowIds(el).includes(late), 8_000, 'overdue to Northshire');
      await expect(el).to.be.accessible();
    });

    it('opens one: what was shared and its timeline of moves and messages in time order; answers the agency', async () => {
      const id = await refer('Older man, no heating.');
      await agencyMoves(id, 'acknowledgeReferral');
      await agencyWrites(id, 'Does he have a carer?');
      const el = await newTracker();
      await open(el, id);
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.activeElement?.id).to.equal('referral-title');
      expect(all(el)).to.contain('Older man, no heating.');
      expect(all(el)).to.contain('Needs a care needs assessment');
      expect(all(el)).to.contain('Risk to an adult at risk');
      const timeline = [...el.shadowRoot!.querySelectorAll('[part~="entry"] .entry__what')].map((e) =>
        text(e),
      );
      expect(timeline).to.deep.equal([
        'Sent by Riverside Homes',
        'Acknowledged by Dee Patel (social worker) (Northshire Adult Social Care)',
        'Message from Dee Patel (social worker) (Northshire Adult Social Care)',
      ]);
      // The sender may only withdraw: nothing the agency does is offered.
      expect(buttons(el, '[data-action]')).to.deep.equal(['Withdraw']);

      // An empty message is refused in the widget, with an error summary.
      get<HTMLButtonElement>(el, '.message-form button[type="submit"]').click();
      await until(() => !!find(el, '.message-form .error-summary'), 3_000, 'the error');
      expect(text(get(el, '.message-form .error-summary'))).to.contain('Enter a message');
      await expect(el).to.be.accessible();

      await type(el, 'body', 'Yes: his daughter, daily.');
      const sent = oneEvent(el, 'sg-referral-message');
      get<HTMLButtonElement>(el, '.message-form button[type="submit"]').click();
      await sent;
      await until(() => text(find(el, '.result')) === 'Your message was sent.', 5_000, 'the confirmation');
      const stored = await sql<{ body: string }>(
        `select body from referral_message where referral_id = $1 order by sent_at`,
        [id],
      );
      expect(stored.map((m) => m.body)).to.deep.equal(['Does he have a carer?', 'Yes: his daughter, daily.']);
      await until(
        () => text(get(el, '[part~="timeline"]')).includes('Yes: his daughter, daily.'),
        5_000,
        'the message',
      );

      // Back to the list, focus on the referral it came from.
      button(el, 'Back to all referrals')!.click();
      await until(() => el.shadowRoot!.activeElement?.getAttribute('data-id') === id, 3_000, 'focus back');
    });

    it('withdraws a referral only with a reason, once', async () => {
      const id = await refer();
      const el = await newTracker();
      await open(el, id);
      get<HTMLButtonElement>(el, '[data-action="withdraw"]').click();
      await el.updateComplete;
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(() => !!find(el, '.move-form .error-summary'), 3_000, 'the error');
      expect(text(get(el, '.move-form .error-summary'))).to.contain('Enter the reason');
      expect(get(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      expect(await moves(id)).to.deep.equal([]);

      await type(el, 'reason', 'Raised in error: wrong household.');
      const moved = oneEvent(el, 'sg-referral-moved') as Promise<SgReferralMovedEvent>;
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      expect([(await moved).referralId, (await moved).status]).to.deep.equal([id, 'WITHDRAWN']);
      await until(() => status(el) === 'Withdrawn', 5_000, 'withdrawn');
      expect(text(get(el, '.result'))).to.equal('The referral is now withdrawn.');
      expect(await moves(id)).to.deep.equal(['WITHDRAWN']);
      // Finished: nothing more to do, no more messages.
      expect(buttons(el, '[data-action]')).to.deep.equal([]);
      expect(find(el, '.message-form')).to.equal(null);
      expect(all(el)).to.contain('Reason: Raised in error: wrong household.');
      await expect(el).to.be.accessible();
    });

    it('hears the agency acknowledge and write without a reload, and says so politely', async () => {
      const id = await refer();
      const el = await newTracker();
      await until(async () => (await openStreams()) > 0, 5_000, 'the live stream');
      await open(el, id);
      await agencyMoves(id, 'acknowledgeReferral');
      await until(() => status(el) === 'Acknowledged', 8_000, 'the move, live');
      expect(announced(el)).to.match(/^Referral SG-\d{4}-\d{6} is now acknowledged\.$/);
      expect(buttons(el, '[data-action]')).to.deep.equal(['Withdraw']);
      await agencyWrites(id, 'Can you share the tenancy start date?');
      await until(
        () => all(el).includes('Can you share the tenancy start date?'),
        8_000,
        'the message, live',
      );
      expect(announced(el)).to.match(/^New message on referral SG-\d{4}-\d{6}\.$/);
      button(el, 'Back to all referrals')!.click();
      await el.updateComplete;
      expect(text(row(el, id)!.querySelector('[part~="status"]'))).to.equal('Acknowledged');
    });

    it('misses nothing after a dropped connection: listens again from the last event it had', async () => {
      const id = await refer();
      const el = await newTracker();
      await until(async () => (await openStreams()) > 0, 5_000, 'the live stream');
      // One event first, so the widget has a position.
      await agencyWrites(id, 'Received, reading it now.');
      await until(() => announced(el).startsWith('New message'), 8_000, 'the first event');
      await connection(false);
      try {
        await until(async () => (await openStreams()) === 0, 5_000, 'the stream cut');
        await agencyMoves(id, 'acknowledgeReferral');
      } finally {
        await connection(true);
      }
      await until(
        () => text(row(el, id)?.querySelector('[part~="status"]')) === 'Acknowledged',
        15_000,
        'the missed move',
      );
      expect(announced(el)).to.match(/is now acknowledged\.$/);
    });

    it('stops listening when removed from the page', async () => {
      // The widgets of earlier tests are gone, and so are their streams.
      await until(async () => (await openStreams()) === 0, 5_000, 'earlier streams closed');
      const el = await newTracker();
      await until(async () => (await openStreams()) === 1, 5_000, 'its stream');
      el.remove();
      await until(async () => (await openStreams()) === 0, 5_000, 'its stream closed');
    });
  });

  describe('an agency officer (mode="agency")', () => {
    it('sees the referrals Northshire received and acknowledges, accepts and closes one; only allowed moves offered', async () => {
      const id = await refer();
      const el = await newTracker({ token: tokens.agency, mode: 'agency' });
      expect(text(get(el, '#title'))).to.equal('Referrals received');
      expect(text(row(el, id))).to.contain('From Riverside Homes');
      await open(el, id);
      await expect(el).to.be.accessible();
      expect(buttons(el, '[data-action]')).to.deep.equal(['Acknowledge']);

      get<HTMLButtonElement>(el, '[data-action="acknowledge"]').click();
      await until(() => status(el) === 'Acknowledged', 5_000, 'acknowledged');
      expect(buttons(el, '[data-action]')).to.deep.equal(['Accept', 'Decline']);
      get<HTMLButtonElement>(el, '[data-action="accept"]').click();
      await until(() => status(el) === 'Accepted', 5_000, 'accepted');
      expect(buttons(el, '[data-action]')).to.deep.equal(['Close']);

      get<HTMLButtonElement>(el, '[data-action="close"]').click();
      await el.updateComplete;
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(
        () => text(find(el, '.move-form .error-summary')).includes('Choose what your agency did'),
        3_000,
        'outcome required',
      );
      await type(el, 'outcome', 'OTHER');
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(
        () => text(find(el, '.move-form .error-summary')).includes('Say what your agency did'),
        3_000,
        'other needs words',
      );
      await expect(el).to.be.accessible();
      expect(await moves(id)).to.deep.equal(['ACKNOWLEDGED', 'ACCEPTED']);
      await type(el, 'outcomeDetail', 'Arranged a carers’ assessment with his daughter.');
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(() => status(el) === 'Closed', 5_000, 'closed');
      expect(await moves(id)).to.deep.equal(['ACKNOWLEDGED', 'ACCEPTED', 'CLOSED']);
      expect(all(el)).to.contain(
        'Outcome: Something else — Arranged a carers’ assessment with his daughter.',
      );
      expect(buttons(el, '[data-action]')).to.deep.equal([]);
      expect(text(get(el, '.result'))).to.equal('The referral is now closed.');
    });

    it('declines only with a reason', async () => {
      const id = await refer();
      await agencyMoves(id, 'acknowledgeReferral');
      const el = await newTracker({ token: tokens.agency, mode: 'agency' });
      await open(el, id);
      get<HTMLButtonElement>(el, '[data-action="decline"]').click();
      await el.updateComplete;
      expect(get(el, '[data-action="decline"]').getAttribute('aria-expanded')).to.equal('true');
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(() => !!find(el, '.move-form .error-summary'), 3_000, 'reason required');
      await type(el, 'reason', 'Not eligible: he already has a social worker in another county.');
      get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
      await until(() => status(el) === 'Declined', 5_000, 'declined');
      expect(await moves(id)).to.deep.equal(['ACKNOWLEDGED', 'DECLINED']);
    });

    it('when another officer moved it first, says so plainly, shows it as it is now, and never moves it twice', async () => {
      const id = await refer();
      const el = await newTracker({ token: tokens.agency, mode: 'agency', noLive: true });
      await open(el, id);
      await agencyMoves(id, 'acknowledgeReferral'); // a colleague, elsewhere
      get<HTMLButtonElement>(el, '[data-action="acknowledge"]').click();
      await until(() => !!find(el, '.result[role="alert"]'), 5_000, 'the refusal');
      expect(text(get(el, '.result'))).to.contain(
        'Someone else changed this referral first, so nothing was done.',
      );
      expect(status(el)).to.equal('Acknowledged');
      expect(buttons(el, '[data-action]')).to.deep.equal(['Accept', 'Decline']);
      expect(await moves(id)).to.deep.equal(['ACKNOWLEDGED']);
      await expect(el).to.be.accessible();
    });

    it('a new referral appears at the top without a reload, announced', async () => {
      const el = await newTracker({ token: tokens.agency, mode: 'agency' });
      await until(async () => (await openStreams()) > 0, 5_000, 'the live stream');
      const id = await refer();
      await until(() => rowIds(el)[0] === id, 8_000, 'the new referral at the top');
      expect(announced(el)).to.match(/^New referral SG-\d{4}-\d{6} from Riverside Homes\.$/);
    });

    it('an agency officer sees nothing of the sender’s side (default mode): a plain notice', async () => {
      const el = await newTracker({ token: tokens.agency });
      expect(text(get(el, '[part~="notice"]'))).to.equal('Referrals are not available to your account.');
      expect(el.shadowRoot!.querySelectorAll('.row').length).to.equal(0);
    });
  });

  const roles = {
    contractor: 'contractor',
    frontline: 'frontline housing officer',
    manager: 'housing manager',
  };
  for (const who of ['contractor', 'frontline', 'manager'] as const) {
    it(`a ${roles[who]} gets a plain notice and no data, in either mode`, async () => {
      for (const mode of ['provider', 'agency'] as const) {
        await until(async () => (await openStreams()) === 0, 5_000, 'earlier streams closed');
        const el = await newTracker({ token: tokens[who], mode });
        expect(text(get(el, '[part~="notice"]'))).to.equal('Referrals are not available to your account.');
        expect(el.shadowRoot!.querySelectorAll('.row, .filters').length).to.equal(0);
        // Nothing to listen to either.
        expect(await openStreams()).to.equal(0);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('reads the referrals again when someone else signs in, through the provider', async () => {
    const id = await refer();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <sg-provider endpoint=${GATEWAY}><sg-referral-tracker></sg-referral-tracker></sg-provider>
      </div>`,
    );
    const provider = wrapper.querySelector('sg-provider')!;
    provider.fetchToken = () => tokens.lead!;
    const el = wrapper.querySelector('sg-referral-tracker')!;
    await until(() => !!row(el, id), 10_000, 'the lead’s referrals');
    // The lead hands the device to a contractor: nothing the lead saw stays, nothing is listened to.
    provider.fetchToken = () => tokens.contractor!;
    await until(() => !!find(el, '[part~="notice"]'), 10_000, 'the contractor’s notice');
    expect(el.shadowRoot!.querySelectorAll('.row, .filters').length).to.equal(0);
    await until(async () => (await openStreams()) === 0, 5_000, 'the lead’s stream closed');
  });

  it('a champion sees the referrals Riverside sent', async () => {
    const id = await refer();
    const el = await newTracker({ token: tokens.champion });
    await until(() => !!row(el, id), 5_000, 'the referral');
  });

  it('says when it cannot load, offers to try again, and is accessible', async () => {
    await connection(false);
    let el: SgReferralTracker;
    try {
      el = await newTracker();
      expect(text(get(el, '[role="alert"]'))).to.contain('There is no connection.');
      await expect(el).to.be.accessible();
    } finally {
      await connection(true);
    }
    get<HTMLButtonElement>(el!, '[part~="error-summary"] button').click();
    await until(() => !!find(el!, '.row'), 8_000, 'the list after trying again');
  });

  it('reaches every control with Tab, in reading order, and opens a referral with Enter', async () => {
    const id = await refer();
    const el = await newTracker({ noLive: true, pageSize: 3 });
    await until(() => !!find(el, 'select[name="agencyId"]'), 5_000, 'the agency filter');
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('select, input, button')];
    const reached: string[] = [];
    document.body.focus();
    for (let i = 0; i < controls.length; i++) {
      await sendKeys({ press: 'Tab' });
      reached.push(`${focused(el)} ${text(el.shadowRoot!.activeElement)}`);
    }
    expect(reached).to.deep.equal(controls.map((c) => `${what(c)} ${text(c)}`));
    get<HTMLButtonElement>(el, `.row__open[data-id="${id}"]`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'referral-title', 5_000, 'the opened referral');
  });

  it('speaks Welsh', async () => {
    const id = await refer();
    const el = await newTracker({ lang: 'cy' });
    expect(text(get(el, '#title'))).to.equal('Atgyfeiriadau a anfonwyd gennych');
    expect(text(row(el, id))).to.contain('At Northshire Adult Social Care · Wedi’i anfon');
    await open(el, id);
    expect(all(el)).to.contain('Llinell amser');
    expect(buttons(el, '[data-action]')).to.deep.equal(['Tynnu’n ôl']);
    await expect(el).to.be.accessible();
  });

  describe('small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    for (const [label, width] of [
      ['a 320px phone', 320],
      ['200% zoom (640 CSS px)', 640],
    ] as const) {
      it(`fits ${label} with nothing wider than the window, list and opened referral`, async () => {
        await setViewport({ width, height: 640 });
        const id = await refer();
        await sql(`update referral set respond_by = now() - interval '1 day' where id = $1`, [id]);
        const el = await newTracker({ noLive: true });
        const fits = () => {
          for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
            if (!element.checkVisibility()) continue;
            expect(element.getBoundingClientRect().right, element.className).to.be.at.most(width + 0.5);
          }
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          for (const b of el.shadowRoot!.querySelectorAll('button')) {
            if (b.checkVisibility()) expect(b.getBoundingClientRect().height).to.be.at.least(24);
          }
        };
        fits();
        await open(el, id);
        get<HTMLButtonElement>(el, '[data-action="withdraw"]').click();
        await el.updateComplete;
        fits();
      });
    }
  });
});
