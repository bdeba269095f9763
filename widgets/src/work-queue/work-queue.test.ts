import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SgOpenEvent } from '../events/open.js';
import type { SgTriagedEvent } from '../events/triaged.js';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, focused, get, misplacedAlerts, text, until, what } from '../test-support/dom.js';
import type { SgWorkQueue } from './work-queue.js';
import './define.js';

// Against the real gateway and its demo data (gateway/src/db/demo.ts). The concerns this file
// triages it raises itself, about no household or person, so other tests' records stay as seeded.
const AGENCY_OFFICER = '00000000-0000-4000-8000-000000000301';

const tokens: Record<string, string> = {};
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  for (const who of ['lead', 'frontline', 'contractor', 'champion', 'manager'] as const)
    tokens[who] = await tokenFor(DEMO[who]);
  tokens.agency = await tokenFor(AGENCY_OFFICER);
});

let raised = 0;
/** Raises a concern as the lead (about no household), dated `hoursAgo` back; answers id and reference. */
async function raise(urgency: string, hoursAgo = 0, extra: Record<string, unknown> = {}) {
  const subject = `Work queue test ${++raised} ${Date.now()}`;
  const { raiseConcern } = await graphql<{ raiseConcern: { reference: string } }>(
    `
      mutation ($key: String!, $input: RaiseConcernInput!) {
        raiseConcern(idempotencyKey: $key, input: $input) {
          reference
        }
      }
    `,
    {
      key: crypto.randomUUID(),
      input: {
        urgency,
        categories: ['SELF_NEGLECT'],
        subjectDescription: subject,
        location: '1 Queue Street',
        whatHappened: 'Heating off and little food in the flat.',
        personViews: { status: 'ASKED_EXPRESSED', views: 'Wants help with shopping' },
        consent: { status: 'GIVEN' },
        ...extra,
      },
    },
    tokens.lead!,
  );
  const [row] = await sql<{ id: string }>(
    `update concern set raised_at = now() - make_interval(hours => $2) where reference = $1 returning id`,
    [raiseConcern.reference, hoursAgo],
  );
  return { id: row!.id, reference: raiseConcern.reference, subject };
}

async function newQueue(options: { token?: string; endpoint?: string; lang?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-work-queue
        endpoint=${options.endpoint ?? GATEWAY}
        .token=${options.token ?? tokens.lead}
      ></sg-work-queue>
    </div>`,
  );
  return wrapper.querySelector('sg-work-queue')!;
}

async function loaded(el: SgWorkQueue) {
  await until(() => !!find(el, '[aria-busy="false"]'), 15_000, 'the work queue');
  await el.updateComplete;
  return el;
}

const all = (el: SgWorkQueue) => text(get(el, '.base'));
const section = (el: SgWorkQueue, id: string) => get(el, `section[aria-labelledby="${id}"]`);
const items = (el: SgWorkQueue, id: string) => [...section(el, id).querySelectorAll<HTMLElement>('.item')];
/** The item of a concern, by its reference. */
const concernItem = (el: SgWorkQueue, reference: string) =>
  items(el, 'concerns').find((item) => text(item.querySelector('.item__title')).startsWith(reference));
const count = (el: SgWorkQueue, id: string) => Number(text(section(el, id).querySelector('.count')));

/** Types into a field of the open form, as a person does (an input event per change). */
function type(el: SgWorkQueue, name: string, value: string) {
  const control = get<HTMLTextAreaElement | HTMLSelectElement>(el, `.panel [name="${name}"]`);
  control.value = value;
  control.dispatchEvent(new Event(name.includes('recipient') ? 'change' : 'input', { bubbles: true }));
}
function choose(el: SgWorkQueue, name: string, value: string) {
  get<HTMLInputElement>(el, `.panel [name="${name}"][value="${value}"]`).click();
}
const concernState = async (id: string) =>
  (
    await sql<{ status: string; triage_decision: string | null; risk_level: string | null }>(
      'select status, triage_decision, risk_level from concern where id = $1',
      [id],
    )
  )[0]!;

describe('<sg-work-queue>', () => {
  it('is accessible while loading, and says it is loading', async () => {
    const el = await newQueue();
    expect(text(get(el, '[role="status"]'))).to.equal('Loading the work queue…');
    await expect(el).to.be.accessible();
  });

  describe('a safeguarding lead', () => {
    it('shows each section with its count, urgent concerns first with their due time, overdue in words', async () => {
      const routine = await raise('ROUTINE', 1);
      const danger = await raise('IMMEDIATE_DANGER', 3);
      const el = await loaded(await newQueue());
      await expect(el).to.be.accessible();
      expect(
        [...el.shadowRoot!.querySelectorAll('.heading')].map((h) => text(h).replace(/ \d+ \(.*\)$/, '')),
      ).to.deep.equal([
        'Concerns to triage',
        'Concerns adding up',
        'Overdue referrals',
        'Warnings to review or sign off',
        'Overdue tasks',
        'Case work due soon',
      ]);
      const [{ n }] = (await sql<{ n: number }>(
        `select count(*)::int as n from concern where organisation_id = '00000000-0000-4000-8000-000000000001' and status = 'RAISED'`,
      )) as [{ n: number }];
      expect(count(el, 'concerns')).to.equal(n);
      expect(text(get(el, '#concerns'))).to.contain(`(${n} items)`);

      // The immediate danger comes before the routine one, and says it is overdue in words.
      const order = items(el, 'concerns').map((item) => text(item.querySelector('.item__title')));
      const at = (reference: string) => order.findIndex((title) => title.startsWith(reference));
      expect(at(danger.reference)).to.be.lessThan(at(routine.reference));
      expect(order[0]).to.contain('Immediate danger');
      const overdue = concernItem(el, danger.reference)!;
      expect(overdue.getAttribute('part')).to.equal('item item-overdue');
      expect(text(overdue.querySelector('[part="overdue"]'))).to.equal('Overdue');
      expect(text(overdue)).to.match(/Triage due by \d+ \w+ \d{4}(,| at) \d+:\d\d \(UK time\)/);
      const notYet = concernItem(el, routine.reference)!;
      expect(notYet.querySelector('[part="overdue"]')).to.equal(null);
      expect(text(notYet)).to.contain('Triage due by');
      expect(text(notYet)).to.contain(`About: ${routine.subject}`);
      // The demo warnings waiting for a manager's sign-off are there too.
      expect(text(section(el, 'warnings'))).to.contain('Waiting for a manager’s sign-off');
    });

    it('triages a concern in place: field errors by their fields, then REFER with the prefilled summary; it leaves the queue', async () => {
      const concern = await raise('URGENT', 2);
      const next = await raise('URGENT', 1);
      const el = await loaded(await newQueue());
      const item = concernItem(el, concern.reference)!;
      const triage = item.querySelector<HTMLButtonElement>('button.triage')!;
      expect(text(triage)).to.equal(`Triage concern ${concern.reference}`);
      triage.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!find(el, '.panel'), 3000, 'the triage form');
      await el.updateComplete;
      expect(focused(el)).to.equal('h4.legend.legend--m');
      expect(text(get(el, '.panel .reported'))).to.equal('Heating off and little food in the flat.');
      await expect(el).to.be.accessible();

      // Nothing chosen: each required answer says so by its field, and the summary takes focus.
      get<HTMLButtonElement>(el, '.panel button[type="submit"]').click();
      await until(() => !!find(el, '.panel .error-summary'), 3000, 'the error summary');
      await el.updateComplete;
      expect(focused(el)).to.equal('div.error-summary');
      expect(text(get(el, '.panel .error-summary'))).to.contain('Select a decision');
      expect(text(get(el, '#decision-error'))).to.contain('Select a decision');
      expect(text(get(el, '#riskLevel-error'))).to.contain('Select the level of risk');
      expect(text(get(el, '#reason-error'))).to.contain('Enter the reason for the decision');
      expect(misplacedAlerts(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();

      // REFER: the agencies, the suggested legal basis and the summary come from referralDraft.
      choose(el, 'decision', 'REFER');
      choose(el, 'riskLevel', 'HIGH');
      type(el, 'reason', 'Needs an assessment today');
      await until(() => !!find(el, '.panel [name="referral.summary"]'), 5000, 'the referral draft');
      await el.updateComplete;
      const summary = get<HTMLTextAreaElement>(el, '.panel [name="referral.summary"]');
      expect(summary.value).to.contain(`Concern ${concern.reference}`);
      // Consent was given: the legal basis is suggested.
      expect(
        get<HTMLInputElement>(el, '.panel [name="referral.legalBasis"][value="CONSENT"]').checked,
      ).to.equal(true);
      // Without consent as the basis, the reason is needed.
      choose(el, 'referral.legalBasis', 'RISK_TO_ADULT');
      const agencies = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('.panel select option')];
      const northshire = agencies.find((o) => text(o).includes('Northshire'))!;
      type(el, 'referral.recipientOrganisationId', northshire.value);
      get<HTMLButtonElement>(el, '.panel button[type="submit"]').click();
      await until(() => !!find(el, '#referral-legalBasisReason-error'), 3000, 'the legal basis reason error');
      // What was entered is all still there.
      expect(get<HTMLTextAreaElement>(el, '.panel [name="reason"]').value).to.equal(
        'Needs an assessment today',
      );
      expect(get<HTMLSelectElement>(el, '.panel select').value).to.equal(northshire.value);
      await expect(el).to.be.accessible();
      expect(await concernState(concern.id)).to.deep.equal({
        status: 'RAISED',
        triage_decision: null,
        risk_level: null,
      });

      type(el, 'referral.legalBasisReason', 'He cannot keep himself safe at home');
      const triaged = oneEvent(el, 'sg-triaged') as Promise<SgTriagedEvent>;
      get<HTMLButtonElement>(el, '.panel button[type="submit"]').click();
      const event = await triaged;
      expect([event.concernId, event.decision, event.riskLevel]).to.deep.equal([concern.id, 'REFER', 'HIGH']);
      expect(await concernState(concern.id)).to.deep.equal({
        status: 'TRIAGED',
        triage_decision: 'REFER',
        risk_level: 'HIGH',
      });
      const [referral] = await sql<{ legal_basis: string; reason: string }>(
        'select legal_basis, reason from referral where concern_id = $1',
        [concern.id],
      );
      expect(referral).to.deep.include({ legal_basis: 'RISK_TO_ADULT', reason: 'Needs an assessment today' });
      // It has left the queue, the count with it, and focus went to the next concern.
      await el.updateComplete;
      expect(concernItem(el, concern.reference)).to.equal(undefined);
      expect(focused(el)).to.equal(`p#item-${next.id}.item__title`);
      expect(text(get(el, '.base > .content > [role="status"]'))).to.contain(
        `Concern ${concern.reference} is triaged and has left the queue.`,
      );
      await expect(el).to.be.accessible();
    });

    it('shows the gateway’s refusal of a field by that field and keeps what was entered', async () => {
      const concern = await raise('ROUTINE');
      const el = await loaded(await newQueue());
      concernItem(el, concern.reference)!.querySelector<HTMLButtonElement>('button.triage')!.click();
      await el.updateComplete;
      const long = 'x'.repeat(2_001);
      choose(el, 'decision', 'NO_FURTHER_ACTION');
      choose(el, 'riskLevel', 'LOW');
      type(el, 'reason', long);
      const errors: string[] = [];
      el.addEventListener('sg-error', (event) => errors.push(event.code));
      get<HTMLButtonElement>(el, '.panel button[type="submit"]').click();
      await until(() => !!find(el, '#reason-error'), 5000, 'the reason’s error');
      // Invalid answers are the form's to show, not an error for the host page.
      expect(errors).to.deep.equal([]);
      expect(text(get(el, '#reason-error'))).to.contain('This is too long: shorten it');
      expect(get<HTMLTextAreaElement>(el, '.panel [name="reason"]').value).to.equal(long);
      expect(get<HTMLInputElement>(el, '.panel [name="riskLevel"][value="LOW"]').checked).to.equal(true);
      expect((await concernState(concern.id)).status).to.equal('RAISED');
      await expect(el).to.be.accessible();
    });

    it('says plainly when a colleague triaged the concern first, keeps what was entered, and refreshes', async () => {
      const concern = await raise('URGENT');
      const el = await loaded(await newQueue());
      concernItem(el, concern.reference)!.querySelector<HTMLButtonElement>('button.triage')!.click();
      await el.updateComplete;
      choose(el, 'decision', 'OPEN_CASE');
      choose(el, 'riskLevel', 'MEDIUM');
      type(el, 'reason', 'My reason');
      // The champion triages it meanwhile.
      await graphql(
        `
          mutation ($id: ID!) {
            triageConcern(id: $id, input: { decision: MONITOR_LOW_LEVEL, riskLevel: LOW, reason: "Seen" }) {
              id
            }
          }
        `,
        { id: concern.id },
        tokens.champion!,
      );
      get<HTMLButtonElement>(el, '.panel button[type="submit"]').click();
      await until(() => all(el).includes('Someone else triaged'), 5000, 'the stale notice');
      expect(text(get(el, '.panel [role="alert"]'))).to.contain(
        `Someone else triaged concern ${concern.reference} while you had it open, so your decision was not saved.`,
      );
      expect(get<HTMLTextAreaElement>(el, '.panel [name="reason"]').value).to.equal('My reason');
      expect(await concernState(concern.id)).to.deep.equal({
        status: 'TRIAGED',
        triage_decision: 'MONITOR_LOW_LEVEL',
        risk_level: 'LOW',
      });
      await expect(el).to.be.accessible();
      get<HTMLButtonElement>(el, '.panel .error-summary button').click();
      await until(() => !concernItem(el, concern.reference), 5000, 'the concern to leave');
      expect(all(el)).to.contain(`Concern ${concern.reference} is no longer waiting for triage`);
    });

    it('reviews a cumulative-concern flag with a reason; overdue referrals and tasks open their records', async () => {
      // Three low-level concerns about a new household raise a flag and its task.
      const { createHousehold } = await graphql<{ createHousehold: { id: string } }>(
        `
          mutation ($key: String!, $input: HouseholdInput!) {
            createHousehold(idempotencyKey: $key, input: $input) {
              id
            }
          }
        `,
        {
          key: crypto.randomUUID(),
          input: {
            tenancyReference: `WQ-${Date.now()}`,
            addressLine1: '9 Queue Close',
            town: 'Riverside',
            postcode: 'RV9 9QC',
            localAuthorityArea: 'Northshire Council',
            tenure: 'SOCIAL_RENT',
          },
        },
        tokens.lead!,
      );
      for (let i = 0; i < 3; i++) await raise('LOW_LEVEL', 0, { householdId: createHousehold.id });
      const [flag] = await sql<{ id: string }>('select id from cumulative_flag where household_id = $1', [
        createHousehold.id,
      ]);
      // Its task is made overdue, and a referral is left unanswered past its date.
      const [task] = await sql<{ id: string }>(
        `update task set due_at = now() - interval '1 day' where source_id = $1 returning id`,
        [flag!.id],
      );
      const referred = await raise('URGENT');
      await graphql(
        `
          mutation ($id: ID!, $agency: ID!) {
            triageConcern(
              id: $id
              input: {
                decision: REFER
                riskLevel: HIGH
                reason: "Refer"
                referral: { recipientOrganisationId: $agency, legalBasis: CONSENT }
              }
            ) {
              id
            }
          }
        `,
        { id: referred.id, agency: '00000000-0000-4000-8000-000000000003' },
        tokens.lead!,
      );
      const [referral] = await sql<{ id: string }>(
        `update referral set respond_by = now() - interval '2 days' where concern_id = $1 returning id`,
        [referred.id],
      );

      const el = await loaded(await newQueue());
      await expect(el).to.be.accessible();
      const flagItem = get(el, `#item-${flag!.id}`).closest('.item')!;
      expect(text(flagItem)).to.contain('3 low-level concerns within 12 months');
      expect(text(flagItem)).to.contain('About the household at 9 Queue Close');
      const referralItem = get(el, `#item-${referral!.id}`).closest('.item')!;
      expect(text(referralItem)).to.contain('Referral to Northshire');
      expect(text(referralItem.querySelector('[part="overdue"]'))).to.equal('Overdue');
      expect(text(referralItem)).to.contain('Response was due by');
      const taskItem = get(el, `#item-${task!.id}`).closest('.item')!;
      expect(text(taskItem)).to.contain('Review a cumulative-concern flag');
      expect(text(taskItem.querySelector('[part="overdue"]'))).to.equal('Overdue');

      // Each opens its record, from the keyboard.
      for (const [at, kind, id] of [
        [referralItem, 'Referral', referral!.id],
        [taskItem, 'CumulativeFlag', flag!.id],
        [flagItem, 'CumulativeFlag', flag!.id],
      ] as const) {
        at.querySelector<HTMLButtonElement>('button.open')!.focus();
        setTimeout(() => void sendKeys({ press: 'Enter' }));
        const opened = (await oneEvent(el, 'sg-open')) as SgOpenEvent;
        expect([opened.kind, opened.id]).to.deep.equal([kind, id]);
      }

      // Review the flag: a reason is needed, then it leaves the queue.
      const flags = count(el, 'flags');
      flagItem.querySelector<HTMLButtonElement>('button.review')!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal('textarea#flag-reason[name=flag-reason].textarea');
      get<HTMLButtonElement>(el, `section[aria-labelledby="flags"] .panel button[type="submit"]`).click();
      await until(() => !!find(el, '#flag-reason-error'), 3000, 'the reason’s error');
      await expect(el).to.be.accessible();
      await sendKeys({ type: 'Nothing more: the family is supported' });
      get<HTMLButtonElement>(el, `section[aria-labelledby="flags"] .panel button[type="submit"]`).click();
      await until(() => !find(el, `#item-${flag!.id}`), 5000, 'the flag to leave');
      expect(count(el, 'flags')).to.equal(flags - 1);
      const [reviewed] = await sql<{ status: string; review_reason: string }>(
        'select status, review_reason from cumulative_flag where id = $1',
        [flag!.id],
      );
      expect(reviewed).to.deep.equal({
        status: 'REVIEWED',
        review_reason: 'Nothing more: the family is supported',
      });
    });

    it('reaches every control with Tab, in reading order, and the triage form too', async () => {
      const el = await loaded(await newQueue());
      const controls = () => [
        ...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, textarea, select, a'),
      ];
      const tabThrough = async (count: number) => {
        const reached: string[] = [];
        for (let i = 0; i < count; i++) {
          await sendKeys({ press: 'Tab' });
          reached.push(focused(el));
        }
        return reached;
      };
      document.body.focus();
      const buttons = controls();
      expect(await tabThrough(buttons.length)).to.deep.equal(buttons.map(what));
      // Open the first concern's triage form with the keyboard: every field is reached in order.
      get<HTMLButtonElement>(el, 'button.triage').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // One stop per radio group (arrows move within it), then the reason and the two buttons.
      const reached = await tabThrough(5);
      expect(reached).to.deep.equal([
        'input#decision-NO_FURTHER_ACTION[name=decision].choice__input',
        'input#riskLevel-LOW[name=riskLevel].choice__input',
        'textarea#reason[name=reason].textarea',
        'button.button',
        'button.button.button--secondary',
      ]);
    });

    it('refreshes with the button and when the page is shown again', async () => {
      const el = await loaded(await newQueue());
      const first = await raise('URGENT');
      expect(concernItem(el, first.reference)).to.equal(undefined);
      get<HTMLButtonElement>(el, 'button.refresh').click();
      await until(() => !!concernItem(el, first.reference), 5000, 'the refresh');
      const second = await raise('URGENT');
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => !!concernItem(el, second.reference), 5000, 'the refresh on being shown');
    });
  });

  for (const [who, label] of [
    ['contractor', 'a contractor'],
    ['frontline', 'a frontline housing officer'],
    ['agency', 'an agency officer'],
    ['manager', 'a housing manager'],
  ] as const) {
    it(`shows ${label} a plain "not available" notice and no data`, async () => {
      const el = await loaded(await newQueue({ token: tokens[who] }));
      expect(text(get(el, '.notice'))).to.equal(
        'The work queue is not available to you. It is for safeguarding leads and champions.',
      );
      expect(el.shadowRoot!.querySelectorAll('.item, .section, button').length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('says when it cannot load, offers to try again, and is accessible', async () => {
    const el = await loaded(await newQueue({ endpoint: 'http://127.0.0.1:9/graphql' }));
    expect(text(get(el, '[role="alert"]'))).to.contain('There is no connection.');
    await expect(el).to.be.accessible();
    el.endpoint = GATEWAY;
    await until(() => !!find(el, '.section'), 8_000, 'the queue from the real gateway');
  });

  describe('case work falling due', () => {
    /** A case the lead leads about someone new (no household), with an action due in 3 days and a review in 5. */
    async function caseFallingDue() {
      const { createPerson } = await graphql<{ createPerson: { person: { id: string } } }>(
        `
          mutation ($key: String!, $input: CreatePersonInput!) {
            createPerson(idempotencyKey: $key, input: $input) {
              person {
                id
              }
            }
          }
        `,
        {
          key: crypto.randomUUID(),
          input: { person: { givenName: 'Queue', familyName: `Case${Date.now()}` } },
        },
        tokens.lead!,
      );
      const { openCase } = await graphql<{ openCase: { id: string } }>(
        `
          mutation ($input: OpenCaseInput!) {
            openCase(input: $input) {
              id
            }
          }
        `,
        {
          input: { personIds: [createPerson.person.id], desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } },
        },
        tokens.lead!,
      );
      const dueOn = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const what = `Visit with the occupational therapist ${Date.now()}`;
      const { addCaseAction } = await graphql<{ addCaseAction: { id: string } }>(
        `
          mutation ($id: ID!, $input: CaseActionInput!) {
            addCaseAction(caseId: $id, input: $input) {
              id
            }
          }
        `,
        { id: openCase.id, input: { what, who: 'Priya', dueOn } },
        tokens.lead!,
      );
      await sql(`update safeguarding_case set next_review_due = now() + interval '5 days' where id = $1`, [
        openCase.id,
      ]);
      return { caseId: openCase.id, actionId: addCaseAction.id, what };
    }

    it('shows the lead a case’s action and review before they are overdue, each opening the case from the keyboard', async () => {
      const c = await caseFallingDue();
      const el = await loaded(await newQueue());
      await expect(el).to.be.accessible();
      const action = section(el, 'cases').querySelector(`#item-${c.actionId}`)!.closest('.item')!;
      expect(text(action.querySelector('.item__title'))).to.equal(c.what);
      expect(text(action)).to.contain('Due by the end of');
      expect(action.querySelector('[part="overdue"]')).to.equal(null);
      const review = section(el, 'cases').querySelector(`#item-${c.caseId}`)!.closest('.item')!;
      expect(text(review.querySelector('.item__title'))).to.equal('Case review');
      expect(text(review)).to.contain('Due by');
      const [{ n }] = (await sql<{ n: number }>(
        `select (select count(*) from case_action a join safeguarding_case c on c.id = a.case_id
                  where c.status = 'OPEN' and a.status = 'OPEN' and a.due_on between current_date and current_date + 14)
              + (select count(*) from safeguarding_case where status = 'OPEN'
                  and next_review_due > now() and next_review_due <= now() + interval '14 days') as n`,
      )) as [{ n: number }];
      expect(count(el, 'cases')).to.equal(Number(n));
      for (const at of [action, review]) {
        at.querySelector<HTMLButtonElement>('button.open')!.focus();
        setTimeout(() => void sendKeys({ press: 'Enter' }));
        const opened = (await oneEvent(el, 'sg-open')) as SgOpenEvent;
        expect([opened.kind, opened.id]).to.deep.equal(['Case', c.caseId]);
      }
    });

    it('shows a champion only the cases they lead', async () => {
      const c = await caseFallingDue();
      const el = await loaded(await newQueue({ token: tokens.champion }));
      expect(find(el, `#item-${c.actionId}`)).to.equal(null);
      expect(find(el, `#item-${c.caseId}`)).to.equal(null);
      expect(text(get(el, '#cases'))).to.contain('Case work due soon');
    });
  });

  it('speaks Welsh, and is accessible', async () => {
    const el = await loaded(await newQueue({ lang: 'cy' }));
    expect(all(el)).to.contain('Pryderon i’w brysbennu');
    expect(all(el)).to.contain('Gwaith achos i’w wneud yn fuan');
    expect(all(el)).to.contain('(amser y DU)');
    await expect(el).to.be.accessible();
  });

  describe('small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    for (const [label, width] of [
      ['a 320px phone', 320],
      ['200% zoom (640 CSS px)', 640],
    ] as const) {
      it(`fits ${label} with the triage form open and nothing wider than the window`, async () => {
        await setViewport({ width, height: 640 });
        const el = await loaded(await newQueue());
        get<HTMLButtonElement>(el, 'button.triage').click();
        await el.updateComplete;
        choose(el, 'decision', 'REFER');
        await until(() => !!find(el, '.panel select'), 5000, 'the referral draft');
        await el.updateComplete;
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
