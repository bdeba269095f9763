// "Raise a concern about this person": <sg-household-view> hands the person to <sg-concern-form>
// through the host page, as the example portal does, against the real gateway.
import { expect, fixture, html } from '@open-wc/testing';
import { clearDeviceStorage, choose, next, settle } from '../test-support/form.js';
import { DEMO, doorstepReady, GATEWAY, tokenFor } from '../test-support/doorstep.js';
import { field, get, text, until } from '../test-support/dom.js';
import './define.js';
import '../concern-form/define.js';

const CEDAR = '00000000-0000-4000-8000-000000000403';
const MASON = '00000000-0000-4000-8000-000000000505';

before(async function () {
  this.timeout(90_000);
  await doorstepReady();
});
beforeEach(clearDeviceStorage);

describe('raising a concern from <sg-household-view>', () => {
  it('opens <sg-concern-form> with the household and the person chosen', async () => {
    const token = await tokenFor(DEMO.lead);
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <sg-household-view household-id=${CEDAR} endpoint=${GATEWAY} .token=${token}></sg-household-view>
        <sg-concern-form hidden endpoint=${GATEWAY} .token=${token}></sg-concern-form>
      </div>`,
    );
    const view = page.querySelector('sg-household-view')!;
    const form = page.querySelector('sg-concern-form')!;
    // The host page's part, as examples/housing-portal/household.js does it.
    view.addEventListener('sg-raise-concern', (event) => {
      form.subject = { householdId: event.householdId, personId: event.personId };
      form.hidden = false;
    });
    await until(() => !!view.shadowRoot!.querySelector('button.raise'), 10_000, 'the household');
    const mason = [...view.shadowRoot!.querySelectorAll<HTMLElement>('.person')].find((p) =>
      text(p).startsWith('Mason'),
    )!;
    mason.querySelector<HTMLButtonElement>('button.raise')!.click();
    await settle(form);
    expect(form.hidden).to.equal(false);
    await choose(form, 'urgency', 'ROUTINE');
    await next(form);
    await until(
      () => !!form.shadowRoot!.querySelector(`[name="subjectIds"][value="${MASON}"]`),
      10_000,
      'Mason',
    );
    expect(field(form, 'householdId', CEDAR).checked).to.equal(true);
    expect(field(form, 'subjectIds', MASON).checked).to.equal(true);
    expect(text(get(form, `label[for="${field(form, 'subjectIds', MASON).id}"]`))).to.contain('Mason Price');
  });
});
