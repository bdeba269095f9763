// The form in the pages it will really live in: a React 19 app, a page with hostile global CSS, a
// themed portal, a 320px phone, 200% zoom. (Forced colours are checked end to end, in e2e/widgets.test.ts:
// web-test-runner's Chrome launcher does not pass media emulation to the test page.)
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import { addHostileCss } from '../test-support/dom.js';
import {
  freshStart,
  stepId,
  answer,
  FAKE,
  fillToCheck,
  find,
  gatewayLog,
  get,
  newForm,
  next,
  settle,
  until,
} from '../test-support/form.js';
import type { SgConcernForm } from './concern-form.js';

beforeEach(freshStart);

/** Fails if anything in the page or the form is wider than the window, on every step. */
async function expectNoHorizontalScroll(el: SgConcernForm, width: number) {
  const check = (label: string) => {
    expect(document.documentElement.scrollWidth, `page, ${label}`).to.be.at.most(width);
    for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      expect(box.right, `${element.localName}.${element.className} on ${label}`).to.be.at.most(width + 0.5);
    }
  };
  while (stepId(el) !== 'check') {
    check(stepId(el));
    await answer(el);
    await next(el);
  }
  check('check');
  await next(el);
  await until(() => !!find(el, '[part~="reference"]'));
  check('sent');
}

describe('<sg-concern-form> in a React 19 page', () => {
  it('takes properties from React and calls React’s handler for its events', async () => {
    const { React, ReactDOMClient } = (await import(
      /* @vite-ignore */ `${location.origin}/__react__.js`
    )) as typeof import('../test-support/react-bundle.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const references: string[] = [];
    const root = ReactDOMClient.createRoot(container);
    expect(React.version).to.match(/^19\./);
    root.render(
      React.createElement('sg-concern-form', {
        mode: 'contractor',
        endpoint: FAKE,
        token: 'from-react',
        'onsg-concern-submitted': (event: SgConcernSubmittedEvent) => references.push(event.reference),
      }),
    );
    await until(() => !!container.querySelector('sg-concern-form')?.shadowRoot, 3000, 'React to render');
    const el = container.querySelector('sg-concern-form')!;
    await settle(el);
    expect(el.mode).to.equal('contractor');
    expect(el.token).to.equal('from-react');
    expect(el.hasAttribute('token'), 'a property, not an attribute').to.equal(false);
    await expect(el).to.be.accessible();
    await fillToCheck(el);
    await next(el);
    await until(() => references.length === 1, 5000, 'React’s handler');
    expect(references[0]).to.match(/^SG-2026-\d{6}$/);
    expect((await gatewayLog()).log[0]!.token).to.equal('from-react');
    root.unmount();
  });
});

describe('<sg-concern-form> in a hostile page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = addHostileCss();
  });
  afterEach(() => style.remove());

  it('still looks and works as it should', async () => {
    const el = await newForm();
    const host = getComputedStyle(el);
    expect(host.display).to.equal('block');
    expect(host.visibility).to.equal('visible');
    const label = get(el, '.choice__label');
    const css = getComputedStyle(label);
    expect(css.color).to.equal('rgb(11, 12, 12)');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.textTransform).to.equal('none');
    expect(css.fontFamily).not.to.contain('fantasy');
    expect(parseFloat(css.fontSize)).to.be.at.least(16);
    const button = get(el, 'button[type="submit"]');
    expect(getComputedStyle(button).display).to.equal('inline-block');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 112, 60)');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
    await answer(el);
    await next(el);
    expect(stepId(el)).to.equal('who');
    const input = get(el, 'input[name="subjectDescription"]');
    expect(getComputedStyle(input).borderTopWidth).to.equal('2px');
    expect(input.getBoundingClientRect().height).to.be.at.least(44);
  });
});

describe('<sg-concern-form> theming', () => {
  it('takes the global --sg-* tokens, its own --sg-concern-form-* properties and ::part styles', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed {
            --sg-color-button: rgb(1, 2, 3);
            --sg-font-family: Georgia, serif;
            --sg-concern-form-text-color: rgb(10, 20, 30);
          }
          .themed sg-concern-form::part(step-heading) {
            text-decoration: underline;
          }
        </style>
        <div class="themed"><sg-concern-form endpoint=${FAKE}></sg-concern-form></div>
      </div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await settle(el);
    expect(getComputedStyle(get(el, 'button[type="submit"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(get(el, '.content')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(get(el, '.content')).color).to.equal('rgb(10, 20, 30)');
    await answer(el);
    await next(el);
    expect(getComputedStyle(get(el, '[part~="step-heading"]')).textDecorationLine).to.equal('underline');
  });
});

describe('<sg-concern-form> on small screens', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('fits a 320px screen on every step, with touch targets of at least 44px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await newForm();
    for (const target of [
      el.shadowRoot!.querySelector('input[type="radio"]')!,
      get(el, 'button[type="submit"]'),
    ]) {
      const box = target.getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(box.width).to.be.at.least(44);
    }
    await expectNoHorizontalScroll(el, 320);
  });

  it('fits at 200% zoom (a 1280px window zoomed in: 640 CSS px, twice the text size)', async () => {
    await setViewport({ width: 640, height: 400 });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--sg-font-size: 2.375em">
        <sg-concern-form endpoint=${FAKE} token="t"></sg-concern-form>
      </div>`,
    );
    const el = wrapper.querySelector('sg-concern-form')!;
    await settle(el);
    expect(parseFloat(getComputedStyle(get(el, '.content')).fontSize)).to.be.at.least(32);
    await expectNoHorizontalScroll(el, 640);
  });
});
