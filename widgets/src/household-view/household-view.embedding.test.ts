// The household view in the pages it will live in: a React 19 app, a page with hostile global CSS,
// a themed portal. Against the real gateway, as a safeguarding lead.
import { expect, fixture, html } from '@open-wc/testing';
import type { SgRaiseConcernEvent } from '../events/raise-concern.js';
import { DEMO, doorstepReady, GATEWAY, tokenFor } from '../test-support/doorstep.js';
import { addHostileCss, find, get, until } from '../test-support/dom.js';
import type { SgHouseholdView } from './household-view.js';
import './define.js';

const CEDAR = '00000000-0000-4000-8000-000000000403';
let token: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  token = await tokenFor(DEMO.lead);
});

const loaded = (el: SgHouseholdView) =>
  until(() => !!find(el, '.person'), 10_000, 'the household').then(() => el.updateComplete);

async function newView(): Promise<SgHouseholdView> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <sg-household-view household-id=${CEDAR} endpoint=${GATEWAY} .token=${token}></sg-household-view>
    </div>`,
  );
  const el = wrapper.querySelector('sg-household-view')!;
  await loaded(el);
  return el;
}

describe('<sg-household-view> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const handed: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    root.render(
      React.createElement('sg-household-view', {
        householdId: CEDAR,
        endpoint: GATEWAY,
        token,
        'onsg-raise-concern': (event: SgRaiseConcernEvent) => handed.push(event.personId),
      }),
    );
    await until(() => !!container.querySelector('sg-household-view')?.shadowRoot, 3000, 'React to render');
    const el = container.querySelector('sg-household-view')!;
    await loaded(el);
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    get<HTMLButtonElement>(el, 'button.raise').click();
    await until(() => handed.length === 1, 3000, 'React’s handler');
    root.unmount();
  });
});

describe('<sg-household-view> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const el = await newView();
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const css = getComputedStyle(get(el, '.warning__text'));
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.textTransform).to.equal('none');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    expect(getComputedStyle(get(el, '.warning')).borderLeftWidth).to.equal('8px');
    const raise = get(el, 'button.raise');
    expect(getComputedStyle(raise).display).to.equal('inline-block');
    expect(raise.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-household-view> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-household-view-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-font-family: Georgia, serif;
            --sg-household-view-text-color: rgb(10, 20, 30);
          }
          .themed sg-household-view::part(warning) {
            text-decoration: underline;
          }
        </style>
        <div class="themed">
          <sg-household-view household-id=${CEDAR} endpoint=${GATEWAY} .token=${token}></sg-household-view>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-household-view')!;
    await loaded(el);
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(get(el, '[part~="warning"]')).textDecorationLine).to.equal('underline');
  });
});
