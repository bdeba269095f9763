import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferralStatus } from '@doorstep/schema';
import { isUuid } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import type { LiveEvent } from '../../db/events.js';
import { fieldError, NotFoundError } from '../../errors.js';
import { Channel, HiddenEvent, type LiveSource } from '../../graphql/live.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { ReferralEvent, type ReferralEventKind } from './referral-event.entity.js';
import { Referral } from './referral.entity.js';
import { getReferral } from './referral.service.js';

/**
 * Live updates of referrals (GraphQL subscriptions): the events of the referral event log
 * (referral-events.ts) the caller's organisation is party to, replayed from a position and then
 * live, each delivered with the referral read as the caller reads it.
 */

/** An event on its way to a subscriber: its position and referral only (the rest is read per event). */
export interface ReferralEventSignal {
  eventId: string;
  referralId: string;
}

/** What a subscriber receives: the event and the referral as they may read it. */
export interface ReferralEventView {
  id: string;
  kind: ReferralEventKind;
  status: ReferralStatus;
  version: number;
  at: Date;
  referral: Referral;
  /** The two parties, for the access rule's check on every field. */
  organisation: Organisation;
  recipientOrganisation: Organisation;
}

export interface ReferralEventFilter {
  /** One referral's events only. */
  referralId?: string | null;
  /** Only new referrals sent to the caller's agency. */
  receivedOnly?: boolean;
}

/** Events replayed per statement when a subscription resumes. */
export const REPLAY_PAGE = 100;
const MAX_POSITION = 2n ** 63n - 1n;

/** A position in the event log given by a client (`after`), or BAD_USER_INPUT. */
export function parsePosition(value: string | null | undefined): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > MAX_POSITION) {
    throw fieldError('after', 'Give the id of the last event you received (a whole number), or leave it out');
  }
  return BigInt(value);
}

/**
 * The events of referrals the caller's organisation sent or received (or of one of them, or only
 * new referrals received), as a stream: with `after`, every event after that position first, read
 * from the log in pages, then live ones, with no gap and no repeat between the two. The listener is
 * joined before the log is read, and what it hears meanwhile is held; a live event at or below the
 * last position sent is dropped. (Positions follow commit order within an organisation, and
 * PostgreSQL delivers notifications in commit order, so what arrives live after the replay is
 * above it.) Refused before it starts: a bad `after` (BAD_USER_INPUT), a referral the caller
 * cannot read (NOT_FOUND, as the `referral` query).
 */
export async function referralEventStream(
  live: LiveSource,
  caller: Caller,
  filter: ReferralEventFilter,
  after: string | null | undefined,
  pageSize = REPLAY_PAGE,
): Promise<AsyncGenerator<ReferralEventSignal>> {
  let last = parsePosition(after);
  const org = caller.identity.organisationId;
  const { referralId, receivedOnly = false } = filter;
  if (referralId !== undefined && referralId !== null) {
    const visible =
      isUuid(referralId) &&
      (await live.scope((em) =>
        em.count(Referral, { id: referralId, $or: [{ organisation: org }, { recipientOrganisation: org }] }),
      )) > 0;
    if (!visible) throw new NotFoundError('Referral');
  }

  const matches = (event: LiveEvent): event is Extract<LiveEvent, { type: 'referral' }> =>
    event.type === 'referral' &&
    (receivedOnly
      ? event.recipientOrganisationId === org && event.kind === 'SENT'
      : event.organisationId === org || event.recipientOrganisationId === org) &&
    (!referralId || event.referralId === referralId);
  const heard = new Channel<ReferralEventSignal>();
  const onEvent = (event: LiveEvent) => {
    if (matches(event)) heard.push({ eventId: event.eventId, referralId: event.referralId });
  };
  live.listener.on('event', onEvent);
  const stop = () => {
    live.listener.off('event', onEvent);
    heard.end();
  };
  live.signal.addEventListener('abort', stop);

  const page = (from: bigint) =>
    live.scope((em) =>
      em.getConnection().execute<{ eventId: string; referralId: string }[]>(
        `select "id"::text as "eventId", "referral_id" as "referralId" from "referral_event"
          where ${receivedOnly ? `"recipient_organisation_id" = ? and "kind" = 'SENT'` : `(? in ("organisation_id", "recipient_organisation_id"))`}
            and "id" > ? ${referralId ? `and "referral_id" = ?` : ''}
          order by "id" limit ?`,
        [org, from.toString(), ...(referralId ? [referralId] : []), pageSize],
        'all',
        em.getTransactionContext(),
      ),
    );

  async function* stream(): AsyncGenerator<ReferralEventSignal> {
    try {
      if (last !== undefined) {
        for (;;) {
          const rows = await page(last);
          for (const row of rows) {
            last = BigInt(row.eventId);
            yield row;
          }
          if (rows.length < pageSize || live.signal.aborted) break;
        }
      }
      for await (const event of heard) {
        const position = BigInt(event.eventId);
        if (last !== undefined && position <= last) continue;
        last = position;
        yield event;
      }
    } finally {
      live.listener.off('event', onEvent);
      live.signal.removeEventListener('abort', stop);
    }
  }
  return stream();
}

/**
 * One event for the caller: the referral read as the `referral` query reads it (audited as a READ,
 * under row-level security for the caller's organisation). An event of a referral the caller cannot
 * read is skipped (HiddenEvent), never delivered.
 */
export async function deliverReferralEvent(
  em: EntityManager,
  caller: Caller,
  signal: ReferralEventSignal,
): Promise<ReferralEventView> {
  const event = await em.findOne(ReferralEvent, { id: signal.eventId });
  if (!event) throw new HiddenEvent();
  let referral: Referral;
  try {
    referral = await getReferral(em, caller, signal.referralId);
  } catch (error) {
    if (error instanceof NotFoundError) throw new HiddenEvent();
    throw error;
  }
  return {
    id: event.id,
    kind: event.kind,
    status: event.status,
    version: event.version,
    at: event.at,
    referral,
    organisation: referral.organisation,
    recipientOrganisation: referral.recipientOrganisation,
  };
}
