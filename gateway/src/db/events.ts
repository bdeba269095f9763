import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

/** The PostgreSQL channel live events travel on, between every gateway instance. */
export const EVENTS_CHANNEL = 'doorstep_events';

/** One live event for one recipient. Ids and kinds only: never personal data or free text. */
export interface LiveEvent {
  organisationId: string;
  recipientId: string;
  type: 'notification';
  data: Record<string, string>;
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
