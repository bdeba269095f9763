import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoUser } from '../../db/demo.js';
import { asApp, testGateway, user } from '../../../test/harness.js';
import { count, lead } from '../../../test/records.js';

const manager = user('ana');
const champion = user('jo');
const frontline = user('tom');
const auditor = user('sam');
const admin = user('chris');
const otherLead = user('morgan');
const ORG = lead.organisationId;

/** Appendix 4's question ids, written out here rather than read from the code under test. */
const QUESTIONS = ['1a', '1b', '2a', '2b', '2c', '3', '4', '5', '6', '7', '8', '9', '10'];
/** The guide's areas: a question's number without its letter (1a and 1b are area 1). */
const areaOf = (questionId: string) => questionId.replace(/[a-z]$/, '');
const RANK: Record<string, number> = { NO: 0, IN_PROGRESS: 1, YES: 2 };

interface Round {
  id: string;
  name: string;
  openedAt: string;
  openedBy: string | null;
  signedOffAt: string | null;
  signedOffBy: string | null;
}
interface Answer {
  id: string;
  questionId: string;
  status: string;
  evidence: string | null;
  roundId: string | null;
}
interface Row {
  question: { id: string };
  answer: Answer | null;
  previous: Answer | null;
  movement: string;
  evidenceChanged: boolean;
}
interface Area {
  id: string;
  title: string;
  questionIds: string[];
  yes: number;
  inProgress: number;
  no: number;
  unanswered: number;
  better: number;
  same: number;
  worse: number;
  new: number;
}
type Result<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const codeOf = (result: Result<unknown>) => result.errors?.[0]?.extensions?.code;

const ROUND_FIELDS = 'id name openedAt openedBy signedOffAt signedOffBy';
const ANSWER_FIELDS = 'id questionId status evidence roundId';
const OPEN = `mutation($input: SelfAssessmentRoundInput!) { openSelfAssessmentRound(input: $input) { ${ROUND_FIELDS} } }`;
const SIGN_OFF = `mutation($id: ID!) { signOffSelfAssessmentRound(id: $id) { ${ROUND_FIELDS} } }`;
const ANSWER = `mutation($input: SelfAssessmentAnswerInput!) { answerSelfAssessment(input: $input) { ${ANSWER_FIELDS} } }`;
const ROUNDS = `{ selfAssessmentRounds { ${ROUND_FIELDS} } }`;
const COMPARISON = `query($roundId: ID) { selfAssessmentRoundComparison(roundId: $roundId) {
  round { ${ROUND_FIELDS} } previousRound { ${ROUND_FIELDS} }
  rows { question { id } answer { ${ANSWER_FIELDS} } previous { ${ANSWER_FIELDS} } movement evidenceChanged }
} }`;
const STANDING = `query($roundId: ID) { selfAssessmentStanding(roundId: $roundId) {
  round { id } previousRound { id }
  areas { id title questionIds yes inProgress no unanswered better same worse new }
} }`;
const HISTORY = `query($questionId: ID!) { selfAssessmentHistory(questionId: $questionId) { ${ANSWER_FIELDS} } }`;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());
beforeEach(async () => {
  await gw.sql('delete from self_assessment_answer');
  await gw.sql('delete from self_assessment_round');
});

const call = <T>(query: string, variables: Record<string, unknown>, as: DemoUser) =>
  gw.graphql<T>(query, variables, as) as Promise<Result<T>>;

async function ok<T>(query: string, variables: Record<string, unknown>, as: DemoUser = lead): Promise<T> {
  const result = await call<T>(query, variables, as);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Each question's latest answer id as the page knows it, to base the next answer on. */
const latest = new Map<string, string>();
beforeEach(() => latest.clear());

/** Opens a round, as a page would then load it: no answers in it yet to base one on. */
async function open(name = '2026/27', as = lead): Promise<Round> {
  const round = (await ok<{ openSelfAssessmentRound: Round }>(OPEN, { input: { name } }, as))
    .openSelfAssessmentRound;
  latest.clear();
  return round;
}
const signOff = (id: string, as = lead) => call<{ signOffSelfAssessmentRound: Round }>(SIGN_OFF, { id }, as);

async function answer(questionId: string, status: string, evidence?: string, as = lead): Promise<Answer> {
  const saved = (
    await ok<{ answerSelfAssessment: Answer }>(
      ANSWER,
      { input: { questionId, status, evidence, basedOn: latest.get(questionId) } },
      as,
    )
  ).answerSelfAssessment;
  latest.set(questionId, saved.id);
  return saved;
}

/** Answers every question of `statuses` (question id → status, evidence "<status> <id>"). */
async function answerAll(statuses: Record<string, string>): Promise<void> {
  for (const [id, status] of Object.entries(statuses)) await answer(id, status, `${status} ${id}`);
}

const comparison = async (roundId?: string, as = lead) =>
  (
    await ok<{
      selfAssessmentRoundComparison: { round: Round; previousRound: Round | null; rows: Row[] } | null;
    }>(COMPARISON, { roundId }, as)
  ).selfAssessmentRoundComparison;

const roundRows = () => count(gw, 'select count(*) as n from self_assessment_round');
const auditOf = (action: string, id: string) =>
  gw.sql<{ action: string; actor_user_id: string }>(
    `select action, actor_user_id from audit_event where entity_type = 'SelfAssessmentRound' and entity_id = $1 and action = $2`,
    [id, action],
  );

/** Every question answered with one status, as a round signed off needs. */
const every = (status: string) => Object.fromEntries(QUESTIONS.map((q) => [q, status]));

describe('self-assessment rounds', () => {
  it('opens one round at a time: a second open is ROUND_ALREADY_OPEN and saves nothing; opening is audited', async () => {
    const round = await open('  2026/27 ');
    expect(round).toMatchObject({
      name: '2026/27',
      openedBy: lead.name,
      signedOffAt: null,
      signedOffBy: null,
    });
    expect(await auditOf('CREATE', round.id)).toEqual([{ action: 'CREATE', actor_user_id: lead.id }]);

    const again = await call(OPEN, { input: { name: '2027/28' } }, lead);
    expect(codeOf(again)).toBe('ROUND_ALREADY_OPEN');
    expect(again.errors![0]!.extensions!.openRoundId).toBe(round.id);
    expect(await roundRows()).toBe(1);

    // Two leads opening at once (after a sign-off): exactly one round opens.
    await answerAll(every('YES'));
    expect((await signOff(round.id)).errors).toBeUndefined();
    const both = await Promise.all([
      call(OPEN, { input: { name: 'A' } }, lead),
      call(OPEN, { input: { name: 'B' } }, lead),
    ]);
    expect(both.map(codeOf).sort()).toEqual(['ROUND_ALREADY_OPEN', undefined]);
    expect(
      await count(gw, 'select count(*) as n from self_assessment_round where signed_off_at is null'),
    ).toBe(1);
  });

  it('refuses a blank or overlong name with BAD_USER_INPUT, saving nothing', async () => {
    for (const name of ['   ', 'x'.repeat(41)]) {
      const result = await call(OPEN, { input: { name } }, lead);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    }
    expect(await roundRows()).toBe(0);
  });

  it('keeps answers saved while a round is open in it, and the answer history across rounds', async () => {
    const before = await answer('3', 'NO', 'No training yet');
    expect(before.roundId).toBeNull();
    const round = await open();
    // The round starts empty: the earlier answer stays in no round, and the same answer again is
    // this round's own answer (a confirmation), not "nothing changed".
    const confirmed = await ok<{ answerSelfAssessment: Answer }>(
      ANSWER,
      { input: { questionId: '3', status: 'NO', evidence: 'No training yet' } },
      manager,
    );
    expect(confirmed.answerSelfAssessment).toMatchObject({ roundId: round.id, status: 'NO' });
    expect(confirmed.answerSelfAssessment.id).not.toBe(before.id);
    latest.set('3', confirmed.answerSelfAssessment.id);
    const now = await answer('3', 'IN_PROGRESS', 'Course booked');
    expect(now.roundId).toBe(round.id);
    // Based on the round's latest answer: someone else's since is STALE_VERSION, as before rounds.
    const stale = await call(
      ANSWER,
      { input: { questionId: '3', status: 'YES', basedOn: confirmed.answerSelfAssessment.id } },
      manager,
    );
    expect(codeOf(stale)).toBe('STALE_VERSION');

    const history = await ok<{ selfAssessmentHistory: Answer[] }>(HISTORY, { questionId: '3' });
    expect(history.selfAssessmentHistory.map((a) => [a.status, a.roundId])).toEqual([
      ['IN_PROGRESS', round.id],
      ['NO', round.id],
      ['NO', null],
    ]);
    const rows = (await comparison())!.rows;
    expect(rows.find((r) => r.question.id === '3')!.answer!.id).toBe(now.id);
    expect(rows.filter((r) => r.answer).map((r) => r.question.id)).toEqual(['3']);
  });

  it('refuses a sign-off with UNANSWERED_QUESTIONS naming each question not answered, leaving the round open', async () => {
    const round = await open();
    const answered = ['1a', '2b', '3', '7', '10'];
    for (const id of answered) await answer(id, 'YES');
    const refused = await signOff(round.id);
    expect(codeOf(refused)).toBe('UNANSWERED_QUESTIONS');
    expect(refused.errors![0]!.extensions!.questionIds).toEqual(
      QUESTIONS.filter((q) => !answered.includes(q)),
    );
    expect(
      await count(gw, 'select count(*) as n from self_assessment_round where signed_off_at is null'),
    ).toBe(1);
    expect(await auditOf('UPDATE', round.id)).toEqual([]);

    for (const id of QUESTIONS.filter((q) => !answered.includes(q))) await answer(id, 'NO');
    const signed = await signOff(round.id);
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signOffSelfAssessmentRound).toMatchObject({ id: round.id, signedOffBy: lead.name });
    expect(Date.parse(signed.data!.signOffSelfAssessmentRound.signedOffAt!)).toBeGreaterThan(
      Date.parse(round.openedAt),
    );
    expect(await auditOf('UPDATE', round.id)).toEqual([{ action: 'UPDATE', actor_user_id: lead.id }]);
    // Twice: INVALID_TRANSITION, and nothing changes.
    expect(codeOf(await signOff(round.id))).toBe('INVALID_TRANSITION');
    expect(await auditOf('UPDATE', round.id)).toHaveLength(1);
  });

  it('freezes a signed-off round: a later answer goes into the next round when it opens', async () => {
    const first = await open('2025/26');
    await answerAll(every('IN_PROGRESS'));
    expect((await signOff(first.id)).errors).toBeUndefined();
    const frozen = (await comparison(first.id))!.rows;

    // Training done in June, between rounds: kept, in no round yet; the signed-off round is unchanged.
    const june = await answer('3', 'YES', 'Everyone trained');
    expect(june.roundId).toBeNull();
    expect((await comparison(first.id))!.rows).toEqual(frozen);

    const second = await open('2026/27');
    const rows = (await comparison(second.id))!.rows;
    expect(rows.filter((r) => r.answer).map((r) => [r.question.id, r.answer!.id])).toEqual([['3', june.id]]);
    expect((await comparison(first.id))!.rows).toEqual(frozen);

    // The database refuses to change a signed-off round whatever the application asks.
    const failure = (sql: string, params: unknown[]) =>
      asApp(gw.url, ORG, (client) =>
        client.query(sql, params).then(
          () => 'no error',
          (error: { code?: string }) => error.code,
        ),
      );
    expect(
      await failure(
        `insert into self_assessment_answer (id, organisation_id, question_id, status, answered_by_id, answered_at, round_id)
         values (gen_random_uuid(), $1, '3', 'NO', $2, now(), $3)`,
        [ORG, lead.id, first.id],
      ),
    ).toBe('23514');
    expect(
      await failure(`update self_assessment_round set signed_off_at = null where id = $1`, [first.id]),
    ).toBe('23514');
    expect(
      await failure(`update self_assessment_answer set round_id = null where round_id = $1`, [first.id]),
    ).toBe('23514');
    expect(await failure(`update self_assessment_round set name = 'x' where id = $1`, [first.id])).toBe(
      '42501',
    );
  });

  it('compares each question with the last signed-off round: better, same, worse, new, unanswered', async () => {
    // No round yet: nothing to compare or stand on.
    expect(await comparison()).toBeNull();
    const first = await open('2025/26');
    const then: Record<string, string> = every('NO');
    Object.assign(then, { '1a': 'YES', '1b': 'IN_PROGRESS', '2a': 'YES', '4': 'IN_PROGRESS', '8': 'YES' });
    await answerAll(then);
    expect((await signOff(first.id)).errors).toBeUndefined();
    const second = await open('2026/27');
    const now: Record<string, string> = {
      '1a': 'YES',
      '1b': 'YES',
      '2a': 'IN_PROGRESS',
      '2b': 'NO',
      '2c': 'YES',
      '4': 'NO',
      '5': 'IN_PROGRESS',
      '8': 'YES',
    };
    await answerAll(now);
    await answer('8', 'YES', 'New board minutes'); // same status, new evidence

    const result = (await comparison())!;
    expect(result.round.id).toBe(second.id);
    expect(result.previousRound).toMatchObject({ id: first.id, signedOffBy: lead.name });
    const expected = QUESTIONS.map((id) => {
      const a = now[id];
      const b = then[id];
      const movement = !a
        ? 'UNANSWERED'
        : !b
          ? 'NEW'
          : RANK[a]! > RANK[b]!
            ? 'BETTER'
            : RANK[a]! < RANK[b]!
              ? 'WORSE'
              : 'SAME';
      return {
        id,
        status: a ?? null,
        previous: b,
        movement,
        evidenceChanged: id === '8' || (!!a && a !== b),
      };
    });
    expect(
      result.rows.map((r) => ({
        id: r.question.id,
        status: r.answer?.status ?? null,
        previous: r.previous!.status,
        movement: r.movement,
        evidenceChanged: r.evidenceChanged,
      })),
    ).toEqual(expected);
    // Spelled out, so the independent computation cannot be wrong the same way as the code.
    expect(Object.fromEntries(result.rows.map((r) => [r.question.id, r.movement]))).toMatchObject({
      '1a': 'SAME',
      '1b': 'BETTER',
      '2a': 'WORSE',
      '2c': 'BETTER',
      '3': 'UNANSWERED',
    });

    // A third round is compared with the second, the last signed off, not the first.
    for (const id of QUESTIONS.filter((q) => !now[q])) await answer(id, 'NO');
    expect((await signOff(second.id)).errors).toBeUndefined();
    const third = await open('2027/28');
    await answer('2a', 'YES');
    const latestRound = (await comparison())!;
    expect([latestRound.round.id, latestRound.previousRound!.id]).toEqual([third.id, second.id]);
    const twoA = latestRound.rows.find((r) => r.question.id === '2a')!;
    expect([twoA.previous!.status, twoA.movement]).toEqual(['IN_PROGRESS', 'BETTER']);
    expect((await comparison(second.id))!.previousRound!.id).toBe(first.id);

    // The first round had no round before it: every answer is NEW.
    const firstRows = (await comparison(first.id))!;
    expect(firstRows.previousRound).toBeNull();
    expect(new Set(firstRows.rows.map((r) => r.movement))).toEqual(new Set(['NEW']));
  });

  it('gives where each area stands in a round, and how it moved, counted as the rows say', async () => {
    expect((await ok<{ selfAssessmentStanding: unknown }>(STANDING, {})).selfAssessmentStanding).toBeNull();
    const first = await open('2025/26');
    const then = every('IN_PROGRESS');
    Object.assign(then, { '2a': 'YES', '2b': 'NO', '6': 'NO', '9': 'YES' });
    await answerAll(then);
    expect((await signOff(first.id)).errors).toBeUndefined();
    const second = await open('2026/27');
    const now: Record<string, string> = {
      '1a': 'YES',
      '2a': 'NO',
      '2b': 'YES',
      '2c': 'IN_PROGRESS',
      '6': 'NO',
    };
    await answerAll(now);

    const standing = (
      await ok<{
        selfAssessmentStanding: { round: { id: string }; previousRound: { id: string }; areas: Area[] };
      }>(STANDING, { roundId: second.id }, manager)
    ).selfAssessmentStanding;
    expect([standing.round.id, standing.previousRound.id]).toEqual([second.id, first.id]);
    const areaIds = [...new Set(QUESTIONS.map(areaOf))];
    const expected = areaIds.map((areaId) => {
      const ids = QUESTIONS.filter((q) => areaOf(q) === areaId);
      const n = (test: (q: string) => boolean) => ids.filter(test).length;
      const diff = (q: string) => RANK[now[q]!]! - RANK[then[q]!]!;
      return {
        id: areaId,
        questionIds: ids,
        yes: n((q) => now[q] === 'YES'),
        inProgress: n((q) => now[q] === 'IN_PROGRESS'),
        no: n((q) => now[q] === 'NO'),
        unanswered: n((q) => !now[q]),
        better: n((q) => !!now[q] && diff(q) > 0),
        same: n((q) => !!now[q] && diff(q) === 0),
        worse: n((q) => !!now[q] && diff(q) < 0),
        new: 0,
      };
    });
    expect(standing.areas.map(({ title: _title, ...counts }) => counts)).toEqual(expected);
    expect(standing.areas[1]).toMatchObject({
      id: '2',
      title: 'Policy and procedures',
      yes: 1,
      no: 1,
      worse: 1,
    });
    // Left out: the open round.
    const current = (await ok<{ selfAssessmentStanding: { round: { id: string } } }>(STANDING, {}))
      .selfAssessmentStanding;
    expect(current.round.id).toBe(second.id);
  });

  it('lets only the lead open and sign off; leads, champions and managers read; others are refused', async () => {
    for (const as of [manager, champion, frontline, auditor, admin]) {
      expect(codeOf(await call(OPEN, { input: { name: 'x' } }, as))).toBe('FORBIDDEN');
    }
    expect(await roundRows()).toBe(0);
    const round = await open();
    await answerAll(every('YES'));
    for (const as of [manager, champion, frontline, auditor, admin]) {
      expect(codeOf(await signOff(round.id, as))).toBe('FORBIDDEN');
    }
    // Another organisation's lead: not theirs to see or sign off.
    expect(codeOf(await signOff(round.id, otherLead))).toBe('NOT_FOUND');
    expect(
      await count(gw, 'select count(*) as n from self_assessment_round where signed_off_at is null'),
    ).toBe(1);
    expect((await ok<{ selfAssessmentRounds: Round[] }>(ROUNDS, {}, otherLead)).selfAssessmentRounds).toEqual(
      [],
    );
    expect(codeOf(await call(STANDING, { roundId: round.id }, otherLead))).toBe('NOT_FOUND');

    for (const as of [lead, manager, champion]) {
      expect((await ok<{ selfAssessmentRounds: Round[] }>(ROUNDS, {}, as)).selfAssessmentRounds).toHaveLength(
        1,
      );
      expect((await call(STANDING, {}, as)).errors).toBeUndefined();
    }
    for (const as of [frontline, auditor, admin]) {
      for (const query of [ROUNDS, STANDING, COMPARISON])
        expect(codeOf(await call(query, {}, as))).toBe('FORBIDDEN');
    }
    expect(codeOf(await call(STANDING, { roundId: 'not-a-round' }, lead))).toBe('BAD_USER_INPUT');
  });
});
