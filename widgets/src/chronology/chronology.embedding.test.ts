// The chronology in the pages it will live in: a React 19 app, a page with hostile global CSS, a
// themed portal. Against the real gateway, as a safeguarding lead, on a demo household's timeline.
import { expect, fixture, html } from '@open-wc/testing';
import type { SgOpenEvent } from '../events/open.js';
import { DEMO, doorstepReady, GATEWAY, tokenFor } from '../test-support/doorstep.js';
import { addHostileCss, find, get, until } from '../test-support/dom.js';
import type { SgChronology } from './chronology.js';
import './define.js';

/** 12 Birch Road: the demo data gives it a chronology. */
const HOUSEHOLD = '00000000-0000-4000-8000-000000000401';
let token: string;
before(async function () {
  this.timeout(90_000);
  // The virtualiser's ResizeObserver notifications may come a frame late (see chronology.test.ts).
  const previous = window.onerror;
  window.onerror = (message, ...rest) =>
    /ResizeObserver loop/.test(String(message)) ? true : previous?.call(window, message, ...rest);
  await doorstepReady();
  token = await tokenFor(DEMO.lead);
});

const loaded = (el: SgChronology) =>
  until(() => !!find(el, '.entry'), 10_000, 'the entries').then(() => el.updateComplete);

describe('<sg-chronology> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const opened: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    root.render(
      React.createElement('sg-chronology', {
        householdId: HOUSEHOLD,
        endpoint: GATEWAY,
        token,
        'onsg-open': (event: SgOpenEvent) => opened.push(event.kind),
      }),
    );
    await until(() => !!container.querySelector('sg-chronology')?.shadowRoot, 3000, 'React to render');
    const el = container.querySelector('sg-chronology')!;
    await loaded(el);
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    get<HTMLButtonElement>(el, '.entry__actions button').click();
    await until(() => opened.length === 1, 3000, 'React’s handler');
    root.unmount();
  });
});

describe('<sg-chronology> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <sg-chronology household-id=${HOUSEHOLD} endpoint=${GATEWAY} .token=${token}></sg-chronology>
      </div>`,
    );
    const el = wrapper.querySelector('sg-chronology')!;
    await loaded(el);
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const css = getComputedStyle(get(el, '.entry__summary'));
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.textTransform).to.equal('none');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    const open = get(el, '.entry__actions button');
    expect(open.getBoundingClientRect().height).to.be.at.least(24);
    expect(get(el, '.list').getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });
});

describe('<sg-chronology> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-chronology-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-font-family: Georgia, serif;
            --sg-chronology-text-color: rgb(10, 20, 30);
          }
          .themed sg-chronology::part(entry) {
            text-decoration: underline;
          }
        </style>
        <div class="themed">
          <sg-chronology household-id=${HOUSEHOLD} endpoint=${GATEWAY} .token=${token}></sg-chronology>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-chronology')!;
    await loaded(el);
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(get(el, '[part~="entry"]')).textDecorationLine).to.equal('underline');
  });
});
