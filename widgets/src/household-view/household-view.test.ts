import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SgErrorEvent } from '../events/error.js';
import type { SgOpenEvent } from '../events/open.js';
import type { SgRaiseConcernEvent } from '../events/raise-concern.js';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, get, text, until } from '../test-support/dom.js';
import type { SgHouseholdView } from './household-view.js';
import './define.js';
import '../provider/define.js';

// The demo households (gateway/src/db/demo.ts): Alder Court (Walter Briggs; the contractor's gas
// job), Birch Road (the Marshes) and Cedar Walk (Kelly Price and her children Mason and Lily; the
// frontline officer's patch), Elm Row (Sophie Hart, restricted by the lead).
const household = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const ALDER = household(401);
const CEDAR = household(403);
const ELM = household(404);
const KELLY = household(504);
const MASON = household(505);
const ORGANISATION = '00000000-0000-4000-8000-000000000001';

const tokens: Record<string, string> = {};
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  for (const who of ['lead', 'frontline', 'contractor', 'champion'] as const)
    tokens[who] = await tokenFor(DEMO[who]);
});

async function newView(id: string, options: { token?: string; endpoint?: string; lang?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-household-view
        household-id=${id}
        endpoint=${options.endpoint ?? GATEWAY}
        .token=${options.token ?? tokens.lead}
      ></sg-household-view>
    </div>`,
  );
  return wrapper.querySelector('sg-household-view')!;
}

async function loaded(el: SgHouseholdView) {
  await until(() => !!find(el, '[aria-busy="false"]'), 10_000, 'the household');
  await el.updateComplete;
  return el;
}

/** Everything the widget shows, as one line of text. */
const all = (el: SgHouseholdView) => text(get(el, '.base'));
/** Everyone shown, by name (in alphabetical order: the gateway orders by when they joined). */
const people = (el: SgHouseholdView) =>
  [...el.shadowRoot!.querySelectorAll('.person')].map((p) => text(p.querySelector('.person__name'))).sort();
const person = (el: SgHouseholdView, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.person')].find((p) =>
    text(p.querySelector('.person__name')).startsWith(name),
  )!;
const openCount = async (where: string, id: string) =>
  Number(
    (
      await sql<{ n: number }>(
        `select count(*)::int as n from concern c where c.organisation_id = $1 and c.status <> 'CLOSED' and ${where}`,
        [ORGANISATION, id],
      )
    )[0]!.n,
  );

describe('<sg-household-view>', () => {
  it('is accessible while loading, and says it is loading', async () => {
    const el = await newView(CEDAR);
    expect(text(get(el, '[role="status"]'))).to.equal('Loading the household…');
    await expect(el).to.be.accessible();
  });

  describe('a safeguarding lead (Think Family)', () => {
    it('shows everyone with ages, children marked in words, roles, relationships, warnings first, and is accessible', async () => {
      const el = await loaded(await newView(CEDAR));
      await expect(el).to.be.accessible();
      expect(text(get(el, '#title'))).to.contain('7 Cedar Walk');
      expect(people(el)).to.deep.equal(['Kelly Price', 'Lily Price Child', 'Mason Price Child']);
      // Children: the word "Child" in a badge, not a colour.
      expect(text(person(el, 'Mason').querySelector('[part~="child"]'))).to.equal('Child');
      expect(person(el, 'Kelly').querySelector('[part~="child"]')).to.equal(null);
      expect(text(person(el, 'Mason'))).to.match(/Age \d+ · Lives here/);
      expect(text(person(el, 'Kelly'))).to.contain('Lead tenant');
      expect(text(person(el, 'Kelly').querySelector('.relationships'))).to.contain('Child: Mason Price');
      expect(text(person(el, 'Kelly').querySelector('.relationships'))).to.contain(
        'Former partner: Ryan Cole',
      );
      // Warnings come before the people, in plain words.
      const warnings = get(el, '[part~="warnings"]');
      const after = warnings.compareDocumentPosition(get(el, '[part~="people"]'));
      expect(after & Node.DOCUMENT_POSITION_FOLLOWING).to.equal(Node.DOCUMENT_POSITION_FOLLOWING);
      expect(text(warnings)).to.contain('Warning: Risk to staff');
      expect(text(warnings)).to.contain('Visit in pairs and in daylight');
    });

    it('counts the open concerns, referrals and cases of the household and each person, as the gateway does', async () => {
      // A case about Kelly, in her household, opened by the lead (the demo data has none).
      await graphql(
        `
          mutation ($input: OpenCaseInput!) {
            openCase(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            personIds: [KELLY],
            householdId: CEDAR,
            desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'To feel safe at home' },
          },
        },
        tokens.lead!,
      );
      const el = await loaded(await newView(CEDAR));
      const household = await openCount('c.household_id = $2', CEDAR);
      const kelly = await openCount(
        'exists (select 1 from concern_person s where s.concern_id = c.id and s.person_id = $2)',
        KELLY,
      );
      const plural = (n: number, word: string) => `${n} open ${word}${n === 1 ? '' : 's'}`;
      expect(text(get(el, '[part~="counts"]'))).to.contain(plural(household, 'concern'));
      expect(text(person(el, 'Kelly').querySelector('.counts'))).to.contain(plural(kelly, 'concern'));
      expect(text(get(el, '[part~="counts"]'))).to.match(/\d+ open referrals?/);
      const cases = async (where: string, id: string) =>
        Number(
          (
            await sql<{ n: number }>(
              `select count(*)::int as n from safeguarding_case c
                where c.organisation_id = $1 and c.status = 'OPEN' and ${where}`,
              [ORGANISATION, id],
            )
          )[0]!.n,
        );
      const householdCases = await cases('c.household_id = $2', CEDAR);
      const kellyCases = await cases(
        'exists (select 1 from case_person s where s.case_id = c.id and s.person_id = $2)',
        KELLY,
      );
      expect(householdCases).to.be.at.least(1);
      expect(text(get(el, '[part~="counts"]'))).to.contain(plural(householdCases, 'case'));
      expect(text(person(el, 'Kelly').querySelector('.counts'))).to.contain(plural(kellyCases, 'case'));
      expect(text(person(el, 'Mason').querySelector('.counts'))).to.contain('0 open cases');
    });

    it('opens a count with sg-open, from the keyboard, and hands a person over with sg-raise-concern', async () => {
      const el = await loaded(await newView(CEDAR));
      const count = find<HTMLButtonElement>(el, 'button.count[data-kind="household-concerns"]');
      expect(count, 'the household has open concerns in the demo').to.not.equal(null);
      count!.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const opened = (await oneEvent(el, 'sg-open')) as SgOpenEvent;
      expect([opened.kind, opened.id]).to.deep.equal(['household-concerns', CEDAR]);

      // Tab from the last count to Mason's "Raise a concern" and press Space.
      const raise = person(el, 'Mason').querySelector<HTMLButtonElement>('button.raise')!;
      expect(text(raise)).to.equal('Raise a concern about Mason Price');
      raise.focus();
      setTimeout(() => void sendKeys({ press: 'Space' }));
      const handed = (await oneEvent(el, 'sg-raise-concern')) as SgRaiseConcernEvent;
      expect([handed.householdId, handed.personId]).to.deep.equal([CEDAR, MASON]);
      expect(handed.bubbles && handed.composed).to.equal(true);
    });

    it('reaches every control with Tab, in reading order', async () => {
      const el = await loaded(await newView(CEDAR));
      const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button')];
      const reached: Element[] = [];
      document.body.focus();
      for (let i = 0; i < controls.length; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(el.shadowRoot!.activeElement!);
      }
      expect(reached.map((r) => text(r))).to.deep.equal(controls.map((c) => text(c)));
    });

    it('sees a person they restricted', async () => {
      const el = await loaded(await newView(ELM));
      expect(people(el)).to.deep.equal(['Sophie Hart']);
    });
  });

  describe('who may not see a restricted person', () => {
    it('a champion sees the household without her', async () => {
      const el = await loaded(await newView(ELM, { token: tokens.champion }));
      expect(people(el)).to.deep.equal([]);
      expect(all(el)).to.contain('Nobody is recorded as living here.');
      expect(all(el)).not.to.contain('Sophie');
      await expect(el).to.be.accessible();
    });

    it('a contractor with a job there sees the visit view without her', async () => {
      const [job] = await sql<{ id: string }>(
        `insert into household_assignment (id, organisation_id, user_id, household_id, from_date, reason, created_by_id, created_at)
         values (gen_random_uuid(), $1, $2, $3, current_date, 'REPAIR_JOB', $4, now()) returning id`,
        [ORGANISATION, DEMO.contractor, ELM, DEMO.lead],
      );
      try {
        const el = await loaded(await newView(ELM, { token: tokens.contractor }));
        expect(find(el, '[part~="notice"]')).to.not.equal(null);
        expect(people(el)).to.deep.equal([]);
        expect(all(el)).not.to.contain('Sophie');
      } finally {
        await sql('delete from household_assignment where id = $1', [job!.id]);
      }
    });
  });

  for (const [who, id, names] of [
    ['frontline', CEDAR, ['Kelly Price', 'Lily Price', 'Mason Price']],
    ['contractor', ALDER, ['Walter Briggs']],
  ] as const) {
    describe(`a ${who === 'frontline' ? 'frontline housing officer' : 'contractor'} (the visit view)`, () => {
      it('sees who lives there and the warnings, and nothing behind them; accessible', async () => {
        const el = await loaded(await newView(id, { token: tokens[who] }));
        await expect(el).to.be.accessible();
        expect(text(get(el, '[part~="notice"]'))).to.contain('who lives here and how to stay safe');
        expect(people(el)).to.deep.equal(names);
        expect(el.shadowRoot!.querySelectorAll('[part~="warning"]').length).to.be.greaterThan(0);
        // No ages, children, roles, relationships or counts: the gateway did not give them.
        const shown = all(el);
        for (const hidden of [
          'Age ',
          'Child',
          'Lead tenant',
          'open concern',
          'open referral',
          'Former partner',
        ]) {
          expect(shown, hidden).not.to.contain(hidden);
        }
        expect(find(el, '[part~="counts"]')).to.equal(null);
        // They can still raise a concern about someone there.
        expect(el.shadowRoot!.querySelectorAll('button.raise').length).to.equal(names.length);
      });
    });
  }

  it('a contractor sees nothing of a household they do not work with', async () => {
    const el = await loaded(await newView(CEDAR, { token: tokens.contractor }));
    expect(text(get(el, '[role="alert"]'))).to.contain(
      'We could not find this household, or you do not work with it.',
    );
    expect(people(el)).to.deep.equal([]);
    expect(all(el)).not.to.contain('Cedar');
    await expect(el).to.be.accessible();
  });

  it('reads the household again when someone else signs in, through the provider or its own token', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <sg-provider endpoint=${GATEWAY}
          ><sg-household-view household-id=${CEDAR}></sg-household-view
        ></sg-provider>
      </div>`,
    );
    const provider = wrapper.querySelector('sg-provider')!;
    provider.fetchToken = () => tokens.lead!;
    const el = await loaded(wrapper.querySelector('sg-household-view')!);
    await until(() => !!find(el, '[part~="counts"]'), 10_000, 'Think Family');
    // The lead hands the device to a contractor, who has no job there: nothing the lead saw stays.
    provider.fetchToken = () => tokens.contractor!;
    await until(() => !!find(el, '[role="alert"]'), 10_000, 'the contractor’s answer');
    expect(people(el)).to.deep.equal([]);
    expect(all(el)).not.to.contain('open concern');
    // Its own token wins over the provider's, and a new one is read with at once.
    el.token = tokens.frontline;
    await until(() => people(el).length === 3, 10_000, 'the visit view');
    expect(find(el, '[part~="counts"]')).to.equal(null);
  });

  it('a contractor sees that a new warning is not yet checked by a manager', async () => {
    const el = await loaded(await newView(ALDER, { token: tokens.contractor }));
    expect(text(get(el, '[part~="warnings"]'))).to.contain('About Walter Briggs');
    expect(text(get(el, '[part~="warnings"]'))).to.contain('New: not yet checked by a manager');
  });

  it('says when it cannot load, offers to try again, and is accessible', async () => {
    const el = await loaded(await newView(CEDAR, { endpoint: 'http://127.0.0.1:9/graphql' }));
    expect(text(get(el, '[role="alert"]'))).to.contain('There is no connection.');
    await expect(el).to.be.accessible();
    const retry = () => get<HTMLButtonElement>(el, '[part~="error-summary"] button').click();
    const failed = oneEvent(el, 'sg-error') as Promise<SgErrorEvent>;
    retry();
    expect((await failed).code).to.equal('NETWORK_ERROR');
    await loaded(el);
    el.endpoint = GATEWAY;
    retry();
    await until(() => people(el).length === 3, 8_000, 'the household after trying again');
  });

  it('speaks Welsh', async () => {
    const el = await loaded(await newView(CEDAR, { lang: 'cy' }));
    expect(all(el)).to.contain('Rhybuddion');
    expect(text(person(el, 'Mason'))).to.contain('Plentyn');
    await expect(el).to.be.accessible();
  });

  describe('small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    for (const [label, width] of [
      ['a 320px phone', 320],
      ['200% zoom (640 CSS px)', 640],
    ] as const) {
      it(`fits ${label} with nothing wider than the window`, async () => {
        await setViewport({ width, height: 640 });
        const el = await loaded(await newView(CEDAR));
        for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
          if (!element.checkVisibility()) continue;
          expect(element.getBoundingClientRect().right, element.className).to.be.at.most(width + 0.5);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        for (const button of el.shadowRoot!.querySelectorAll('button')) {
          expect(button.getBoundingClientRect().height).to.be.at.least(24);
        }
      });
    }
  });
});
