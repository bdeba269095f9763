// The work queue in the pages it will live in: a plain page, a React 19 app, a page with hostile
// global CSS, a themed portal. Against the real gateway, as a safeguarding lead.
import { expect, fixture, html } from '@open-wc/testing';
import type { SgOpenEvent } from '../events/open.js';
import { DEMO, doorstepReady, GATEWAY, tokenFor } from '../test-support/doorstep.js';
import { addHostileCss, find, get, until } from '../test-support/dom.js';
import type { SgWorkQueue } from './work-queue.js';
import './define.js';

let token: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  token = await tokenFor(DEMO.lead);
});

const loaded = (el: SgWorkQueue) =>
  until(() => !!find(el, '.section'), 15_000, 'the work queue').then(() => el.updateComplete);

async function newQueue(): Promise<SgWorkQueue> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><sg-work-queue endpoint=${GATEWAY} .token=${token}></sg-work-queue></div>`,
  );
  const el = wrapper.querySelector('sg-work-queue')!;
  await loaded(el);
  return el;
}

describe('<sg-work-queue> in a plain page', () => {
  it('takes its endpoint from an attribute and its token from <sg-provider>', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <sg-provider endpoint=${GATEWAY} .token=${token}><sg-work-queue></sg-work-queue></sg-provider>
      </div>`,
    );
    const el = wrapper.querySelector('sg-work-queue')!;
    await loaded(el);
    expect(el.shadowRoot!.querySelectorAll('.section').length).to.equal(6);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-work-queue> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const opened: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    root.render(
      React.createElement('sg-work-queue', {
        endpoint: GATEWAY,
        token,
        'onsg-open': (event: SgOpenEvent) => opened.push(event.kind),
      }),
    );
    await until(() => !!container.querySelector('sg-work-queue')?.shadowRoot, 3000, 'React to render');
    const el = container.querySelector('sg-work-queue')!;
    await loaded(el);
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    get<HTMLButtonElement>(el, 'button.open').click();
    await until(() => opened.length === 1, 3000, 'React’s handler');
    root.unmount();
  });
});

describe('<sg-work-queue> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const el = await newQueue();
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const css = getComputedStyle(get(el, '.item__title'));
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.textTransform).to.equal('none');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    const triage = get(el, 'button.triage');
    expect(getComputedStyle(triage).display).to.equal('block'); // a flex item
    expect(getComputedStyle(triage).visibility).to.equal('visible');
    expect(triage.getBoundingClientRect().height).to.be.at.least(44);
    triage.click();
    await el.updateComplete;
    const textarea = get(el, '.panel textarea');
    expect(getComputedStyle(textarea).display).to.not.equal('none');
    expect(textarea.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-work-queue> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-work-queue-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-font-family: Georgia, serif;
            --sg-work-queue-text-color: rgb(10, 20, 30);
          }
          .themed sg-work-queue::part(item) {
            text-decoration: underline;
          }
        </style>
        <div class="themed">
          <sg-work-queue endpoint=${GATEWAY} .token=${token}></sg-work-queue>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-work-queue')!;
    await loaded(el);
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(get(el, '[part~="item"]')).textDecorationLine).to.equal('underline');
  });
});
