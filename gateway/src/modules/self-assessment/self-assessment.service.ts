import type { EntityManager } from '@mikro-orm/postgresql';
import {
  SELF_ASSESSMENT_QUESTIONS,
  selfAssessmentAnswerInputSchema,
  selfAssessmentAsAtSchema,
  selfAssessmentComparisonSchema,
  selfAssessmentQuestionIdSchema,
} from '@doorstep/schema';
import { z } from 'zod';
import { parseInput } from '../../common/input.js';
import { recordRef } from '../../common/keys.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { StaleVersionError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import {
  SelfAssessmentAnswer,
  SelfAssessmentComparisonRow,
  SelfAssessmentItem,
  SelfAssessmentQuestion,
  SelfAssessmentRound,
} from './self-assessment.entity.js';

/*
 * The self-assessment checklist is about the organisation, not about any person: reading it (the
 * checklist, a question's history, a comparison) writes no audit row. Every answer saved is
 * audited as CREATE SelfAssessmentAnswer.
 */

export const questionsOf = (organisationId: string): SelfAssessmentQuestion[] =>
  SELF_ASSESSMENT_QUESTIONS.map((q) =>
    Object.assign(new SelfAssessmentQuestion(), {
      organisationId,
      id: q.id,
      text: q.text,
      paragraphs: [...q.paragraphs],
    }),
  );

/** The answers' columns and the answerer's name; `a` is self_assessment_answer. */
export const ANSWER = `a.*, u.name as answered_by_name
  from self_assessment_answer a join app_user u on u.id = a.answered_by_id`;
/** The start of the day after `?` (YYYY-MM-DD, UK time): the end of that day. No day: no end. */
const END_OF_DAY = (day: string) =>
  `coalesce((${day} + 1)::timestamp at time zone 'Europe/London', 'infinity'::timestamptz)`;

export type AnswerRow = Record<string, unknown> & { answered_by_name: string | null };

export function toAnswer(em: EntityManager, row: AnswerRow): SelfAssessmentAnswer {
  const answer = em.map(SelfAssessmentAnswer, row);
  answer.answeredByName = row.answered_by_name;
  return answer;
}

/**
 * Each question's latest answer as it stood at the end of each of `days` (UK time; null: now), in
 * one statement: a map of question id to answer per day, in the order of `days`.
 */
async function latestAt(
  em: EntityManager,
  organisationId: string,
  days: readonly (string | null)[],
): Promise<Map<string, SelfAssessmentAnswer>[]> {
  const values = days.map((_, i) => `(${i}, ?::date)`).join(', ');
  const rows = await sqlOf(em)<AnswerRow & { at_index: number }>(
    `select distinct on (d.i, a.question_id) d.i as at_index, ${ANSWER}
       join (values ${values}) as d(i, day) on a.answered_at < ${END_OF_DAY('d.day')}
      where a.organisation_id = ?
      order by d.i, a.question_id, a.answered_at desc, a.id desc`,
    [...days, organisationId],
  );
  const maps = days.map(() => new Map<string, SelfAssessmentAnswer>());
  for (const row of rows) maps[row.at_index]!.set(row.question_id as string, toAnswer(em, row));
  return maps;
}

/** Every question in the guide's order with its latest answer, now or at the end of `asAt`. */
export async function selfAssessment(
  em: EntityManager,
  caller: Caller,
  asAt?: string | null,
): Promise<SelfAssessmentItem[]> {
  const { asAt: day } = parseInput(selfAssessmentAsAtSchema, { asAt });
  const organisationId = caller.identity.organisationId;
  const [answers] = await latestAt(em, organisationId, [day ?? null]);
  return questionsOf(organisationId).map((question) =>
    Object.assign(new SelfAssessmentItem(), {
      organisationId,
      question,
      answer: answers!.get(question.id) ?? null,
    }),
  );
}

/**
 * A question's answers, newest first (at most `limit`); with `roundId`, only those of that round.
 */
async function answersTo(
  em: EntityManager,
  organisationId: string,
  questionId: string,
  limit?: number,
  roundId?: string,
): Promise<SelfAssessmentAnswer[]> {
  const rows = await sqlOf(em)<AnswerRow>(
    `select ${ANSWER}
      where a.organisation_id = ? and a.question_id = ? ${roundId ? 'and a.round_id = ?' : ''}
      order by a.answered_at desc, a.id desc ${limit ? 'limit ?' : ''}`,
    [organisationId, questionId, ...(roundId ? [roundId] : []), ...(limit ? [limit] : [])],
  );
  return rows.map((row) => toAnswer(em, row));
}

/** Every answer a question has had, newest first. */
export function selfAssessmentHistory(
  em: EntityManager,
  caller: Caller,
  questionId: unknown,
): Promise<SelfAssessmentAnswer[]> {
  const parsed = parseInput(z.object({ questionId: selfAssessmentQuestionIdSchema }), { questionId });
  return answersTo(em, caller.identity.organisationId, parsed.questionId);
}

type Said = Pick<SelfAssessmentAnswer, 'status' | 'evidence'> | null;

/** The same status and the same evidence (no answer equals only no answer). */
const sameAnswer = (a: Said, b: Said) =>
  a?.status === b?.status && (a?.evidence ?? null) === (b?.evidence ?? null);

/** Every question with its answer at the end of `earlier` and of `later` (default: now). */
export async function selfAssessmentComparison(
  em: EntityManager,
  caller: Caller,
  earlier: unknown,
  later?: unknown,
): Promise<SelfAssessmentComparisonRow[]> {
  const days = parseInput(selfAssessmentComparisonSchema, { earlier, later });
  const organisationId = caller.identity.organisationId;
  const [before, after] = await latestAt(em, organisationId, [days.earlier, days.later ?? null]);
  return questionsOf(organisationId).map((question) => {
    const row = Object.assign(new SelfAssessmentComparisonRow(), {
      organisationId,
      question,
      earlier: before!.get(question.id) ?? null,
      later: after!.get(question.id) ?? null,
    });
    row.changed = !sameAnswer(row.earlier, row.later);
    return row;
  });
}

/** The member of staff calling (only staff reach the checklist's writes), for their name. */
export const staffMember = (em: EntityManager, caller: Caller): Promise<User> =>
  em.findOneOrFail(User, caller.identity.kind === 'staff' ? caller.identity.userId : '');

/**
 * Takes the organisation's rounds lock for the rest of the transaction: shared by answers (any
 * number at once), exclusive for opening and signing off a round, so no answer is saved into a
 * round while it is being signed off, and none misses a round being opened.
 */
export async function lockRounds(em: EntityManager, organisationId: string, exclusive: boolean) {
  await sqlOf(em)(`select pg_advisory_xact_lock${exclusive ? '' : '_shared'}(hashtextextended(?, 0))`, [
    `doorstep:self-assessment-rounds:${organisationId}`,
  ]);
}

/** The organisation's open round's id, if one is open. */
export async function openRoundId(em: EntityManager, organisationId: string): Promise<string | undefined> {
  const [open] = await sqlOf(em)<{ id: string }>(
    `select id from self_assessment_round where organisation_id = ? and signed_off_at is null`,
    [organisationId],
  );
  return open?.id;
}

/**
 * Saves an answer to one question as the question's new latest, in the open round if there is
 * one (else in no round: between rounds, it goes into the next round when that is opened; a
 * signed-off round never takes another answer). Saves of one question in one organisation take
 * turns (a transaction-scoped advisory lock), so each sees the one before it. "The latest" is the
 * open round's latest answer to the question (none yet: there is none), or with no round open
 * the question's latest answer of all:
 * - the same status and evidence as the latest answer: the latest is returned and nothing is saved
 *   (an autosave retried after a lost reply, or two people agreeing, changes nothing);
 * - otherwise `basedOn` must be the latest answer (left out: there is none yet), or someone else
 *   has saved in between: STALE_VERSION with the `currentAnswerId`, and nothing is saved.
 */
export async function answerSelfAssessment(
  em: EntityManager,
  caller: Caller,
  rawInput: unknown,
): Promise<SelfAssessmentAnswer> {
  const input = parseInput(selfAssessmentAnswerInputSchema, rawInput);
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    await lockRounds(tx, organisationId, false);
    await sqlOf(tx)(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `doorstep:self-assessment:${organisationId}:${input.questionId}`,
    ]);
    const roundId = await openRoundId(tx, organisationId);
    const [latest = null] = await answersTo(tx, organisationId, input.questionId, 1, roundId);
    if (latest && sameAnswer(latest, { status: input.status, evidence: input.evidence ?? null }))
      return latest;
    if ((latest?.id ?? undefined) !== input.basedOn) {
      throw new StaleVersionError({ currentAnswerId: latest?.id ?? null });
    }
    const me = await staffMember(tx, caller);
    const answer = tx.create(SelfAssessmentAnswer, {
      organisation: tx.getReference(Organisation, organisationId),
      questionId: input.questionId,
      status: input.status,
      evidence: input.evidence ?? null,
      answeredBy: me,
      round: roundId ? recordRef(tx, SelfAssessmentRound, organisationId, roundId) : null,
      // Strictly after the answer it replaces, whatever the clocks of two gateway instances say.
      answeredAt: new Date(Math.max(Date.now(), (latest?.answeredAt.getTime() ?? 0) + 1)),
    });
    answer.answeredByName = me.name;
    audit(tx, caller, 'CREATE', 'SelfAssessmentAnswer', [answer.id]);
    await tx.flush();
    return answer;
  });
}
