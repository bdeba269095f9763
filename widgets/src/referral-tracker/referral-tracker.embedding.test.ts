// The referral tracker in the pages it will live in: a React 19 app, a page with hostile global CSS,
// a themed portal. Against the real gateway, as a safeguarding lead.
import { expect, fixture, html } from '@open-wc/testing';
import type { SgReferralMovedEvent } from '../events/referral-moved.js';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { addHostileCss, find, get, until } from '../test-support/dom.js';
import type { SgReferralTracker } from './referral-tracker.js';
import './define.js';

const NORTHSHIRE = '00000000-0000-4000-8000-000000000003';
let token: string;
let overdue: string;
let toWithdraw: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  token = await tokenFor(DEMO.lead);
  const { concerns } = await graphql<{ concerns: { edges: { node: { id: string } }[] } }>(
    'query { concerns(first: 1) { edges { node { id } } } }',
    {},
    token,
  );
  const refer = () =>
    graphql<{ referConcern: { id: string } }>(
      'mutation ($input: ReferConcernInput!) { referConcern(input: $input) { id } }',
      {
        input: {
          concernId: concerns.edges[0]!.node.id,
          recipientOrganisationId: NORTHSHIRE,
          reason: 'Needs a care needs assessment',
          legalBasis: 'RISK_TO_ADULT',
          legalBasisReason: 'He may be at risk of neglect.',
          summary: 'Embedding test',
        },
      },
      token,
    );
  overdue = (await refer()).referConcern.id;
  toWithdraw = (await refer()).referConcern.id;
  await sql(`update referral set respond_by = now() - interval '1 day' where id = $1`, [overdue]);
});

const loaded = (el: SgReferralTracker) =>
  until(() => !!find(el, `.row__open[data-id="${overdue}"]`), 10_000, 'the referrals').then(
    () => el.updateComplete,
  );
const overdueRow = (el: SgReferralTracker) => get(el, `.row__open[data-id="${overdue}"]`).closest('.row')!;

describe('<sg-referral-tracker> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const moved: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    root.render(
      React.createElement('sg-referral-tracker', {
        endpoint: GATEWAY,
        token,
        pageSize: 50,
        'onsg-referral-moved': (event: SgReferralMovedEvent) => moved.push(event.status),
      }),
    );
    await until(() => !!container.querySelector('sg-referral-tracker')?.shadowRoot, 3000, 'React to render');
    const el = container.querySelector('sg-referral-tracker')!;
    await loaded(el);
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    get<HTMLButtonElement>(el, `.row__open[data-id="${toWithdraw}"]`).click();
    await until(() => !!find(el, '[data-action="withdraw"]'), 5000, 'the referral');
    get<HTMLButtonElement>(el, '[data-action="withdraw"]').click();
    await el.updateComplete;
    const reason = get<HTMLTextAreaElement>(el, '#reason');
    reason.value = 'Sent by mistake.';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    get<HTMLButtonElement>(el, '.move-form button[type="submit"]').click();
    await until(() => moved.length === 1, 5000, 'React’s handler');
    expect(moved).to.deep.equal(['WITHDRAWN']);
    root.unmount();
  });
});

describe('<sg-referral-tracker> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <sg-referral-tracker endpoint=${GATEWAY} .token=${token} page-size="50"></sg-referral-tracker>
      </div>`,
    );
    const el = wrapper.querySelector('sg-referral-tracker')!;
    await loaded(el);
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const css = getComputedStyle(get(el, '.row__line'));
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    expect(getComputedStyle(overdueRow(el)).borderInlineStartWidth).to.equal('8px');
    const apply = get(el, '.filters button[type="submit"]');
    expect(apply.checkVisibility(), 'the Apply button is shown').to.equal(true);
    expect(apply.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-referral-tracker> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-referral-tracker-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-font-family: Georgia, serif;
            --sg-referral-tracker-text-color: rgb(10, 20, 30);
          }
          .themed sg-referral-tracker::part(row-overdue) {
            text-decoration: underline;
          }
        </style>
        <div class="themed">
          <sg-referral-tracker endpoint=${GATEWAY} .token=${token} page-size="50"></sg-referral-tracker>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-referral-tracker')!;
    await loaded(el);
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(overdueRow(el)).textDecorationLine).to.equal('underline');
  });
});
