import type { EntityManager } from '@mikro-orm/postgresql';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

/** The PostgreSQL channel live events travel on, between every gateway instance. */
export const EVENTS_CHANNEL = 'doorstep_events';

/**
 * What travels on the channel. Ids and kinds only: never personal data or free text.
 * - notification: one live event for one recipient's open streams;
 * - revoked: a user was deactivated or an API key revoked. Every instance forgets the identities
 *   it has checked and ends the streams opened by that user or with a token minted by that key.
 * - referral: a row of the referral event log (referral-events.ts) was committed; `organisationId`
 *   is the sender's, `recipientOrganisationId` the agency's, `eventId` its position in the log.
 */
export type LiveEvent =
  | { type: 'notification'; organisationId: string; recipientId: string; data: Record<string, string> }
  | { type: 'revoked'; organisationId: string; userId?: string; apiKeyId?: string }
  | {
      type: 'referral';
      organisationId: string;
      recipientOrganisationId: string;
      eventId: string;
      referralId: string;
      kind: 'SENT' | 'MOVED' | 'MESSAGE';
    };

/**
 * Announces an event to every gateway instance from `em`'s transaction: PostgreSQL delivers a
 * NOTIFY only at commit, so nobody hears of something that was rolled back.
 */
export async function publish(em: EntityManager, event: LiveEvent): Promise<void> {
  await em
    .getConnection()
    .execute(
      `select pg_notify(?, ?)`,
      [EVENTS_CHANNEL, JSON.stringify(event)],
      'run',
      em.getTransactionContext(),
    );
}

/**
 * Listens on the events channel over its own connection (LISTEN needs one held open), reconnecting
 * with a back-off, and re-emits each event as `event`. Any instance's NOTIFY reaches every
 * instance's listener: no broker needed to scale out.
 */
export class EventListener extends EventEmitter<{ event: [LiveEvent] }> {
  #client: pg.Client | undefined;
  #stopped = false;
  #retry = 500;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Connects and listens; throws if the first connection fails. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#schedule();
    };
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      try {
        this.emit('event', JSON.parse(message.payload) as LiveEvent);
      } catch {
        this.logger.warn('events.bad_payload');
      }
    });
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`listen ${EVENTS_CHANNEL}`);
    if (this.#stopped) return void (await client.end());
    this.#client = client;
    this.#retry = 500;
  }

  #schedule() {
    if (this.#stopped) return;
    this.logger.warn('events.reconnecting', { inMs: this.#retry });
    setTimeout(() => void this.start().catch(() => this.#schedule()), this.#retry).unref();
    this.#retry = Math.min(this.#retry * 2, 30_000);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
