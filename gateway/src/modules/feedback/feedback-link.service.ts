import type { EntityManager } from '@mikro-orm/postgresql';
import { FEEDBACK_LINK_PATTERN, feedbackLinkRequestSchema, type FeedbackLinkState } from '@doorstep/schema';
import { createHash, randomBytes } from 'node:crypto';
import { parseInput } from '../../common/input.js';
import { consumePublicLimits, type PublicLimits } from '../../common/rate-limit.js';
import { sqlOf } from '../../common/sql.js';
import { staffOf, type Caller } from '../../context.js';
import { BadUserInputError, DoorstepError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { findConcern } from '../concern/concern.service.js';
import { peopleNamed } from '../concern/triage.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { FeedbackLink } from './feedback.entity.js';
import type { FeedbackLinkIssued, FeedbackLinkStatus } from './feedback.inputs.js';

/*
 * One-time feedback links: a safeguarding lead or champion makes one for a closed concern and
 * sends it to the person it was about; their named feedback through it is tied to the concern,
 * their anonymous feedback is not (it only uses the link up). The token (256 random bits) is shown
 * once; only its SHA-256 digest is stored, and a link is found only within the caller's
 * organisation. A link is used once, and only before it expires. `purgeExpired` forgets a link
 * `FEEDBACK_LINK_KEEP_DAYS` after it was used or expired (unless named feedback holds it): its
 * token is then simply not valid, and refused like any other unknown token.
 */

/**
 * Days a used or expired link is kept, so that someone opening it late is told it was used or has
 * expired rather than that it is not valid. Named feedback through a link keeps its link.
 */
export const FEEDBACK_LINK_KEEP_DAYS = 30;

export class FeedbackLinkInvalidError extends DoorstepError {
  constructor() {
    super(
      'FEEDBACK_LINK_INVALID',
      'This feedback link is not valid. Check it was copied in full, or give feedback without it.',
    );
  }
}

export class FeedbackLinkUsedError extends DoorstepError {
  constructor() {
    super(
      'FEEDBACK_LINK_USED',
      'Feedback has already been given through this link. You can still give feedback without it.',
    );
  }
}

export class FeedbackLinkExpiredError extends DoorstepError {
  constructor() {
    super('FEEDBACK_LINK_EXPIRED', 'This feedback link has expired. You can still give feedback without it.');
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where the link with this token stands, within the caller's organisation. */
async function stateOf(em: EntityManager, caller: Caller, token: unknown): Promise<FeedbackLinkStatus> {
  if (typeof token !== 'string' || !FEEDBACK_LINK_PATTERN.test(token)) {
    return { status: 'INVALID', expiresAt: null };
  }
  // The driver gives timestamps as text: the time is read as milliseconds since the epoch.
  const [row] = await sqlOf(em)<{ used: boolean; expired: boolean; expires_ms: number }>(
    `select used_at is not null as used, expires_at <= now() as expired,
            floor(extract(epoch from expires_at) * 1000)::float8 as expires_ms
       from feedback_link where organisation_id = ? and token_hash = ?`,
    [caller.identity.organisationId, digest(token)],
  );
  const status: FeedbackLinkState = !row ? 'INVALID' : row.used ? 'USED' : row.expired ? 'EXPIRED' : 'VALID';
  const dated = status === 'VALID' || status === 'EXPIRED';
  return { status, expiresAt: dated ? new Date(row!.expires_ms) : null };
}

/**
 * Whether a one-time link can still be used (for the form, before it asks its questions). Says
 * nothing about the concern or the person. Rate-limited like the submissions: without the limit it
 * would be a way to guess tokens.
 */
export async function feedbackLinkStatus(
  em: EntityManager,
  caller: Caller,
  limits: PublicLimits,
  clientAddress: string,
  token: unknown,
): Promise<FeedbackLinkStatus> {
  await consumePublicLimits(em, caller, limits, clientAddress);
  return stateOf(em, caller, token);
}

/**
 * Uses up the link with this token, in the caller's transaction, and gives the concern it is about.
 * The conditional update lets exactly one of two parallel submissions through: the second waits on
 * the row, then finds it used. Only the day of use is kept (midnight UTC), so the link's row cannot
 * be matched to the moment anonymous feedback arrived. Refused with FEEDBACK_LINK_INVALID (unknown,
 * forgotten, or another organisation's), FEEDBACK_LINK_USED or FEEDBACK_LINK_EXPIRED.
 */
export async function useFeedbackLink(
  em: EntityManager,
  caller: Caller,
  token: string,
): Promise<{ id: string; concernId: string | null }> {
  const [used] = await sqlOf(em)<{ id: string; concern_id: string | null }>(
    `update feedback_link set used_at = date_trunc('day', now(), 'UTC')
      where organisation_id = ? and token_hash = ? and used_at is null and expires_at > now()
      returning id, concern_id`,
    [caller.identity.organisationId, digest(token)],
  );
  if (used) return { id: used.id, concernId: used.concern_id };
  const { status } = await stateOf(em, caller, token);
  if (status === 'USED') throw new FeedbackLinkUsedError();
  if (status === 'EXPIRED') throw new FeedbackLinkExpiredError();
  throw new FeedbackLinkInvalidError();
}

/**
 * Makes a one-time feedback link for a closed concern of the caller's organisation, open for
 * `validDays` (1 to 90, default 28). The token is returned once and never stored. Audited, and in
 * the chronology of the people and household the concern is about.
 */
export async function createFeedbackLink(
  em: EntityManager,
  caller: Caller,
  concernId: string,
  validDays: unknown,
): Promise<FeedbackLinkIssued> {
  const input = parseInput(feedbackLinkRequestSchema, { validDays });
  const identity = staffOf(caller);
  return em.transactional(async (tx) => {
    const concern = await findConcern(tx, caller, concernId);
    if (concern.status !== 'CLOSED') {
      throw new BadUserInputError([
        {
          field: 'concernId',
          code: 'not_closed',
          message: 'You can only ask for feedback on a concern once it is closed',
        },
      ]);
    }
    const token = `fb_${randomBytes(32).toString('base64url')}`;
    const createdAt = new Date();
    const link = tx.create(FeedbackLink, {
      organisation: tx.getReference(Organisation, identity.organisationId),
      tokenHash: digest(token),
      concern,
      createdBy: tx.getReference(User, identity.userId),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + input.validDays * DAY_MS),
    });
    const people = await peopleNamed(tx, concern);
    recordChronology(tx, caller, {
      kind: 'FEEDBACK_LINK_SENT',
      occurredAt: createdAt,
      householdId: concern.household?.id ?? null,
      personIds: people.all,
      sourceType: 'FeedbackLink',
      sourceId: link.id,
      summary: `Feedback link for ${concern.reference} made, open for ${input.validDays} days`,
      detail: { reference: concern.reference, expiresAt: link.expiresAt.toISOString() },
    });
    audit(tx, caller, 'CREATE', 'FeedbackLink', [link.id]);
    await tx.flush();
    return { token, expiresAt: link.expiresAt };
  });
}
