import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { SELF_ASSESSMENT_QUESTIONS } from '@doorstep/schema';
import {
  connection,
  DEMO,
  doorstepReady,
  GATEWAY,
  graphql,
  sql,
  tokenFor,
} from '../test-support/doorstep.js';
import { field, find, focused, get, text, until } from '../test-support/dom.js';
import { clearDeviceStorage, rawRecords } from '../test-support/storage.js';
import { SAVE_AFTER_TYPING_MS, type SgSelfAssessment } from './self-assessment.js';
import './define.js';
import '../provider/define.js';

const ORGANISATION = '00000000-0000-4000-8000-000000000001';
let lead: string;
before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  lead = await tokenFor(DEMO.lead);
});
// Each test starts from a checklist nobody has answered (as the database owner: the gateway itself
// can only add answers, never remove them), on a fresh device (no draft, nothing in the outbox).
beforeEach(async () => {
  await sql('delete from self_assessment_answer where organisation_id = $1', [ORGANISATION]);
  await sql('delete from self_assessment_round where organisation_id = $1', [ORGANISATION]);
  await clearDeviceStorage();
});

type Answer = { question_id: string; status: string; evidence: string | null; answered_by_id: string };
const answers = (questionId: string) =>
  sql<Answer>(
    `select question_id, status, evidence, answered_by_id from self_assessment_answer
      where organisation_id = $1 and question_id = $2 order by answered_at desc`,
    [ORGANISATION, questionId],
  );

async function newChecklist(options: { lang?: string; token?: string; endpoint?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-self-assessment
        endpoint=${options.endpoint ?? GATEWAY}
        .token=${options.token ?? lead}
      ></sg-self-assessment>
    </div>`,
  );
  const el = wrapper.querySelector('sg-self-assessment')!;
  await until(() => !!find(el, '.question') || !!find(el, '.error-summary'), 10_000, 'the checklist');
  return el;
}

const saveState = (el: SgSelfAssessment, id: string) =>
  text(get(el, `#question-${id}`).closest('section')!.querySelector('.save-state'));

async function choose(el: SgSelfAssessment, id: string, status: string) {
  field(el, `status.${id}`, status).click();
  await el.updateComplete;
}

/** Types into an evidence box and leaves it, as a person tabbing on does. */
async function writeEvidence(el: SgSelfAssessment, id: string, value: string) {
  const box = field(el, `evidence.${id}`);
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const ANSWER = `mutation ($input: SelfAssessmentAnswerInput!) {
  answerSelfAssessment(input: $input) { id status evidence }
}`;

describe('<sg-self-assessment>', () => {
  it('shows every question of the checklist in order, with its paragraph references, and is accessible', async () => {
    const el = await newChecklist();
    await expect(el).to.be.accessible();
    const numbers = [...el.shadowRoot!.querySelectorAll('.question__number')].map((n) => text(n));
    expect(numbers).to.deep.equal(SELF_ASSESSMENT_QUESTIONS.map((q) => q.id));
    const first = get(el, '#question-1a').closest('section')!;
    expect(text(first)).to.contain(
      'Do you have a senior manager with strategic responsibility for safeguarding?',
    );
    expect(text(first)).to.contain('Statutory guidance: paragraphs 14.187, 14.109');
    expect(text(get(el, '[part~="progress"]'))).to.equal(
      `0 of ${SELF_ASSESSMENT_QUESTIONS.length} questions answered`,
    );
  });

  it('is complete in Welsh', async () => {
    const el = await newChecklist({ lang: 'cy' });
    await expect(el).to.be.accessible();
    expect(text(get(el, '.title'))).to.equal('Hunanasesiad diogelu oedolion');
    expect(text(get(el, '#question-3'))).to.contain('hyfforddiant diogelu rheolaidd');
    expect(text(get(el, 'label[for="status-3-IN_PROGRESS"]'))).to.equal('Ar y gweill');
  });

  it('saves an answer as soon as it is chosen, and its evidence when the box is left', async () => {
    const el = await newChecklist();
    await choose(el, '3', 'IN_PROGRESS');
    await until(() => saveState(el, '3').startsWith('Saved'), 5000, 'the answer saved');
    expect(saveState(el, '3')).to.contain('by Priya Shah');
    expect((await answers('3')).map((a) => a.status)).to.deep.equal(['IN_PROGRESS']);
    await writeEvidence(el, '3', 'Training plan for 2027 agreed; first sessions in March.');
    await until(async () => (await answers('3')).length === 2, 5000, 'the evidence saved');
    const [latest, first] = await answers('3');
    expect(latest!.evidence).to.equal('Training plan for 2027 agreed; first sessions in March.');
    expect(first!.evidence, 'the earlier answer is kept').to.equal(null);
    expect(latest!.answered_by_id).to.equal(DEMO.lead);
    expect(text(get(el, '[part~="progress"]'))).to.equal(
      `1 of ${SELF_ASSESSMENT_QUESTIONS.length} questions answered`,
    );
    await expect(el).to.be.accessible();
  });

  it('saves evidence when typing pauses, without waiting for the box to be left', async function () {
    this.timeout(15_000);
    const el = await newChecklist();
    await choose(el, '9', 'YES');
    await until(async () => (await answers('9')).length === 1);
    const box = field(el, 'evidence.9');
    box.value = 'Annual review of every safeguarding case';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, SAVE_AFTER_TYPING_MS / 2));
    expect(await answers('9'), 'not while the person is still typing').to.have.length(1);
    await until(async () => (await answers('9')).length === 2, SAVE_AFTER_TYPING_MS * 3, 'the pause');
    expect((await answers('9'))[0]!.evidence).to.equal('Annual review of every safeguarding case');
  });

  it('asks for an answer before evidence on its own can be saved', async () => {
    const el = await newChecklist();
    await writeEvidence(el, '7', 'We meet the MASH monthly');
    expect(saveState(el, '7')).to.equal('Choose yes, no or in progress to save your comments.');
    expect(await answers('7')).to.have.length(0);
    await choose(el, '7', 'YES');
    await until(async () => (await answers('7')).length === 1);
    expect((await answers('7'))[0]!.evidence).to.equal('We meet the MASH monthly');
  });

  it('shows the saved answers when it opens again', async () => {
    await graphql(
      ANSWER,
      { input: { questionId: '2a', status: 'NO', evidence: 'Policy out of date' } },
      lead,
    );
    const el = await newChecklist();
    expect(field(el, 'status.2a', 'NO').checked).to.equal(true);
    expect(field(el, 'evidence.2a').value).to.equal('Policy out of date');
    expect(saveState(el, '2a')).to.match(/^Saved .* by Priya Shah/);
  });

  it('does not overwrite an answer someone else saved meanwhile: it shows theirs and lets the person choose', async () => {
    const el = await newChecklist();
    const manager = await tokenFor(DEMO.manager);
    await graphql(
      ANSWER,
      { input: { questionId: '5', status: 'YES', evidence: 'We sit on the board' } },
      manager,
    );
    await choose(el, '5', 'NO');
    await until(() => !!find(el, '[part~="conflict"]'), 5000, 'the conflict');
    const conflict = get(el, '[part~="conflict"]');
    expect(text(conflict)).to.contain('We sit on the board');
    expect(text(conflict)).to.contain('by Ana Costa');
    await expect(el).to.be.accessible();
    expect(
      (await answers('5')).map((a) => a.status),
      'nothing overwritten',
    ).to.deep.equal(['YES']);

    get<HTMLButtonElement>(el, '[part~="conflict"] .button:not(.button--secondary)').click();
    await until(async () => (await answers('5')).length === 2, 5000, 'mine saved over theirs');
    expect((await answers('5'))[0]!.status).to.equal('NO');
    expect(find(el, '[part~="conflict"]')).to.equal(null);

    await graphql(
      ANSWER,
      {
        input: {
          questionId: '5',
          status: 'IN_PROGRESS',
          evidence: 'Joining the housing sub group',
          basedOn: (
            await sql<{ id: string }>(
              'select id from self_assessment_answer where question_id = $1 order by answered_at desc limit 1',
              ['5'],
            )
          )[0]!.id,
        },
      },
      manager,
    );
    await writeEvidence(el, '5', 'Not yet');
    await until(() => !!find(el, '[part~="conflict"]'), 5000, 'the second conflict');
    get<HTMLButtonElement>(el, '[part~="conflict"] .button--secondary').click();
    await el.updateComplete;
    expect(field(el, 'status.5', 'IN_PROGRESS').checked).to.equal(true);
    expect(field(el, 'evidence.5').value).to.equal('Joining the housing sub group');
    expect(focused(el)).to.contain('status-5-IN_PROGRESS');
    expect((await answers('5')).length, 'using theirs saves nothing new').to.equal(3);
  });

  it('compares each answer with how it stood at the end of an earlier day', async () => {
    await sql(
      `insert into self_assessment_answer (id, organisation_id, question_id, status, evidence, answered_by_id, answered_at)
       values (gen_random_uuid(), $1, '1a', 'IN_PROGRESS', 'Recruiting a director', $2, '2026-03-01T10:00:00Z'),
              (gen_random_uuid(), $1, '1b', 'YES', null, $2, '2026-03-01T11:00:00Z')`,
      [ORGANISATION, DEMO.lead],
    );
    const [before] = await sql<{ id: string }>(
      `select id from self_assessment_answer where question_id = '1a' and organisation_id = $1`,
      [ORGANISATION],
    );
    await graphql(
      ANSWER,
      { input: { questionId: '1a', status: 'YES', evidence: 'Director appointed', basedOn: before!.id } },
      lead,
    );
    // 1b: answered since, but the same as then.
    const el = await newChecklist();
    await writeDate(el, '2026-03-31');
    get<HTMLButtonElement>(el, '[part~="compare"] button[type="submit"]').click();
    await until(() => !!find(el, '.comparing'), 5000, 'the comparison');
    expect(focused(el)).to.contain('comparing');
    expect(text(get(el, '.comparing'))).to.contain('Comparing with 31 March 2026');
    expect(text(get(el, '.comparing'))).to.contain('1 answer has changed since then.');
    const earlier = (id: string) =>
      text(get(el, `#question-${id}`).closest('section')!.querySelector('[part~="earlier"]'));
    expect(earlier('1a')).to.contain('On 31 March 2026: In progress');
    expect(earlier('1a')).to.contain('Recruiting a director');
    expect(earlier('1a')).to.contain('Changed');
    expect(earlier('1b')).to.contain('Yes');
    expect(earlier('1b')).to.contain('No change');
    expect(earlier('3')).to.contain('Not answered');
    await expect(el).to.be.accessible();
    get<HTMLButtonElement>(el, '[part~="compare"] button[type="button"]').click();
    await el.updateComplete;
    expect(find(el, '[part~="earlier"]')).to.equal(null);
    expect(focused(el)).to.contain('compareDate');
  });

  it('refuses a date in the future for the comparison, next to the date', async () => {
    const el = await newChecklist();
    await writeDate(el, '2999-01-01');
    get<HTMLButtonElement>(el, '[part~="compare"] button[type="submit"]').click();
    await until(() => !!find(el, '#compareDate-error'));
    expect(text(get(el, '#compareDate-error'))).to.contain('Enter a real date that is not in the future');
    expect(focused(el)).to.contain('compareDate');
    await expect(el).to.be.accessible();
  });

  it('keeps an answer that could not be saved, and saves it when the connection returns', async () => {
    const el = await newChecklist();
    el.endpoint = 'http://127.0.0.1:9/graphql';
    await choose(el, '10', 'YES');
    await until(() => saveState(el, '10').startsWith('Not saved'), 5000, 'the failure');
    expect(saveState(el, '10')).to.contain('no connection');
    await expect(el).to.be.accessible();
    el.endpoint = GATEWAY;
    window.dispatchEvent(new Event('online'));
    await until(() => saveState(el, '10').startsWith('Saved'), 5000, 'saved once online');
    expect((await answers('10')).map((a) => a.status)).to.deep.equal(['YES']);
  });

  describe('offline, and on a shared device', () => {
    afterEach(() => connection(true));

    it('keeps unsaved answers through a reload, encrypted, and saves each once when the connection returns', async function () {
      this.timeout(20_000);
      const el = await newChecklist();
      await connection(false);
      await choose(el, '10', 'IN_PROGRESS');
      await writeEvidence(el, '10', 'Policy drafted, with the board in January');
      await until(() => saveState(el, '10').startsWith('Not saved'), 10_000, 'the failure');
      // Evidence alone cannot be saved yet: it is kept in the draft.
      await writeEvidence(el, '8', 'Leaflets ordered');
      const outbox = await rawRecords('outbox');
      expect(outbox, 'the newest answer to question 10 waits, once').to.have.length(1);
      await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
      const raw = [...outbox, ...(await rawRecords('drafts'))]
        .map((r) => JSON.stringify(r) + new TextDecoder('latin1').decode(r.data as ArrayBuffer))
        .join();
      expect(raw).not.to.contain('Policy drafted');
      expect(raw).not.to.contain('Leaflets');
      el.remove(); // the page is closed, or reloaded

      await connection(true);
      const again = await newChecklist();
      await until(() => saveState(again, '10').startsWith('Saved'), 10_000, 'saved once back');
      expect(field(again, 'status.10', 'IN_PROGRESS').checked).to.equal(true);
      expect(field(again, 'evidence.8').value, 'the draft back').to.equal('Leaflets ordered');
      expect(saveState(again, '8')).to.contain('Choose yes, no or in progress');
      const saved = await answers('10');
      expect(saved.map((a) => [a.status, a.evidence])).to.deep.equal([
        ['IN_PROGRESS', 'Policy drafted, with the board in January'],
      ]);
      expect(await rawRecords('outbox'), 'sent, so gone').to.deep.equal([]);
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await answers('10'), 'saved once').to.have.length(1);
    });
    it('brings a draft back only for the person who typed it, on a shared device', async () => {
      const el = await newChecklist();
      await writeEvidence(el, '8', 'Leaflets ordered');
      await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
      el.remove();
      const manager = await newChecklist({ token: await tokenFor(DEMO.manager) });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the time a draft takes to come back
      expect(field(manager, 'evidence.8').value).to.equal('');
      manager.remove();
      const again = await newChecklist();
      await until(() => field(again, 'evidence.8').value === 'Leaflets ordered', 3000, 'the lead’s draft');
    });
  });

  it('lets a safeguarding champion read the answers but not change them', async () => {
    await graphql(
      ANSWER,
      { input: { questionId: '4', status: 'YES', evidence: 'Monthly supervision' } },
      lead,
    );
    const el = await newChecklist({ token: await tokenFor(DEMO.champion) });
    await choose(el, '8', 'NO');
    await until(() => !!find(el, '.notice[role="status"]'), 5000, 'read-only');
    expect(text(get(el, '.notice[role="status"]'))).to.contain(
      'You can read this checklist but not change it',
    );
    expect(find(el, '[name="status.4"]')).to.equal(null);
    expect(text(get(el, '#question-4').closest('section')!)).to.contain('Monthly supervision');
    expect(await answers('8')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('tells a member of staff who may not see it, in plain words', async () => {
    const el = await newChecklist({ token: await tokenFor(DEMO.frontline) });
    expect(text(get(el, '.error-summary'))).to.contain('Your account cannot see the self-assessment');
    await expect(el).to.be.accessible();
  });

  it('can be answered with the keyboard alone', async () => {
    const el = await newChecklist();
    get(el, '[part~="compare"] button').focus();
    // On to question 1a's answers; Space chooses, Tab moves on, leaving the box saves it.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.contain('status-1a-YES');
    await sendKeys({ press: 'Space' });
    await until(async () => (await answers('1a')).length === 1, 5000, '1a saved');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.contain('evidence-1a');
    await sendKeys({ type: 'Director of Housing' });
    await sendKeys({ press: 'Tab' });
    await until(
      async () => (await answers('1a'))[0]?.evidence === 'Director of Housing',
      5000,
      'evidence saved',
    );
    expect(focused(el)).to.contain('status-1b');
  });

  describe('on small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    for (const width of [320, 640]) {
      it(`fits ${width}px with nothing wider than the window`, async () => {
        await setViewport({ width, height: 640 });
        const el = await newChecklist();
        for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
          if (!element.checkVisibility()) continue;
          expect(element.getBoundingClientRect().right, element.className).to.be.at.most(width + 0.5);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
      });
    }
  });
});

const OPEN_ROUND = `mutation ($name: String!) { openSelfAssessmentRound(input: { name: $name }) { id } }`;
const SIGN_OFF = `mutation ($id: ID!) { signOffSelfAssessmentRound(id: $id) { id } }`;
/** Appendix 4's question ids, written out here rather than read from the code under test. */
const QUESTION_IDS = ['1a', '1b', '2a', '2b', '2c', '3', '4', '5', '6', '7', '8', '9', '10'];

async function openRoundAs(name: string, token = lead): Promise<string> {
  return (await graphql<{ openSelfAssessmentRound: { id: string } }>(OPEN_ROUND, { name }, token))
    .openSelfAssessmentRound.id;
}

/** Answers in the open round through the API (each question's first answer in it). */
async function answerInRound(statuses: Record<string, string>) {
  for (const [questionId, status] of Object.entries(statuses)) {
    await graphql(ANSWER, { input: { questionId, status } }, lead);
  }
}

const roundPanel = (el: SgSelfAssessment) => get(el, '[part~="round"]');
const movement = (el: SgSelfAssessment, id: string) =>
  text(get(el, `#question-${id}`).closest('section')!.querySelector('[part~="movement"]'));

describe('<sg-self-assessment> rounds', () => {
  it('offers the lead to open a round, with the keyboard, and then answers go into it', async () => {
    const el = await newChecklist();
    expect(text(roundPanel(el))).to.contain('No round is open.');
    await expect(el).to.be.accessible();
    // A blank name is refused beside the box.
    field(el, 'roundName').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!find(el, '#roundName-error'), 5000, 'the name error');
    expect(text(get(el, '#roundName-error'))).to.contain('Give the round a name, such as 2026/27');
    expect(focused(el)).to.contain('roundName');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '2026/27' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(roundPanel(el)).includes('Round 2026/27 is open.'), 5000, 'the round open');
    expect(text(roundPanel(el))).to.contain('Round 2026/27, opened');
    expect(text(roundPanel(el))).to.contain('There is no signed-off round to compare with yet.');
    const [round] = await sql<{ id: string; name: string }>(
      'select id, name from self_assessment_round where organisation_id = $1',
      [ORGANISATION],
    );
    expect(round!.name).to.equal('2026/27');
    await expect(el).to.be.accessible();

    await choose(el, '3', 'YES');
    await until(() => saveState(el, '3').startsWith('Saved'), 5000, 'the answer saved');
    const [saved] = await sql<{ round_id: string }>(
      'select round_id from self_assessment_answer where organisation_id = $1 and question_id = $2',
      [ORGANISATION, '3'],
    );
    expect(saved!.round_id).to.equal(round!.id);
  });

  it('lists the questions not answered in the round, and signs it off, after a confirming step, once all are', async () => {
    const roundId = await openRoundAs('2026/27');
    const answered = ['1a', '2b', '3', '7', '10'];
    await answerInRound(Object.fromEntries(answered.map((id) => [id, 'YES'])));
    const missing = QUESTION_IDS.filter((id) => !answered.includes(id));
    const el = await newChecklist();
    expect(text(roundPanel(el))).to.contain(
      `${missing.length} questions are not answered in this round yet:`,
    );
    const listed = () =>
      [...roundPanel(el).querySelectorAll('.round__questions')].map((list) =>
        [...list.querySelectorAll('button')].map((b) => text(b)),
      );
    expect(listed()).to.deep.equal([missing.map((id) => `Question ${id}`)]);
    // A listed question takes the person to it.
    roundPanel(el).querySelector<HTMLButtonElement>('.round__questions button')!.click();
    await until(() => focused(el).includes('status-1b'), 5000, 'question 1b focused');

    // Someone else answers the rest but one while the page is open: the gateway refuses, and the
    // page lists what it still lacks.
    await answerInRound(Object.fromEntries(missing.slice(1).map((id) => [id, 'NO'])));
    roundPanel(el).querySelector<HTMLButtonElement>('button.button')!.click();
    await until(() => !!find(el, '.round__confirm'), 5000, 'the confirming step');
    expect(text(get(el, '.round__confirm'))).to.contain('Sign off round 2026/27?');
    await expect(el).to.be.accessible();
    get<HTMLButtonElement>(el, '.round__confirm .button').click();
    await until(() => !!find(el, '.round__refused'), 5000, 'the refusal');
    expect(text(get(el, '.round__refused'))).to.contain(
      'cannot be signed off until every question is answered',
    );
    expect([...get(el, '.round__refused').querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
      `Question ${missing[0]}`,
    ]);
    expect(focused(el)).to.contain('round__refused');
    await expect(el).to.be.accessible();
    const [stillOpen] = await sql<{ signed_off_at: string | null }>(
      'select signed_off_at from self_assessment_round where id = $1',
      [roundId],
    );
    expect(stillOpen!.signed_off_at).to.equal(null);

    await choose(el, missing[0]!, 'IN_PROGRESS');
    await until(() => text(roundPanel(el)).includes('Every question is answered'), 5000, 'all answered');
    roundPanel(el).querySelector<HTMLButtonElement>('button.button')!.click();
    await until(() => !!find(el, '.round__confirm'), 5000, 'the confirming step');
    get<HTMLButtonElement>(el, '.round__confirm .button').click();
    await until(() => text(roundPanel(el)).includes('Round 2026/27 is signed off.'), 5000, 'signed off');
    expect(text(roundPanel(el))).to.contain('The last round, 2026/27, was signed off on');
    expect(text(roundPanel(el))).to.contain('by Priya Shah');
    const [signed] = await sql<{ signed_off_by_id: string }>(
      'select signed_off_by_id from self_assessment_round where id = $1',
      [roundId],
    );
    expect(signed!.signed_off_by_id).to.equal(DEMO.lead);
    await expect(el).to.be.accessible();
  });

  it('compares each answer with the last signed-off round, in words, in English and Welsh', async () => {
    const first = await openRoundAs('2025/26');
    const then: Record<string, string> = Object.fromEntries(QUESTION_IDS.map((id) => [id, 'IN_PROGRESS']));
    await answerInRound(then);
    await graphql(SIGN_OFF, { id: first }, lead);
    await openRoundAs('2026/27');
    await answerInRound({ '1a': 'YES', '1b': 'IN_PROGRESS', '2a': 'NO' });
    const el = await newChecklist();
    expect(text(roundPanel(el))).to.contain('Each answer is compared with round 2025/26, signed off');
    expect(movement(el, '1a')).to.equal('Round 2025/26: In progress. Better than last round');
    expect(movement(el, '1b')).to.equal('Round 2025/26: In progress. Same as last round');
    expect(movement(el, '2a')).to.equal('Round 2025/26: In progress. Worse than last round');
    expect(movement(el, '3')).to.equal('Round 2025/26: In progress. Not answered in this round yet');
    // The round's own answers: 3 was answered last round, and is not answered in this one yet.
    expect(field(el, 'status.3', 'IN_PROGRESS').checked).to.equal(false);
    expect(text(get(el, '[part~="progress"]'))).to.equal(`3 of ${QUESTION_IDS.length} questions answered`);
    await expect(el).to.be.accessible();
    await choose(el, '3', 'NO');
    await until(() => movement(el, '3').endsWith('Worse than last round'), 5000, 'the movement');

    const welsh = await newChecklist({ lang: 'cy' });
    expect(movement(welsh, '1a')).to.equal('Cylch 2025/26: Ar y gweill. Gwell na’r cylch diwethaf');
    expect(movement(welsh, '2a')).to.contain('Gwaeth na’r cylch diwethaf');
    expect(text(get(welsh, '[part~="round"]'))).to.contain('Cymeradwyo’r cylch hwn');
    await expect(welsh).to.be.accessible();
  });

  it('tells a manager that only the lead opens a round, and shows a champion no round controls', async () => {
    const el = await newChecklist({ token: await tokenFor(DEMO.manager) });
    field(el, 'roundName').value = '2026/27';
    roundPanel(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !!find(el, '.round [role="alert"]'), 5000, 'the refusal');
    expect(text(get(el, '.round [role="alert"]'))).to.equal(
      'Only the safeguarding lead can open or sign off a round.',
    );
    await expect(el).to.be.accessible();
    expect(
      await sql('select id from self_assessment_round where organisation_id = $1', [ORGANISATION]),
    ).to.deep.equal([]);

    await openRoundAs('2026/27');
    const champion = await newChecklist({ token: await tokenFor(DEMO.champion) });
    champion.readonly = true;
    await champion.updateComplete;
    expect(text(get(champion, '[part~="round"]'))).to.contain('Round 2026/27, opened');
    expect(find(champion, '[part~="round"] button.button')).to.equal(null);
    await expect(champion).to.be.accessible();
  });
});

async function writeDate(el: SgSelfAssessment, value: string) {
  const input = field(el, 'compareDate');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<sg-self-assessment> taken off the page while it loads', () => {
  it('finishes the requests it had under way with the provider’s token, never with none', async () => {
    const sent: (string | null)[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/graphql'))
        sent.push(new Headers(init?.headers).get('authorization'));
      return original(input, init);
    };
    try {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB"><sg-provider endpoint=${GATEWAY}></sg-provider></div>`,
      );
      const provider = wrapper.querySelector('sg-provider')!;
      provider.fetchToken = async () => {
        asked = true;
        await held;
        return lead;
      };
      const checklist = document.createElement('sg-self-assessment');
      provider.append(checklist);
      await until(() => asked, 5000, 'the checklist to ask for a token');
      // The page replaces it (another person signed in, say) while its token is on the way.
      checklist.remove();
      release();
      await until(() => sent.length > 0, 5000, 'the request it had under way');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Its two reads, the checklist and the round, each with the provider's token.
      expect(sent).to.deep.equal([`Bearer ${lead}`, `Bearer ${lead}`]);
    } finally {
      window.fetch = original;
    }
  });
});
