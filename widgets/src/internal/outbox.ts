import { DoorstepError } from '@doorstep/client';
import type { FieldError } from '@doorstep/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { withLock } from './lock.js';
import { deleteSealed, getAllSealed, putSealed, STORAGE_TTL_MS } from './secure-store.js';

/**
 * Something a widget sends, waiting in the outbox: a concern, feedback, an answer. The idempotency
 * key is fixed when the person presses "Send". `kind` tells the widget's sender which mutation
 * sends it (the concern form: `staff` for `raiseConcern`, `public` for `raisePublicConcern`).
 */
export interface QueuedItem {
  key: string;
  kind: string;
  endpoint: string;
  input: unknown;
  queuedAt: number;
  /** The queue it waits in (see `outboxFor`); absent on concerns queued before there were several. */
  queue?: string | undefined;
  /**
   * The `sub` of the token it was queued under. On a device shared by several people, an item is
   * only ever sent with its own reporter's token, never attributed to whoever signs in next.
   */
  owner?: string | undefined;
}

/** What the gateway answered for an item sent: the mutation's result, as plain JSON. */
export type Receipt = Record<string, unknown>;

/**
 * What the outbox tells its listeners: an item sent, refused (not for want of a connection), still
 * waiting after a failure it will retry (`retry`), or the queue changed.
 */
export type OutboxNews =
  | { type: 'sent'; key: string; receipt: Receipt }
  | { type: 'failed'; key: string; code: string; fields: FieldError[] }
  | { type: 'retry'; key: string; code: string }
  | { type: 'changed' };

interface Storage {
  put(item: QueuedItem): Promise<void>;
  all(): Promise<QueuedItem[]>;
  remove(key: string): Promise<void>;
}

/** The concern form's queue: its items were queued before there were several, with no `queue`. */
const CONCERNS = 'concerns';

/** Encrypted in IndexedDB: survives a reload, a closed tab, a restart. One store, every queue. */
const deviceStorage = (queue: string): Storage => ({
  put: (item) => putSealed('outbox', item.key, { ...item, queue }, STORAGE_TTL_MS),
  all: async () =>
    (await getAllSealed<QueuedItem>('outbox'))
      .map((record) => record.value)
      .filter((item) => (item.queue ?? CONCERNS) === queue),
  remove: (key) => deleteSealed('outbox', key),
});

/** In this page's memory only (`offline-storage="off"`): gone when the page is closed. */
function memoryStorage(): Storage {
  const entries = new Map<string, QueuedItem>();
  return {
    put: async (item) => void entries.set(item.key, item),
    all: async () => {
      for (const [key, item] of entries) {
        if (item.queuedAt + STORAGE_TTL_MS < Date.now()) entries.delete(key);
      }
      return [...entries.values()];
    },
    remove: async (key) => void entries.delete(key),
  };
}

export interface FlushResult {
  sent: number;
  /** Still queued after this flush. */
  remaining: number;
  /** The connection or the gateway failed: try again later. */
  retry: boolean;
}

/**
 * Items waiting to be sent, and the one place that sends them: `flush` runs under a lock shared by
 * every tab, reads the queue inside it, and deletes each item as soon as the gateway has it, so no
 * two tabs ever send the same item at once. The idempotency key makes a resend after a lost answer
 * harmless. Other tabs hear what was sent through a BroadcastChannel.
 */
export class Outbox {
  readonly #listeners = new Set<(news: OutboxNews, local: boolean) => void>();
  readonly #channel: BroadcastChannel | undefined;

  constructor(
    private readonly storage: Storage,
    /** True when the queue is kept on the device (encrypted), false when in memory only. */
    readonly onDevice: boolean,
    private readonly lockName: string,
  ) {
    if (onDevice && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(lockName);
      this.#channel.onmessage = (event: MessageEvent<OutboxNews>) => this.#tell(event.data, false);
    }
  }

  /**
   * Hears of every item sent or refused, in this page (`local`) or another tab, and of changes to
   * the queue.
   */
  listen(listener: (news: OutboxNews, local: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #tell(news: OutboxNews, local = true): void {
    if (local) this.#channel?.postMessage(news);
    for (const listener of this.#listeners) listener(news, local);
  }

  /** Queues an item; one with the same key already queued is replaced (its key is its identity). */
  async add(item: QueuedItem): Promise<void> {
    await this.storage.put(item);
    this.#tell({ type: 'changed' });
  }

  async count(): Promise<number> {
    return (await this.storage.all()).length;
  }

  /** Every item waiting, oldest first. */
  async items(): Promise<QueuedItem[]> {
    return (await this.storage.all()).sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async remove(key: string): Promise<void> {
    await this.storage.remove(key);
    this.#tell({ type: 'changed' });
  }

  /**
   * Sends every queued item, oldest first, stopping at the first connection failure. `sendOne`
   * resolves to undefined for an item it must not send (another person's): it stays queued.
   */
  flush(sendOne: (item: QueuedItem) => Promise<Receipt | undefined>): Promise<FlushResult> {
    return withLock(this.lockName, async () => {
      const queued = await this.items();
      const result: FlushResult = { sent: 0, remaining: queued.length, retry: false };
      for (const item of queued) {
        let receipt: Receipt | undefined;
        try {
          receipt = await sendOne(item);
          if (!receipt) continue;
        } catch (error) {
          const code = error instanceof DoorstepError ? error.code : 'NETWORK_ERROR';
          if (!(error instanceof DoorstepError) || error.retryable) {
            result.retry = true;
            this.#tell({ type: 'retry', key: item.key, code });
            break;
          }
          // Refused (no valid token, say): kept for a later try, never dropped unsent.
          this.#tell({ type: 'failed', key: item.key, code, fields: (error as DoorstepError).fields });
          continue;
        }
        await this.storage.remove(item.key);
        result.sent++;
        result.remaining--;
        this.#tell({ type: 'sent', key: item.key, receipt });
      }
      if (result.sent) this.#tell({ type: 'changed' });
      return result;
    });
  }
}

const outboxes = new Map<string, Outbox>();

/**
 * The page's outbox for one queue (one per widget: `concerns`, `feedback`, `self-assessment`), on
 * the device (encrypted IndexedDB) or in memory when storage is off. Each queue has its own lock and
 * channel, so a widget only ever sends, counts and hears of its own kind of item.
 */
export function outboxFor(onDevice: boolean, queue = CONCERNS): Outbox {
  const name = `doorstep-outbox${queue === CONCERNS ? '' : `:${queue}`}${onDevice ? '' : '-memory'}`;
  let outbox = outboxes.get(name);
  if (!outbox) {
    outbox = new Outbox(onDevice ? deviceStorage(queue) : memoryStorage(), onDevice, name);
    outboxes.set(name, outbox);
  }
  return outbox;
}

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 5 * 60_000;

/**
 * Sends a widget's queued items whenever there is a chance they will go: when the widget connects
 * (page load), when the browser comes back `online`, when the page becomes visible again, and on a
 * timer that backs off (5 s, 10 s, 20 s … up to 5 minutes) while sending keeps failing. Background
 * Sync is not used: Safari and Firefox lack it, and these triggers cover an open page.
 */
export class OutboxSync implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly outbox: () => Outbox,
    private readonly sender: () => ((item: QueuedItem) => Promise<Receipt | undefined>) | undefined,
    /** Waited for before the first flush on connecting (a widget restoring what it had). */
    private readonly ready: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.kick);
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.ready().then(this.kick, this.kick);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.kick);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#timer);
  }

  #onVisible = () => {
    if (document.visibilityState === 'visible') void this.kick();
  };

  /** Tries to send now; a call made while a flush runs starts another one after it. */
  kick = (): Promise<void> => {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#flushOnce();
      } while (this.#again);
    })().finally(() => (this.#running = undefined));
    return this.#running;
  };

  async #flushOnce(): Promise<void> {
    const sendOne = this.sender();
    if (!sendOne) return;
    clearTimeout(this.#timer);
    let result: FlushResult;
    try {
      result = await this.outbox().flush(sendOne);
    } catch {
      result = { sent: 0, remaining: 1, retry: true }; // storage unavailable for a moment
    }
    if (result.retry && result.remaining > 0) {
      const delay = Math.min(FIRST_RETRY_MS * 2 ** this.#failures, LAST_RETRY_MS);
      this.#failures++;
      this.#timer = setTimeout(() => void this.kick(), delay);
    } else {
      this.#failures = 0;
    }
  }
}
