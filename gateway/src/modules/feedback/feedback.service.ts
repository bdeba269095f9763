import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  FEEDBACK_PRINCIPLES,
  feedbackInputSchema,
  feedbackPeriodSchema,
  type FeedbackData,
  type FeedbackPrinciple,
} from '@doorstep/schema';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { groupBy, load } from '../../common/loader.js';
import { newestFirst, type ConnectionShape } from '../../common/pagination.js';
import { consumePublicLimits, type PublicLimits } from '../../common/rate-limit.js';
import { pgArray, sqlOf, type Sql } from '../../common/sql.js';
import { ukPeriod } from '../../common/uk-days.js';
import { staffOf, type Caller } from '../../context.js';
import { fieldError, ForbiddenError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Concern } from '../concern/concern.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Feedback, FeedbackLink, FeedbackRating } from './feedback.entity.js';
import type { FeedbackReceipt, FeedbackSummary } from './feedback.inputs.js';
import { useFeedbackLink } from './feedback-link.service.js';
import { recordKeys, recordRef } from '../../common/keys.js';

/**
 * Feedback from the public form (public token) or a tenant site (tenant token). Rate-limited per
 * token and per network address before anything else, like a public concern; then validated and
 * stored exactly once per idempotency key (a retry gets the first receipt). With a one-time link,
 * the link is used up in the same transaction, or the feedback is refused and nothing is saved.
 * Its channel is WEB: only staff, through `recordFeedback`, enter feedback given another way, so
 * nobody with a public or tenant token can make theirs look as if staff took it down.
 *
 * Anonymous feedback keeps nothing that leads back to the person: no name or contact details, no
 * tenant reference, and, through a link, neither the link nor its concern (the link is still used
 * up); its audit row names no one (`anonymous`), only the action, the record and the organisation. Its idempotency record is keyed on whether a link was sent, not on the token, so that
 * whoever made the link cannot match the record to the answers by hashing them with it.
 */
export async function submitFeedback(
  em: EntityManager,
  caller: Caller,
  limits: PublicLimits,
  clientAddress: string,
  rawKey: unknown,
  rawInput: unknown,
): Promise<FeedbackReceipt> {
  await consumePublicLimits(em, caller, limits, clientAddress);
  const { input, idempotencyKey } = parseSubmission(feedbackInputSchema, rawInput, rawKey);
  if (caller.identity.kind === 'staff') throw new ForbiddenError();
  if (input.channel !== 'WEB') {
    throw fieldError(
      'channel',
      'Feedback sent here comes from the web form: leave the channel out or send WEB',
    );
  }
  return storeFeedback(em, caller, 'submitFeedback', idempotencyKey, input);
}

/**
 * Feedback a tenant gave by phone, on paper or in person, entered by a member of staff: the same
 * answers and the same rules, anonymous or named as the tenant chooses, once per idempotency key.
 * Not through a one-time link (the tenant uses that themselves). The audit row names the member of
 * staff who entered it; the feedback itself keeps nothing of them.
 */
export async function recordFeedback(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<FeedbackReceipt> {
  const { input, idempotencyKey } = parseSubmission(feedbackInputSchema, rawInput, rawKey);
  staffOf(caller);
  if (input.channel === 'WEB') {
    throw fieldError('channel', 'Select how the tenant gave it: by phone, on paper or in person');
  }
  if (input.link) throw fieldError('link', 'A one-time link is for the tenant to use themselves');
  return storeFeedback(em, caller, 'recordFeedback', idempotencyKey, input);
}

/** Stores one piece of feedback, once per idempotency key, in the caller's transaction. */
function storeFeedback(
  em: EntityManager,
  caller: Caller,
  operation: string,
  idempotencyKey: string,
  input: FeedbackData,
): Promise<FeedbackReceipt> {
  const identity = caller.identity;
  const named = !input.anonymous;
  const asRecorded = named || !input.link ? input : { ...input, link: true };
  return em.transactional((tx) =>
    exactlyOnce(
      tx,
      caller,
      operation,
      idempotencyKey,
      asRecorded,
      async () => {
        const receivedAt = new Date();
        const link = input.link ? await useFeedbackLink(tx, caller, input.link) : null;
        const organisation = tx.getReference(Organisation, identity.organisationId);
        const feedback = tx.create(Feedback, {
          organisation,
          receivedAt,
          comment: input.comment ?? null,
          anonymous: input.anonymous,
          name: input.name ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          language: input.language,
          channel: input.channel,
          tenantRef: named && identity.kind === 'tenant' ? identity.tenantRef : null,
          link: named && link ? recordRef(tx, FeedbackLink, identity.organisationId, link.id) : null,
          concern:
            named && link?.concernId ? recordRef(tx, Concern, identity.organisationId, link.concernId) : null,
        });
        for (const rating of input.ratings) {
          tx.create(FeedbackRating, { organisation, feedback, ...rating });
        }
        // Anonymous feedback a tenant or the public gave is anonymous in the trail too; staff who
        // entered it for a tenant are named (the feedback keeps nothing of them).
        audit(tx, caller, 'CREATE', 'Feedback', [feedback.id], {
          anonymous: input.anonymous && identity.kind !== 'staff',
        });
        await tx.flush();
        return { receivedAt };
      },
      (stored) => ({ receivedAt: new Date((stored as { receivedAt: string }).receivedAt) }),
    ),
  );
}

/** The feedback received in a period of UK days (either end left out), as a filter. */
function receivedIn(caller: Caller, raw: { from?: unknown; to?: unknown }) {
  const period = parseInput(feedbackPeriodSchema, raw);
  const { start, end } = ukPeriod(period);
  return { organisationId: caller.identity.organisationId, start, end, from: period.from, to: period.to };
}

/**
 * The organisation's feedback, newest first, received in a period of UK days. Named feedback is
 * personal data: reading it is audited.
 */
export async function listFeedback(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null; from?: unknown; to?: unknown },
): Promise<ConnectionShape<Feedback>> {
  const { organisationId, start, end } = receivedIn(caller, args);
  const where: FilterQuery<Feedback> = { organisation: organisationId };
  if (start || end) where.receivedAt = { ...(start && { $gte: start }), ...(end && { $lt: end }) };
  const page = await newestFirst(em, Feedback, where, 'receivedAt', args, { populate: ['concern'] });
  if (page.edges.length) {
    audit(
      em,
      caller,
      'READ',
      'Feedback',
      page.edges.map((e) => e.node.id),
    );
    await em.flush();
  }
  return page;
}

/** The scores of pieces of feedback (batched per request), in the principles' order. */
export function ratingsOf(em: EntityManager, feedback: Feedback): Promise<FeedbackRating[]> {
  return load<FeedbackRating[]>(
    em,
    'feedback.ratings',
    feedback.id,
    async (ids) => {
      const ratings = await em.find(FeedbackRating, {
        feedback: { $in: recordKeys(feedback.organisation.id, ids) },
      });
      const order = (r: FeedbackRating) => FEEDBACK_PRINCIPLES.indexOf(r.principle);
      return groupBy(
        ratings.sort((a, b) => order(a) - order(b)),
        (r) => r.feedback.id,
      );
    },
    [],
  );
}

/** Feedback figures: responses, comments, links, and each principle's responses and mean score. */
export interface FeedbackFigures {
  responses: number;
  withComment: number;
  fromLinks: number;
  /** All six principles, in their usual order; the mean is null when none scored it. */
  byPrinciple: { principle: FeedbackPrinciple; responses: number; averageScore: number | null }[];
}

/** The feedback tallies, by the UK day received (the principle's for scores and their sum). */
const FEEDBACK_TALLIES = {
  received: 'feedback.received',
  withComment: 'feedback.with_comment',
  fromLink: 'feedback.from_link',
  scored: 'feedback.scored',
  scoreSum: 'feedback.score_sum',
} as const;

/**
 * Feedback figures for an organisation's feedback received from UK day `from` to UK day `to` (both
 * inclusive), either left open: how many responses, how many scored each principle and their mean
 * score (their sum over their count, to two decimals), how many wrote a comment, how many came
 * through a link (named feedback only: anonymous feedback keeps no trace of its link). No free
 * text. Read from the organisation's feedback tallies (`report_tally`, kept by the feedback
 * triggers of the report_tally_referrals_cases migration), a row per day and count.
 * `feedbackSummary` and the feedback report both count with it.
 */
export async function feedbackFigures(
  sql: Sql,
  organisationId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<FeedbackFigures> {
  const where = ['organisation_id = ?', 'area is null', 'team_id is null', 'kind = any(?::text[])'];
  const params: unknown[] = [organisationId, pgArray(Object.values(FEEDBACK_TALLIES))];
  if (from) {
    where.push('day >= ?::date');
    params.push(from);
  }
  if (to) {
    where.push('day <= ?::date');
    params.push(to);
  }
  const rows = await sql<{ kind: string; key: string; n: number; average: number | null }>(
    `with t as (select kind, key, sum(n)::int as n from report_tally where ${where.join(' and ')} group by kind, key)
     select kind, key, n,
            case when kind = '${FEEDBACK_TALLIES.scored}' and n > 0
                 then round((select s.n from t s where s.kind = '${FEEDBACK_TALLIES.scoreSum}' and s.key = t.key)::numeric / n, 2)::float8
            end as average
       from t`,
    params,
  );
  const count = (kind: string, key = '') => rows.find((r) => r.kind === kind && r.key === key)?.n ?? 0;
  return {
    responses: count(FEEDBACK_TALLIES.received),
    withComment: count(FEEDBACK_TALLIES.withComment),
    fromLinks: count(FEEDBACK_TALLIES.fromLink),
    byPrinciple: FEEDBACK_PRINCIPLES.map((principle) => {
      const scored = rows.find((r) => r.kind === FEEDBACK_TALLIES.scored && r.key === principle);
      return { principle, responses: scored?.n ?? 0, averageScore: scored?.n ? scored.average : null };
    }),
  };
}

/** Feedback figures for a period of UK days (all time if none given): `feedbackFigures`. */
export async function feedbackSummary(
  em: EntityManager,
  caller: Caller,
  args: { from?: unknown; to?: unknown },
): Promise<FeedbackSummary> {
  const { organisationId, from, to } = receivedIn(caller, args);
  const figures = await feedbackFigures(sqlOf(em), organisationId, from ?? undefined, to ?? undefined);
  return {
    organisationId,
    ...figures,
    byPrinciple: figures.byPrinciple.map((p) => ({ organisationId, ...p })),
  };
}
