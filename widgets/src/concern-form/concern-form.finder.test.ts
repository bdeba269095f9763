// The staff and contractor forms' household finder, against the real gateway: the households a
// person works with, a lead's search, the people chosen, and the concern stored with them.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO, doorstepReady, GATEWAY, sql, tokenFor } from '../test-support/doorstep.js';
import { field, find, focused, get, tabTo, text, until } from '../test-support/dom.js';
import { choose, clearDeviceStorage, next, settle, summaryLinks, type } from '../test-support/form.js';
import type { Mode } from './concern-input.js';
import type { SgConcernForm } from './concern-form.js';
import './define.js';

const demo = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BIRCH_ROAD = demo(402); // Edith Marsh (lead tenant) and Darren Marsh: on Tom's patch
const CEDAR_WALK = demo(403); // on Tom's patch
const ALDER_COURT = demo(401); // Walter Briggs: Gareth's gas safety check
const EDITH = demo(502);
const DARREN = demo(503);

before(async function () {
  this.timeout(90_000);
  await doorstepReady();
});
beforeEach(clearDeviceStorage);

async function formFor(userId: string, mode: Mode = 'staff') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <sg-concern-form mode=${mode} endpoint=${GATEWAY} .token=${await tokenFor(userId)}></sg-concern-form>
    </div>`,
  );
  const el = wrapper.querySelector('sg-concern-form')!;
  await settle(el);
  await choose(el, 'urgency', 'ROUTINE');
  await next(el);
  return el;
}

const households = (el: SgConcernForm) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="householdId"]')].map((i) => i.value);

async function search(el: SgConcernForm, query: string) {
  const box = get<HTMLInputElement>(el, '#finder-query');
  box.value = query;
  get(el, '.finder__button').click();
  await el.updateComplete;
  await until(
    () => !text(find(el, '.finder__search [role="status"]')).startsWith('Searching'),
    5000,
    'search',
  );
  await settle(el);
}

/** Answers the rest of the form and sends it; resolves with the concern's id in the database. */
async function finishAndSend(el: SgConcernForm): Promise<string> {
  await next(el);
  await type(el, 'whatHappened', 'Bruises on her arms; she said she fell.');
  await next(el);
  await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
  await choose(el, 'consent.status', 'GIVEN');
  await next(el);
  expect((el as unknown as { step: string }).step).to.equal('check');
  await next(el);
  await until(() => !!find(el, '[part~="reference"]'), 10_000, 'the reference');
  const reference = text(get(el, '[part~="reference"]'));
  const [row] = await sql<{ id: string }>('select id from concern where reference = $1', [reference]);
  return row!.id;
}

const linked = (concernId: string) =>
  sql<{ household_id: string | null; person_id: string; role: string }>(
    `select c.household_id, cp.person_id, cp.role from concern c join concern_person cp on cp.concern_id = c.id
      where c.id = $1 order by cp.role, cp.person_id`,
    [concernId],
  );

describe('<sg-concern-form> household finder', () => {
  it('offers frontline staff the households they work with, and stores the household and people chosen', async () => {
    const el = await formFor(DEMO.frontline);
    await until(() => households(el).length > 1, 5000, 'the households');
    expect(households(el)).to.deep.equal([BIRCH_ROAD, CEDAR_WALK, '']);
    await expect(el).to.be.accessible();
    await choose(el, 'householdId', BIRCH_ROAD);
    expect(field(el, 'location').value, 'the place is filled in').to.contain('12 Birch Road');
    const people = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="subjectIds"]')];
    expect(people.map((p) => p.value).sort()).to.deep.equal([EDITH, DARREN].sort());
    await choose(el, 'subjectIds', EDITH);
    expect(field(el, 'subjectDescription').value).to.equal('Edith Marsh');
    await choose(el, 'allegedSourceIds', DARREN);
    await expect(el).to.be.accessible();
    const id = await finishAndSend(el);
    expect(await linked(id)).to.deep.equal([
      { household_id: BIRCH_ROAD, person_id: DARREN, role: 'ALLEGED_SOURCE' },
      { household_id: BIRCH_ROAD, person_id: EDITH, role: 'SUBJECT' },
    ]);
  });

  it('draws the people in a household as checkboxes, not in the household radios’ circles', async () => {
    const el = await formFor(DEMO.frontline);
    await until(() => households(el).length > 1, 5000, 'the households');
    await choose(el, 'householdId', BIRCH_ROAD);
    await choose(el, 'subjectIds', EDITH);
    // The box drawn before the label, and the mark drawn in it when chosen: a dot, or a tick.
    const drawn = (control: HTMLInputElement) => {
      const box = getComputedStyle(control.nextElementSibling!, '::before');
      const mark = getComputedStyle(control.nextElementSibling!, '::after');
      return { box: box.borderRadius, mark: mark.borderRadius, turned: mark.transform !== 'none' };
    };
    expect(drawn(field(el, 'householdId', BIRCH_ROAD)), 'a radio').to.deep.equal({
      box: '50%',
      mark: '50%',
      turned: false,
    });
    const checkbox = field(el, 'subjectIds', EDITH);
    expect(field(el, 'householdId', BIRCH_ROAD).closest('fieldset')!.contains(checkbox)).to.equal(true);
    expect(drawn(checkbox), 'a checkbox inside the radios').to.deep.equal({
      box: '0px',
      mark: '0px',
      turned: true,
    });
  });

  it('lets a safeguarding lead search by name, address or tenancy reference', async () => {
    const el = await formFor(DEMO.lead);
    await search(el, 'Birch');
    expect(text(get(el, '.finder__search [role="status"]'))).to.match(/^\d+ households? found$/);
    expect(households(el)).to.include(BIRCH_ROAD);
    await search(el, 'RH-100234');
    expect(households(el)).to.include(ALDER_COURT);
    expect(households(el), 'the last search’s results are replaced').not.to.include(BIRCH_ROAD);
    await choose(el, 'householdId', ALDER_COURT);
    await choose(el, 'subjectIds', demo(501));
    await expect(el).to.be.accessible();
    const id = await finishAndSend(el);
    expect(await linked(id)).to.deep.equal([
      { household_id: ALDER_COURT, person_id: demo(501), role: 'SUBJECT' },
    ]);
  });

  it('searches on Enter in the search box, without moving on to the next step', async () => {
    const el = await formFor(DEMO.lead);
    get(el, '#finder-query').focus();
    await sendKeys({ type: 'Cedar' });
    await sendKeys({ press: 'Enter' });
    await until(() => households(el).includes(CEDAR_WALK), 5000, 'the results');
    expect((el as unknown as { step: string }).step).to.equal('who');
    expect(focused(el)).to.equal('input#finder-query.input');
  });

  it('tells frontline staff they can choose only the households they work with when they search', async () => {
    const el = await formFor(DEMO.frontline);
    await search(el, 'Elm');
    expect(text(get(el, '.finder__search [role="status"]'))).to.equal(
      'You can choose only the households you work with.',
    );
    expect(households(el)).not.to.include(demo(404));
  });

  it('offers a contractor only the household of their job, with no search', async () => {
    const el = await formFor(DEMO.contractor, 'contractor');
    await until(() => households(el).length > 1, 5000, 'the households');
    expect(households(el)).to.deep.equal([ALDER_COURT, '']);
    expect(find(el, '#finder-query')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the household and people on "check your answers", and refuses one person in both roles', async () => {
    const el = await formFor(DEMO.frontline);
    await until(() => households(el).length > 1);
    await choose(el, 'householdId', BIRCH_ROAD);
    await choose(el, 'subjectIds', EDITH);
    await choose(el, 'allegedSourceIds', EDITH);
    await next(el);
    await type(el, 'whatHappened', 'Seemed frightened.');
    await next(el);
    await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
    await choose(el, 'consent.status', 'GIVEN');
    await next(el);
    const check = text(get(el, '[part~="summary"]'));
    expect(check).to.contain('Which household is it?');
    expect(check).to.contain('12 Birch Road');
    expect(check).to.contain('Who is it about? Edith Marsh');
    await expect(el).to.be.accessible();
    await next(el); // Send: the shared schema refuses one person in both roles
    await until(() => summaryLinks(el).length > 0, 5000, 'the error summary');
    expect(summaryLinks(el)).to.deep.equal([
      'Someone the concern is about cannot also be the person thought to be causing the harm',
    ]);
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    await settle(el);
    expect((el as unknown as { step: string }).step).to.equal('who');
    expect(focused(el)).to.contain('allegedSourceIds');
    expect(
      await sql('select 1 from concern where what_happened = $1', ['Seemed frightened.']),
    ).to.have.length(0);
  });

  it('leaves the description and place to the person when they have typed their own', async () => {
    const el = await formFor(DEMO.frontline);
    await until(() => households(el).length > 1);
    await type(el, 'location', 'Outside the shop on Birch Road');
    await choose(el, 'householdId', BIRCH_ROAD);
    expect(field(el, 'location').value).to.equal('Outside the shop on Birch Road');
    await choose(el, 'householdId', CEDAR_WALK);
    expect(field(el, 'location').value, 'still theirs').to.equal('Outside the shop on Birch Road');
    await choose(el, 'subjectIds', demo(504));
    expect(field(el, 'subjectDescription').value).to.equal('Kelly Price');
    await choose(el, 'householdId', BIRCH_ROAD);
    expect(field(el, 'subjectDescription').value, 'the form’s own words go with the people').to.equal('');
    await type(el, 'subjectDescription', 'Edith, and a visitor I did not know');
    await choose(el, 'subjectIds', EDITH);
    expect(field(el, 'subjectDescription').value).to.equal('Edith, and a visitor I did not know');
  });

  it('lets staff add people who are not listed, by name, and stores them with the concern', async () => {
    const el = await formFor(DEMO.frontline);
    await until(() => households(el).length > 1, 5000, 'the households');
    await choose(el, 'householdId', CEDAR_WALK);
    await choose(el, 'subjectIds', demo(505));
    const kids = field(el, 'subjectDescription').value;
    // Keyboard only: Tab to "Add someone who is not listed", press it, and type where focus lands.
    await tabTo(el, get(el, 'button#namedPeople'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(focused(el)).to.equal('input#namedPeople-0-name[name=namedPeople.0.name].input');
    await sendKeys({ type: 'Jayden, about 14' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // the first role: someone the concern is about
    await settle(el);
    expect(field(el, 'namedPeople.0.role', 'SUBJECT').checked).to.equal(true);
    expect(field(el, 'subjectDescription').value, 'named subjects join the description').to.equal(
      `${kids}, Jayden, about 14`,
    );
    await expect(el).to.be.accessible();
    // Another household: its people are not chosen yet, but the person added stays.
    await choose(el, 'householdId', BIRCH_ROAD);
    expect(field(el, 'subjectDescription').value).to.equal('Jayden, about 14');
    // A second person, added and taken out again: focus goes back to the add button.
    get(el, 'button#namedPeople').click();
    await settle(el);
    expect(find(el, '#namedPeople-1')).not.to.equal(null);
    get(el, '#namedPeople-1 .named__remove').click();
    await settle(el);
    expect(find(el, '#namedPeople-1')).to.equal(null);
    expect(focused(el)).to.equal('button#namedPeople.button.button--secondary');
    // A third, without a name or a role: refused on Continue, each error naming the person.
    get(el, 'button#namedPeople').click();
    await settle(el);
    await type(el, 'namedPeople.1.description', 'Tall man in a grey van');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      'Person 2 who is not listed: Enter their name, or what people call them',
      'Person 2 who is not listed: Say whether the concern is about them or they may be causing the harm',
    ]);
    await expect(el).to.be.accessible();
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    await settle(el);
    expect(focused(el)).to.equal('input#namedPeople-1-name[name=namedPeople.1.name].input');
    await type(el, 'namedPeople.1.name', 'Unknown man');
    await choose(el, 'namedPeople.1.role', 'ALLEGED_SOURCE');
    await type(el, 'namedPeople.1.dateOfBirth', '1990-03-03');
    await next(el);
    await type(el, 'whatHappened', 'The children were alone; a man in a grey van collected the older boy.');
    await next(el);
    await choose(el, 'personViews.status', 'ASKED_NONE_EXPRESSED');
    await choose(el, 'consent.status', 'GIVEN');
    await next(el);
    const check = text(get(el, '[part~="summary"]'));
    expect(check).to.contain('Person 1 who is not listed Jayden, about 14. Someone the concern is about');
    expect(check).to.contain(
      'Person 2 who is not listed Unknown man. Someone who may be causing the harm. born 3 March 1990. Tall man in a grey van',
    );
    await expect(el).to.be.accessible();
    await next(el);
    await until(() => !!find(el, '[part~="reference"]'), 10_000, 'the reference');
    const stored = await sql<{
      name: string;
      role: string;
      date_of_birth: string | null;
      description: string | null;
    }>(
      `select n.name, n.role, to_char(n.date_of_birth, 'YYYY-MM-DD') as date_of_birth, n.description
         from concern_named_person n join concern c on c.id = n.concern_id
        where c.reference = $1 order by n.ordinal`,
      [text(get(el, '[part~="reference"]'))],
    );
    expect(stored).to.deep.equal([
      { name: 'Jayden, about 14', role: 'SUBJECT', date_of_birth: null, description: null },
      {
        name: 'Unknown man',
        role: 'ALLEGED_SOURCE',
        date_of_birth: '1990-03-03',
        description: 'Tall man in a grey van',
      },
    ]);
  });

  it('offers adding people by name to staff only, not to contractors', async () => {
    const el = await formFor(DEMO.contractor, 'contractor');
    await until(() => households(el).length > 1, 5000, 'the households');
    expect(find(el, '#namedPeople')).to.equal(null);
  });
});
