import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCES, signToken, WIDGET_TOKEN_MAX_SECONDS } from '../../auth/tokens.js';
import type { DemoUser } from '../../db/demo.js';
import { asApp, statementLog, testGateway, user } from '../../../test/harness.js';
import { count, lead } from '../../../test/records.js';
import { createPublicToken } from '../access/credentials.service.js';

const manager = user('ana');
const champion = user('jo');
const otherLead = user('morgan');
const ORG = lead.organisationId;

/**
 * Appendix 4 of the MSP housing guide (seeds/003), its table rows exactly as the guide prints them:
 * number (a bare letter continues the number above), question, paragraph references, then the
 * empty yes / no / in progress / evidence columns. The API must give these words and references.
 */
const GUIDE_ROWS = [
  '1a\tDo you have a senior manager with strategic responsibility for safeguarding? OR\t14.187 14.109\t\t\t\t',
  'b\tDo you have an operational lead for adult safeguarding?\t14.187 14.109\t\t\t\t',
  "2a\tHave you a safeguarding adults' policy and internal procedures that cover ALL staff and are regularly reviewed?\t14.29, 14.30, 14.41,14.54, 14.86, 14.196, 14.205\t\t\t\t",
  'b\tDo they include the six principles? Do they include guidance on record keeping? Are staff vigilant about adult safeguarding?\t14.13 14.87, 14.150 14.29, 14.30\t\t\t\t',
  'c\tDo you have internal systems in place to ensure compliance with policies and procedures?\t\t\t\t\t',
  '3\tHave you regular safeguarding training for all staff in contact with adults at risk?\t14.30, 14.86\t\t\t\t',
  '4\tCan staff access regular face to face supervision from skilled managers? Can staff access practical and legal guidance, advice and support?\t14.46, 14.172 14.40\t\t\t\t',
  '5\tAre you involved in a safeguarding adults board or housing sub group? If you are not directly involved, are you able to get involved via a housing representative on any safeguarding adults boards? Have you worked with other local housing providers to seek housing representation and other engagement with the safeguarding adults board?\t14.117\t\t\t\t',
  "6\tHave you discussed (internally and with the adult social care safeguarding lead) the implications of S42(2) in the Care Act and related para in the guidance of the possibility of being asked to 'make enquiries'?\t14.84, 14.59\t\t\t\t",
  '7\tHave you sought to engage with the local multi-agency safeguarding hub (MASH) (if one exists)?\t14.164\t\t\t\t',
  '8\tHas anyone in your organisation made effective links with local authority safeguarding leads to ensure cooperation and information sharing, improve joint working, addressing barriers? Are roles and responsibilities clear and is there collaboration at all levels?\t14.53, 14.154, 14.34 14.167\t\t\t\t',
  '9\tDo you have arrangements in place to ensure review and learning?\t\t\t\t\t',
  '10\tDo you engage with all customers regarding safeguarding (eg information, awareness raising)\t14.11, 14.165\t\t\t\t',
];

function guideQuestions() {
  let number = '';
  return GUIDE_ROWS.map((row) => {
    const [label, text, references] = row.split('\t') as [string, string, string];
    if (/^\d/.test(label)) number = label.replace(/[a-z]$/, '');
    return {
      id: /^\d/.test(label) ? label : `${number}${label}`,
      text,
      paragraphs: references.match(/\d+\.\d+/g) ?? [],
    };
  });
}

interface Answer {
  id: string;
  questionId: string;
  status: string;
  evidence: string | null;
  answeredAt: string;
  answeredBy: string | null;
}
type Errors = { errors?: { extensions?: Record<string, unknown> }[] };
const codeOf = (result: Errors) => result.errors?.[0]?.extensions?.code;

const ANSWER_FIELDS = 'id questionId status evidence answeredAt answeredBy';
const ANSWER = `mutation($input: SelfAssessmentAnswerInput!) { answerSelfAssessment(input: $input) { ${ANSWER_FIELDS} } }`;
const CHECKLIST = `query($asAt: String) { selfAssessment(asAt: $asAt) { question { id text paragraphs } answer { ${ANSWER_FIELDS} } } }`;
const HISTORY = `query($questionId: ID!) { selfAssessmentHistory(questionId: $questionId) { ${ANSWER_FIELDS} } }`;
const COMPARE = `query($earlier: String!, $later: String) {
  selfAssessmentComparison(earlier: $earlier, later: $later) {
    question { id } earlier { ${ANSWER_FIELDS} } later { ${ANSWER_FIELDS} } changed
  }
}`;

/** The SQL statements the gateway ran, to count those reading the answers. */
const log = statementLog();
const answerStatements = () => log.statements.filter((s) => s.includes('self_assessment_answer'));
let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway({}, log.orm);
});
afterAll(() => gw.close());
// Each test starts from a checklist nobody has answered (the gateway itself can never delete).
beforeEach(async () => {
  await gw.sql('delete from self_assessment_answer');
});

type Auth = DemoUser | { token: string };

const answer = (input: Record<string, unknown>, as: Auth = lead) =>
  gw.graphql<{ answerSelfAssessment: Answer }>(ANSWER, { input }, as);

async function saved(input: Record<string, unknown>, as: Auth = lead): Promise<Answer> {
  const result = await answer(input, as);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!.answerSelfAssessment;
}

type Item = { question: { id: string; text: string; paragraphs: string[] }; answer: Answer | null };
async function checklist(asAt?: string, as: Auth = lead): Promise<Record<string, Answer | null>> {
  const result = await gw.graphql<{ selfAssessment: Item[] }>(CHECKLIST, { asAt }, as);
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(result.data!.selfAssessment.map((i) => [i.question.id, i.answer]));
}

/** An answer given in the past, straight into the table (the API only ever answers now). */
async function pastAnswer(
  questionId: string,
  status: string,
  answeredAt: string,
  evidence: string | null = null,
  by: DemoUser = lead,
): Promise<string> {
  const id = randomUUID();
  await gw.sql(
    `insert into self_assessment_answer (id, organisation_id, question_id, status, evidence, answered_by_id, answered_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, by.organisationId, questionId, status, evidence, by.id, answeredAt],
  );
  return id;
}

const answerRows = () => count(gw, 'select count(*) as n from self_assessment_answer');
const auditRows = () => count(gw, 'select count(*) as n from audit_event');

describe('the self-assessment checklist', () => {
  it('is appendix 4’s questions in the guide’s order, word for word, with the guide’s paragraph references', async () => {
    const result = await gw.graphql<{ selfAssessment: Item[] }>(CHECKLIST, {}, lead);
    expect(result.errors).toBeUndefined();
    const items = result.data!.selfAssessment;
    expect(items.map((i) => i.question)).toEqual(guideQuestions());
    // Spot checks, written out: two questions cite nothing; 2a cites seven paragraphs.
    const byId = Object.fromEntries(items.map((i) => [i.question.id, i.question]));
    expect(byId['1a']!.paragraphs).toEqual(['14.187', '14.109']);
    expect(byId['2a']!.paragraphs).toEqual(['14.29', '14.30', '14.41', '14.54', '14.86', '14.196', '14.205']);
    expect(byId['2b']!.paragraphs).toEqual(['14.13', '14.87', '14.150', '14.29', '14.30']);
    expect(byId['2c']!.paragraphs).toEqual([]);
    expect(byId['4']!.paragraphs).toEqual(['14.46', '14.172', '14.40']);
    expect(byId['9']!.paragraphs).toEqual([]);
    expect(byId['10']!.text).toBe(
      'Do you engage with all customers regarding safeguarding (eg information, awareness raising)',
    );
    expect(items.every((i) => i.answer === null)).toBe(true);
  });

  it('saves answers with evidence, keeping every earlier answer: history newest first', async () => {
    const first = await saved({ questionId: '1b', status: 'IN_PROGRESS', evidence: '  Recruiting a lead  ' });
    expect(first).toMatchObject({
      questionId: '1b',
      status: 'IN_PROGRESS',
      evidence: 'Recruiting a lead',
      answeredBy: lead.name,
    });
    const second = await saved(
      { questionId: '1b', status: 'YES', evidence: 'Priya Shah appointed in May', basedOn: first.id },
      manager,
    );
    expect(second).toMatchObject({ status: 'YES', answeredBy: manager.name });
    expect(Date.parse(second.answeredAt)).toBeGreaterThan(Date.parse(first.answeredAt));
    const third = await saved({ questionId: '1b', status: 'NO', basedOn: second.id });
    expect(third.evidence).toBeNull();

    const now = await checklist();
    expect(now['1b']).toEqual(third);
    expect(Object.entries(now).filter(([, a]) => a !== null)).toHaveLength(1);
    const history = await gw.graphql<{ selfAssessmentHistory: Answer[] }>(
      HISTORY,
      { questionId: '1b' },
      champion,
    );
    expect(history.data!.selfAssessmentHistory).toEqual([third, second, first]);
    // Stored as three rows, the first two exactly as they were saved.
    const rows = await gw.sql<{ id: string; status: string; evidence: string | null }>(
      `select id, status, evidence from self_assessment_answer where question_id = '1b' order by answered_at`,
    );
    expect(rows).toEqual([
      { id: first.id, status: 'IN_PROGRESS', evidence: 'Recruiting a lead' },
      { id: second.id, status: 'YES', evidence: 'Priya Shah appointed in May' },
      { id: third.id, status: 'NO', evidence: null },
    ]);
    expect(
      (await gw.graphql<{ selfAssessmentHistory: Answer[] }>(HISTORY, { questionId: '9' }, lead)).data,
    ).toEqual({ selfAssessmentHistory: [] });
  });

  it('reads as it stood at the end of a day, UK time', async () => {
    await pastAnswer('3', 'NO', '2026-01-10T12:00:00Z');
    const training = await pastAnswer('3', 'IN_PROGRESS', '2026-03-05T10:00:00Z', 'Course booked');
    const board = await pastAnswer('5', 'YES', '2026-02-01T09:00:00Z');
    // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST); on 31 December it is still 31 December.
    const summer = await pastAnswer('7', 'YES', '2026-06-30T23:30:00Z');
    const winter = await pastAnswer('9', 'NO', '2026-12-31T23:30:00Z');

    expect(Object.values(await checklist('2026-01-09')).every((a) => a === null)).toBe(true);
    const january = await checklist('2026-01-10');
    expect(january['3']).toMatchObject({ status: 'NO', answeredBy: lead.name });
    expect(january['5']).toBeNull();
    const february = await checklist('2026-02-28');
    expect([february['3']?.status, february['5']?.id]).toEqual(['NO', board]);
    const march = await checklist('2026-03-05');
    expect(march['3']).toMatchObject({ id: training, status: 'IN_PROGRESS', evidence: 'Course booked' });

    expect((await checklist('2026-06-30'))['7']).toBeNull();
    expect((await checklist('2026-07-01'))['7']?.id).toBe(summer);
    expect((await checklist('2026-12-31'))['9']?.id).toBe(winter);
    expect((await checklist('2026-12-30'))['9']).toBeNull();

    const now = await checklist();
    expect([now['3']?.id, now['5']?.id, now['7']?.id, now['9']?.id]).toEqual([
      training,
      board,
      summer,
      winter,
    ]);
  });

  it('compares two dates: marks what changed in status or evidence, and what did not', async () => {
    await pastAnswer('3', 'NO', '2026-01-10T12:00:00Z');
    await pastAnswer('3', 'IN_PROGRESS', '2026-03-05T10:00:00Z');
    await pastAnswer('5', 'YES', '2026-02-01T09:00:00Z');
    const mash = await pastAnswer('7', 'YES', '2026-01-02T09:00:00Z', 'Attend MASH meetings');
    await pastAnswer('9', 'IN_PROGRESS', '2026-01-03T09:00:00Z', 'Learning reviews from April');
    await pastAnswer('9', 'IN_PROGRESS', '2026-02-03T09:00:00Z', 'Learning reviews from April');
    await pastAnswer('10', 'YES', '2026-01-04T09:00:00Z', 'Leaflet');
    await pastAnswer('10', 'YES', '2026-02-04T09:00:00Z', 'Leaflet and a web page');
    await pastAnswer('2a', 'NO', '2026-04-01T09:00:00Z'); // after both dates

    log.reset();
    const result = await gw.graphql<{
      selfAssessmentComparison: {
        question: { id: string };
        earlier: Answer | null;
        later: Answer | null;
        changed: boolean;
      }[];
    }>(COMPARE, { earlier: '2026-01-31', later: '2026-03-31' }, manager);
    expect(result.errors).toBeUndefined();
    // One statement for the whole comparison, however many questions.
    expect(answerStatements()).toHaveLength(1);
    const rows = result.data!.selfAssessmentComparison;
    expect(rows.map((r) => r.question.id)).toEqual(guideQuestions().map((q) => q.id));
    const changed = Object.fromEntries(rows.map((r) => [r.question.id, r.changed]));
    expect(changed).toEqual({
      '1a': false,
      '1b': false,
      '2a': false,
      '2b': false,
      '2c': false,
      '3': true, // NO → IN_PROGRESS
      '4': false,
      '5': true, // not answered → YES
      '6': false,
      '7': false, // the same answer
      '8': false,
      '9': false, // answered again, the same status and evidence
      '10': true, // the same status, other evidence
    });
    const byId = Object.fromEntries(rows.map((r) => [r.question.id, r]));
    expect([byId['3']!.earlier?.status, byId['3']!.later?.status]).toEqual(['NO', 'IN_PROGRESS']);
    expect([byId['5']!.earlier, byId['5']!.later?.status]).toEqual([null, 'YES']);
    expect([byId['7']!.earlier?.id, byId['7']!.later?.id]).toEqual([mash, mash]);
    expect(byId['2a']!.later).toBeNull();

    // Later left out: now, so the answer of April counts.
    const toNow = await gw.graphql<{
      selfAssessmentComparison: { question: { id: string }; changed: boolean }[];
    }>(COMPARE, { earlier: '2026-03-31' }, champion);
    expect(toNow.data!.selfAssessmentComparison.filter((r) => r.changed).map((r) => r.question.id)).toEqual([
      '2a',
    ]);
  });

  it('reads the checklist and a history in one statement each', async () => {
    for (const [i, id] of ['1a', '2b', '3', '10'].entries())
      await pastAnswer(id, 'YES', `2026-01-0${i + 1}T09:00:00Z`);
    await pastAnswer('3', 'NO', '2026-02-01T09:00:00Z');
    for (const [query, variables] of [
      [CHECKLIST, {}],
      [CHECKLIST, { asAt: '2026-01-15' }],
      [HISTORY, { questionId: '3' }],
    ] as const) {
      log.reset();
      const result = await gw.graphql(query, variables, lead);
      expect(result.errors).toBeUndefined();
      expect(answerStatements()).toHaveLength(1);
    }
  });

  it('refuses comparing a later date with an earlier one, and dates that are not dates', async () => {
    const backwards = await gw.graphql(COMPARE, { earlier: '2026-03-01', later: '2026-02-01' }, lead);
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({
        field: 'earlier',
        message: 'The earlier date must be on or before the later date',
      }),
    ]);
    expect(codeOf(await gw.graphql(COMPARE, { earlier: '2999-01-01' }, lead))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gw.graphql(COMPARE, { earlier: '2026-02-30' }, lead))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gw.graphql(CHECKLIST, { asAt: 'last week' }, lead))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gw.graphql(HISTORY, { questionId: '11' }, lead))).toBe('BAD_USER_INPUT');
    expect(
      (await gw.graphql(COMPARE, { earlier: '2026-02-01', later: '2026-02-01' }, lead)).errors,
    ).toBeUndefined();
  });
});

describe('saving an answer over someone else’s', () => {
  it('is refused as STALE_VERSION, with the current answer, unless based on the latest answer', async () => {
    // No answer yet, but the client thinks there is one.
    const ghost = await answer({ questionId: '6', status: 'YES', basedOn: randomUUID() });
    expect(ghost.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_VERSION', currentAnswerId: null });
    expect(await answerRows()).toBe(0);

    const first = await saved({ questionId: '6', status: 'NO' });
    // An answer exists, but the client did not know of it.
    const unaware = await answer({ questionId: '6', status: 'YES' }, manager);
    expect(unaware.errors?.[0]?.extensions).toMatchObject({
      code: 'STALE_VERSION',
      currentAnswerId: first.id,
    });

    const second = await saved({ questionId: '6', status: 'IN_PROGRESS', basedOn: first.id }, manager);
    // Based on the answer before the latest: someone saved in between.
    const behind = await answer({ questionId: '6', status: 'YES', evidence: 'Discussed', basedOn: first.id });
    expect(behind.errors?.[0]?.extensions).toMatchObject({
      code: 'STALE_VERSION',
      currentAnswerId: second.id,
    });
    // Based on another question's answer.
    const elsewhere = await saved({ questionId: '7', status: 'YES' });
    const crossed = await answer({ questionId: '6', status: 'YES', basedOn: elsewhere.id });
    expect(crossed.errors?.[0]?.extensions).toMatchObject({
      code: 'STALE_VERSION',
      currentAnswerId: second.id,
    });

    expect(await answerRows()).toBe(3);
    expect((await checklist())['6']?.id).toBe(second.id);
  });

  it('lets exactly one of two saves based on the same answer through, when they arrive together', async () => {
    for (let round = 0; round < 5; round++) {
      const base =
        round % 2
          ? (await saved({ questionId: '8', status: 'NO', evidence: `Round ${round}` })).id
          : undefined;
      const before = await answerRows();
      const results = await Promise.all(
        ['YES', 'IN_PROGRESS', 'NO'].map((status, i) =>
          answer(
            { questionId: '8', status, evidence: `Round ${round}, person ${i}`, basedOn: base },
            i % 2 ? manager : lead,
          ),
        ),
      );
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won, `round ${round}`).toHaveLength(1);
      const winner = won[0]!.data!.answerSelfAssessment;
      for (const r of lost)
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'STALE_VERSION', currentAnswerId: winner.id });
      expect(await answerRows()).toBe(before + 1);
      expect((await checklist())['8']?.id).toBe(winner.id);
      await gw.sql(`delete from self_assessment_answer where question_id = '8'`);
    }
  });

  it('does nothing when the answer is the same as the latest: a retried autosave saves no second row', async () => {
    const first = await saved({ questionId: '2c', status: 'IN_PROGRESS', evidence: 'Audit planned' });
    const audits = await auditRows();
    const again = await saved({
      questionId: '2c',
      status: 'IN_PROGRESS',
      evidence: ' Audit planned ',
      basedOn: first.id,
    });
    expect(again).toEqual(first);
    // The reply to a save was lost, so the retry still names the answer before it.
    const done = { questionId: '2c', status: 'YES', evidence: 'Audit done', basedOn: first.id };
    const second = await saved(done);
    const retried = await saved(done);
    expect(retried).toEqual(second);
    expect(await answerRows()).toBe(2);
    expect(await auditRows()).toBe(audits + 1);
    // Two people saving the same words at the same moment: one row, both told it.
    const together = await Promise.all(
      [lead, manager].map((as) =>
        saved({ questionId: '4', status: 'YES', evidence: 'Monthly supervision' }, as),
      ),
    );
    expect(together[0]!.id).toBe(together[1]!.id);
    expect(await answerRows()).toBe(3);
  });

  it('refuses bad input with BAD_USER_INPUT, a message per field, and saves nothing', async () => {
    const audits = await auditRows();
    const cases: [Record<string, unknown>, string][] = [
      [{ questionId: '11', status: 'YES' }, 'questionId'],
      [{ questionId: '2d', status: 'YES' }, 'questionId'],
      [{ questionId: '3', status: 'YES', evidence: 'x'.repeat(5001) }, 'evidence'],
      [{ questionId: '3', status: 'YES', basedOn: 'the one before' }, 'basedOn'],
    ];
    for (const [input, field] of cases) {
      const result = await answer(input);
      expect(codeOf(result), field).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fields, field).toEqual([expect.objectContaining({ field })]);
    }
    // Not one of the statuses: refused by the schema itself.
    expect(codeOf(await answer({ questionId: '3', status: 'MAYBE' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await answer({ questionId: '3' }))).toBe('BAD_USER_INPUT');
    expect(await answerRows()).toBe(0);
    expect(await auditRows()).toBe(audits);
    expect(
      (await saved({ questionId: '3', status: 'YES', evidence: 'x'.repeat(5000) })).evidence,
    ).toHaveLength(5000);
  });
});

describe('who may see and answer the checklist', () => {
  it('leads and managers answer; champions read; everyone else is refused', async () => {
    const tenant = (
      await signToken(gw.config.jwt, {
        audience: AUDIENCES.widget,
        subject: 'TEN-0001',
        claims: { kind: 'tenant', org: ORG },
        lifetimeSeconds: WIDGET_TOKEN_MAX_SECONDS,
      })
    ).token;
    const publicToken = (await createPublicToken(gw.orm.em.fork() as EntityManager, gw.config.jwt, ORG, 'SA'))
      .token;
    const reads: [string, Record<string, unknown>][] = [
      [CHECKLIST, {}],
      [HISTORY, { questionId: '1a' }],
      [COMPARE, { earlier: '2026-01-01' }],
    ];
    const led = await saved({ questionId: '1a', status: 'YES' }, lead);
    const managed = await saved({ questionId: '1a', status: 'NO', basedOn: led.id }, manager);
    for (const as of [lead, manager, champion])
      for (const [query, variables] of reads)
        expect((await gw.graphql(query, variables, as)).errors).toBeUndefined();
    expect(codeOf(await answer({ questionId: '1a', status: 'YES', basedOn: managed.id }, champion))).toBe(
      'FORBIDDEN',
    );
    const refused: Auth[] = [
      user('tom'),
      user('gareth'),
      user('sam'),
      user('chris'),
      user('dee'),
      { token: tenant },
      { token: publicToken },
    ];
    for (const as of refused) {
      for (const [query, variables] of reads)
        expect(codeOf(await gw.graphql(query, variables, as))).toBe('FORBIDDEN');
      expect(codeOf(await answer({ questionId: '1a', status: 'YES', basedOn: managed.id }, as))).toBe(
        'FORBIDDEN',
      );
    }
    expect(codeOf(await gw.graphql(CHECKLIST, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gw.graphql(ANSWER, { input: { questionId: '1a', status: 'YES' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await answerRows()).toBe(2);
  });

  it('keeps each organisation’s checklist to itself', async () => {
    const ours = await saved({ questionId: '5', status: 'YES', evidence: 'We chair the housing sub group' });
    const theirs = await checklist(undefined, otherLead);
    expect(Object.values(theirs).every((a) => a === null)).toBe(true);
    const history = await gw.graphql<{ selfAssessmentHistory: Answer[] }>(
      HISTORY,
      { questionId: '5' },
      otherLead,
    );
    expect(history.data!.selfAssessmentHistory).toEqual([]);
    // Their first answer is theirs alone; naming our answer as its base is stale for them.
    const based = await answer({ questionId: '5', status: 'NO', basedOn: ours.id }, otherLead);
    expect(based.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_VERSION', currentAnswerId: null });
    const their = await saved({ questionId: '5', status: 'NO' }, otherLead);
    expect((await checklist())['5']?.id).toBe(ours.id);
    expect((await checklist(undefined, otherLead))['5']?.id).toBe(their.id);
    expect(
      await count(gw, `select count(*) as n from self_assessment_answer where organisation_id = $1`, [ORG]),
    ).toBe(1);
  });

  it('is append-only for the application: it can add and read answers, never change or remove them', async () => {
    const first = await saved({ questionId: '3', status: 'YES' });
    const failure = (sql: string) =>
      asApp(gw.url, ORG, (client) =>
        client.query(sql, [first.id]).then(
          () => 'no error',
          (error: { code?: string }) => error.code,
        ),
      );
    expect(await failure(`update self_assessment_answer set status = 'NO' where id = $1`)).toBe('42501');
    expect(await failure(`delete from self_assessment_answer where id = $1`)).toBe('42501');
    expect((await checklist())['3']).toMatchObject({ id: first.id, status: 'YES' });
  });
});

describe('the audit trail', () => {
  it('records each answer saved as CREATE SelfAssessmentAnswer, and no row for reading the checklist', async () => {
    const before = await auditRows();
    const saved1 = await saved(
      { questionId: '10', status: 'IN_PROGRESS', evidence: 'Leaflet drafted' },
      manager,
    );
    const rows = await gw.sql(
      `select action, entity_type, entity_id, actor_user_id, organisation_id from audit_event where entity_id = $1`,
      [saved1.id],
    );
    expect(rows).toEqual([
      {
        action: 'CREATE',
        entity_type: 'SelfAssessmentAnswer',
        entity_id: saved1.id,
        actor_user_id: manager.id,
        organisation_id: ORG,
      },
    ]);
    await checklist();
    await gw.graphql(HISTORY, { questionId: '10' }, lead);
    await gw.graphql(COMPARE, { earlier: '2026-01-01' }, lead);
    expect(await auditRows()).toBe(before + 1);
  });
});
