import type { EntityManager } from '@mikro-orm/postgresql';
import {
  SELF_ASSESSMENT_AREAS,
  SELF_ASSESSMENT_QUESTION_IDS,
  selfAssessmentMovement,
  selfAssessmentRoundInputSchema,
} from '@doorstep/schema';
import { z } from 'zod';
import { parseInput } from '../../common/input.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import {
  InvalidTransitionError,
  NotFoundError,
  RoundAlreadyOpenError,
  UnansweredQuestionsError,
} from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import {
  SelfAssessmentAreaStanding,
  SelfAssessmentRound,
  SelfAssessmentRoundComparison,
  SelfAssessmentRoundRow,
  SelfAssessmentStanding,
  type SelfAssessmentAnswer,
} from './self-assessment.entity.js';
import {
  ANSWER,
  lockRounds,
  openRoundId,
  questionsOf,
  staffMember,
  toAnswer,
  type AnswerRow,
} from './self-assessment.service.js';

/*
 * Rounds of the self-assessment: the safeguarding lead opens one, it is answered (answers saved
 * while it is open are its own), and the lead signs it off once every question has an answer in
 * it; its answers are then frozen. An answer saved after a sign-off is kept (the checklist stays
 * current through the year) and goes into the next round when that is opened: what a lead
 * expects of improvements made between rounds, and the signed-off round is never changed.
 * Answers saved before an organisation's first round stay in no round. Opening and signing off
 * are audited (CREATE and UPDATE SelfAssessmentRound); reading is not (nothing about a person).
 */

const roundIdSchema = z.object({
  roundId: z.optional(z.uuid({ error: 'Choose a round from the list' })),
});
const signOffSchema = z.object({ id: z.uuid({ error: 'Choose a round from the list' }) });

type RoundRow = Record<string, unknown> & {
  opened_by_name: string | null;
  signed_off_by_name: string | null;
};

/** The organisation's rounds, newest first, with the names of who opened and signed them off. */
async function roundsOf(em: EntityManager, organisationId: string): Promise<SelfAssessmentRound[]> {
  const rows = await sqlOf(em)<RoundRow>(
    `select r.*, o.name as opened_by_name, s.name as signed_off_by_name
       from self_assessment_round r
       join app_user o on o.id = r.opened_by_id
       left join app_user s on s.id = r.signed_off_by_id
      where r.organisation_id = ?
      order by r.opened_at desc, r.id desc`,
    [organisationId],
  );
  return rows.map((row) =>
    Object.assign(em.map(SelfAssessmentRound, row), {
      openedByName: row.opened_by_name,
      signedOffByName: row.signed_off_by_name,
    }),
  );
}

/** Every round of the organisation, newest first. */
export function selfAssessmentRounds(em: EntityManager, caller: Caller): Promise<SelfAssessmentRound[]> {
  return roundsOf(em, caller.identity.organisationId);
}

/**
 * Opens a round: ROUND_ALREADY_OPEN while another is open. Answers saved since the last sign-off
 * (between rounds) go into it.
 */
export async function openSelfAssessmentRound(
  em: EntityManager,
  caller: Caller,
  rawInput: unknown,
): Promise<SelfAssessmentRound> {
  const input = parseInput(selfAssessmentRoundInputSchema, rawInput);
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    await lockRounds(tx, organisationId, true);
    const open = await openRoundId(tx, organisationId);
    if (open) throw new RoundAlreadyOpenError(open);
    const me = await staffMember(tx, caller);
    const round = tx.create(SelfAssessmentRound, {
      organisation: tx.getReference(Organisation, organisationId),
      name: input.name,
      openedBy: me,
    });
    round.openedByName = me.name;
    audit(tx, caller, 'CREATE', 'SelfAssessmentRound', [round.id]);
    await tx.flush();
    await sqlOf(tx)(
      `update self_assessment_answer set round_id = ?
        where organisation_id = ? and round_id is null
          and answered_at > (select max(signed_off_at) from self_assessment_round where organisation_id = ?)`,
      [round.id, organisationId, organisationId],
    );
    return round;
  });
}

/**
 * Signs a round off as the caller: UNANSWERED_QUESTIONS (with their ids) unless every question has
 * an answer in it; INVALID_TRANSITION if it is signed off already.
 */
export async function signOffSelfAssessmentRound(
  em: EntityManager,
  caller: Caller,
  id: unknown,
): Promise<SelfAssessmentRound> {
  const parsed = parseInput(signOffSchema, { id });
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    await lockRounds(tx, organisationId, true);
    const round = (await roundsOf(tx, organisationId)).find((r) => r.id === parsed.id);
    if (!round) throw new NotFoundError('Self-assessment round');
    if (round.signedOffAt) {
      throw new InvalidTransitionError('This round is signed off already', 'SIGNED_OFF', 'SIGNED_OFF');
    }
    const answered = await sqlOf(tx)<{ question_id: string }>(
      `select distinct question_id from self_assessment_answer where organisation_id = ? and round_id = ?`,
      [organisationId, round.id],
    );
    const have = new Set(answered.map((a) => a.question_id));
    const missing = SELF_ASSESSMENT_QUESTION_IDS.filter((q) => !have.has(q));
    if (missing.length) throw new UnansweredQuestionsError(missing);
    const me = await staffMember(tx, caller);
    const managed = tx.merge(round);
    managed.signedOffBy = me;
    managed.signedOffAt = new Date();
    managed.signedOffByName = me.name;
    audit(tx, caller, 'UPDATE', 'SelfAssessmentRound', [round.id]);
    await tx.flush();
    return managed;
  });
}

interface RoundAnswers {
  round: SelfAssessmentRound;
  previousRound: SelfAssessmentRound | null;
  rows: SelfAssessmentRoundRow[];
}

/**
 * A round (`roundId`; left out: the open round, else the newest) and the last round signed off
 * before it, with each question's latest answer in each; null if the organisation has no rounds.
 */
async function roundAnswers(
  em: EntityManager,
  caller: Caller,
  roundId: unknown,
): Promise<RoundAnswers | null> {
  const parsed = parseInput(roundIdSchema, { roundId });
  const organisationId = caller.identity.organisationId;
  const rounds = await roundsOf(em, organisationId);
  const round = parsed.roundId
    ? rounds.find((r) => r.id === parsed.roundId)
    : (rounds.find((r) => !r.signedOffAt) ?? rounds[0]);
  if (!round) {
    if (parsed.roundId) throw new NotFoundError('Self-assessment round');
    return null;
  }
  const previousRound = rounds.find((r) => r.signedOffAt && r.openedAt < round.openedAt) ?? null;
  const answers = await sqlOf(em)<AnswerRow>(
    `select distinct on (a.round_id, a.question_id) ${ANSWER}
      where a.organisation_id = ? and a.round_id = any(?::uuid[])
      order by a.round_id, a.question_id, a.answered_at desc, a.id desc`,
    [organisationId, pgArray([round.id, ...(previousRound ? [previousRound.id] : [])])],
  );
  const byRound = new Map<string, SelfAssessmentAnswer>();
  for (const row of answers)
    byRound.set(`${row.round_id as string}:${row.question_id as string}`, toAnswer(em, row));
  const rows = questionsOf(organisationId).map((question) => {
    const answer = byRound.get(`${round.id}:${question.id}`) ?? null;
    const previous = previousRound ? (byRound.get(`${previousRound.id}:${question.id}`) ?? null) : null;
    return Object.assign(new SelfAssessmentRoundRow(), {
      organisationId,
      question,
      answer,
      previous,
      movement: selfAssessmentMovement(answer?.status, previous?.status),
      evidenceChanged: !!answer && !!previous && (answer.evidence ?? null) !== (previous.evidence ?? null),
    });
  });
  return { round, previousRound, rows };
}

/** A round compared question by question with the last round signed off before it. */
export async function selfAssessmentRoundComparison(
  em: EntityManager,
  caller: Caller,
  roundId?: unknown,
): Promise<SelfAssessmentRoundComparison | null> {
  const found = await roundAnswers(em, caller, roundId);
  if (!found) return null;
  return Object.assign(new SelfAssessmentRoundComparison(), {
    organisationId: caller.identity.organisationId,
    ...found,
  });
}

/** Where each area stands in a round: its answers counted, and how they moved since the last round. */
export async function selfAssessmentStanding(
  em: EntityManager,
  caller: Caller,
  roundId?: unknown,
): Promise<SelfAssessmentStanding | null> {
  const found = await roundAnswers(em, caller, roundId);
  if (!found) return null;
  const organisationId = caller.identity.organisationId;
  const byQuestion = new Map(found.rows.map((row) => [row.question.id, row]));
  const areas = SELF_ASSESSMENT_AREAS.map((area) => {
    const rows = area.questionIds.map((id) => byQuestion.get(id)!);
    const statuses = (status: string) => rows.filter((r) => r.answer?.status === status).length;
    const moved = (movement: string) => rows.filter((r) => r.movement === movement).length;
    return Object.assign(new SelfAssessmentAreaStanding(), {
      organisationId,
      id: area.id,
      title: area.title,
      questionIds: [...area.questionIds],
      yes: statuses('YES'),
      inProgress: statuses('IN_PROGRESS'),
      no: statuses('NO'),
      unanswered: moved('UNANSWERED'),
      better: moved('BETTER'),
      same: moved('SAME'),
      worse: moved('WORSE'),
      new: moved('NEW'),
    });
  });
  return Object.assign(new SelfAssessmentStanding(), {
    organisationId,
    round: found.round,
    previousRound: found.previousRound,
    areas,
  });
}
