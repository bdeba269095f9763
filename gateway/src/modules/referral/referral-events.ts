import type { EntityManager } from '@mikro-orm/postgresql';
import { publish } from '../../db/events.js';
import { queueWebhooks } from '../webhook/webhooks.service.js';
import type { ReferralEventKind } from './referral-event.entity.js';
import type { Referral } from './referral.entity.js';

/**
 * Adds a change to a referral to the referral event log and announces it to every gateway
 * instance at commit (LISTEN/NOTIFY). Call it last in the change's transaction, after the change is
 * flushed: it holds the log's lock for each of the two organisations until commit, so each
 * organisation's events are numbered in the order they commit, and a reader who has every event up
 * to position n can never later find one below n (live subscriptions resume from a position, and
 * webhooks deliver from one, on that promise). The locks are taken in one order (by id), so two
 * changes never wait on each other in a cycle. Queues the event for both organisations' webhook
 * endpoints in the same transaction. Returns the event's position.
 */
export async function recordReferralEvent(
  tx: EntityManager,
  referral: Referral,
  kind: ReferralEventKind,
  byOrganisationId: string,
): Promise<string> {
  const connection = tx.getConnection();
  const context = tx.getTransactionContext();
  const parties = [referral.organisation.id, referral.recipientOrganisation.id].sort();
  for (const organisationId of parties) {
    await connection.execute(
      `select pg_advisory_xact_lock(hashtextextended('referral_event:' || ?, 0))`,
      [organisationId],
      'run',
      context,
    );
  }
  const [row] = await connection.execute<{ id: string }[]>(
    `insert into "referral_event"
       ("organisation_id", "referral_id", "recipient_organisation_id", "kind", "status", "version", "by_organisation_id", "at")
     values (?, ?, ?, ?, ?, ?, ?, now()) returning "id"::text as "id"`,
    [
      referral.organisation.id,
      referral.id,
      referral.recipientOrganisation.id,
      kind,
      referral.status,
      referral.version,
      byOrganisationId,
    ],
    'all',
    context,
  );
  const eventId = row!.id;
  // The outbox: a delivery for each webhook endpoint of the two organisations, committed with it.
  await queueWebhooks(tx, referral.organisation.id, eventId);
  await publish(tx, {
    type: 'referral',
    organisationId: referral.organisation.id,
    recipientOrganisationId: referral.recipientOrganisation.id,
    eventId,
    referralId: referral.id,
    kind,
  });
  return eventId;
}
