// The dashboard in the pages it will live in: a plain page, a React 19 app, a page with hostile
// global CSS, a themed portal. Against the real gateway, as a safeguarding lead.
import { expect, fixture, html } from '@open-wc/testing';
import type { SgErrorEvent } from '../events/error.js';
import { DEMO, doorstepReady, GATEWAY, tokenFor } from '../test-support/doorstep.js';
import { addHostileCss, find, get, until } from '../test-support/dom.js';
import type { SgDashboard } from './dashboard.js';
import './define.js';

let token: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  token = await tokenFor(DEMO.lead);
});

const loaded = (el: SgDashboard) =>
  until(() => !!find(el, '.tiles'), 15_000, 'the dashboard').then(() => el.updateComplete);

async function newDashboard(): Promise<SgDashboard> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><sg-dashboard endpoint=${GATEWAY} .token=${token}></sg-dashboard></div>`,
  );
  const el = wrapper.querySelector('sg-dashboard')!;
  await loaded(el);
  return el;
}

describe('<sg-dashboard> in a plain page', () => {
  it('takes its endpoint from an attribute and its token from <sg-provider>', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <sg-provider endpoint=${GATEWAY} .token=${token}><sg-dashboard></sg-dashboard></sg-provider>
      </div>`,
    );
    const el = wrapper.querySelector('sg-dashboard')!;
    await loaded(el);
    expect(el.shadowRoot!.querySelectorAll('.chart').length).to.equal(5); // months, categories, ages, agencies, outcomes
    await expect(el).to.be.accessible();
  });
});

describe('<sg-dashboard> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    // A token the gateway refuses: the widget says so, and React hears of it.
    root.render(
      React.createElement('sg-dashboard', {
        endpoint: GATEWAY,
        token: 'not-a-token',
        period: 'lastYear',
        'onsg-error': (event: SgErrorEvent) => errors.push(event.code),
      }),
    );
    await until(() => errors.length === 1, 15_000, 'React’s handler');
    const el = container.querySelector('sg-dashboard')!;
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    expect(el.period).to.equal('lastYear');
    expect(errors).to.deep.equal(['UNAUTHENTICATED']);
    root.unmount();
  });
});

describe('<sg-dashboard> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const el = await newDashboard();
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const css = getComputedStyle(get(el, '.tile__value'));
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.textTransform).to.equal('none');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    const toggle = get(el, 'button.toggle');
    expect(getComputedStyle(toggle).visibility).to.equal('visible');
    expect(toggle.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-dashboard> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-dashboard-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-font-family: Georgia, serif;
            --sg-dashboard-text-color: rgb(10, 20, 30);
            --sg-dashboard-bar-color: rgb(0, 94, 165);
          }
          .themed sg-dashboard::part(tile) {
            text-decoration: underline;
          }
        </style>
        <div class="themed">
          <sg-dashboard endpoint=${GATEWAY} .token=${token}></sg-dashboard>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-dashboard')!;
    await loaded(el);
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(get(el, '[part~="tile"]')).textDecorationLine).to.equal('underline');
    expect(getComputedStyle(get(el, '[part~="tile"]')).borderTopColor).to.equal('rgb(0, 94, 165)');
  });
});
