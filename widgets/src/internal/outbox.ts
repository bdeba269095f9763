import { DoorstepError } from '@doorstep/client';
import type { FieldError } from '@doorstep/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { withLock } from './lock.js';
import { deleteSealed, getAllSealed, putSealed, STORAGE_TTL_MS } from './secure-store.js';

/** Which mutation sends it: `raiseConcern` (a signed-in reporter) or `raisePublicConcern`. */
export type ConcernKind = 'staff' | 'public';

/** A concern waiting to be sent. The idempotency key is fixed when the person presses "Send". */
export interface QueuedConcern {
  key: string;
  kind: ConcernKind;
  endpoint: string;
  input: unknown;
  queuedAt: number;
  /**
   * The `sub` of the token it was queued under. On a device shared by several people, a concern is
   * only ever sent with its own reporter's token, never attributed to whoever signs in next.
   */
  owner?: string | undefined;
}

export interface Receipt {
  reference: string;
  receivedAt?: string | undefined;
}

export type OutboxNews =
  | { type: 'sent'; key: string; reference: string; receivedAt?: string | undefined }
  | { type: 'failed'; key: string; code: string; fields: FieldError[] }
  | { type: 'changed' };

interface Storage {
  put(concern: QueuedConcern): Promise<void>;
  all(): Promise<QueuedConcern[]>;
  remove(key: string): Promise<void>;
}

/** Encrypted in IndexedDB: survives a reload, a closed tab, a restart. */
const deviceStorage: Storage = {
  put: (concern) => putSealed('outbox', concern.key, concern, STORAGE_TTL_MS),
  all: async () => (await getAllSealed<QueuedConcern>('outbox')).map((record) => record.value),
  remove: (key) => deleteSealed('outbox', key),
};

/** In this page's memory only (`offline-storage="off"`): gone when the page is closed. */
function memoryStorage(): Storage {
  const entries = new Map<string, QueuedConcern>();
  return {
    put: async (concern) => void entries.set(concern.key, concern),
    all: async () => {
      for (const [key, concern] of entries) {
        if (concern.queuedAt + STORAGE_TTL_MS < Date.now()) entries.delete(key);
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
 * Concerns waiting to be sent, and the one place that sends them: `flush` runs under a lock shared by
 * every tab, reads the queue inside it, and deletes each concern as soon as the gateway has it, so no
 * two tabs ever send the same concern at once. The idempotency key makes a resend after a lost answer
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
   * Hears of every concern sent or refused, in this page (`local`) or another tab, and of changes to
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

  async add(concern: QueuedConcern): Promise<void> {
    await this.storage.put(concern);
    this.#tell({ type: 'changed' });
  }

  async count(): Promise<number> {
    return (await this.storage.all()).length;
  }

  async remove(key: string): Promise<void> {
    await this.storage.remove(key);
    this.#tell({ type: 'changed' });
  }

  /**
   * Sends every queued concern, oldest first, stopping at the first connection failure. `sendOne`
   * resolves to undefined for a concern it must not send (another person's): it stays queued.
   */
  flush(sendOne: (concern: QueuedConcern) => Promise<Receipt | undefined>): Promise<FlushResult> {
    return withLock(this.lockName, async () => {
      const queued = (await this.storage.all()).sort((a, b) => a.queuedAt - b.queuedAt);
      const result: FlushResult = { sent: 0, remaining: queued.length, retry: false };
      for (const concern of queued) {
        let receipt: Receipt | undefined;
        try {
          receipt = await sendOne(concern);
          if (!receipt) continue;
        } catch (error) {
          const code = error instanceof DoorstepError ? error.code : 'NETWORK_ERROR';
          if (!(error instanceof DoorstepError) || error.retryable) {
            result.retry = true;
            break;
          }
          // Refused (no valid token, say): kept for a later try, never dropped unsent.
          this.#tell({ type: 'failed', key: concern.key, code, fields: (error as DoorstepError).fields });
          continue;
        }
        await this.storage.remove(concern.key);
        result.sent++;
        result.remaining--;
        this.#tell({
          type: 'sent',
          key: concern.key,
          reference: receipt.reference,
          receivedAt: receipt.receivedAt,
        });
      }
      if (result.sent) this.#tell({ type: 'changed' });
      return result;
    });
  }
}

let device: Outbox | undefined;
let memory: Outbox | undefined;

/** The page's outbox: on the device (encrypted IndexedDB), or in memory when storage is off. */
export function outboxFor(onDevice: boolean): Outbox {
  if (onDevice) return (device ??= new Outbox(deviceStorage, true, 'doorstep-outbox'));
  return (memory ??= new Outbox(memoryStorage(), false, 'doorstep-outbox-memory'));
}

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 5 * 60_000;

/**
 * Sends a widget's queued concerns whenever there is a chance they will go: when the widget connects
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
    private readonly sender: () => ((concern: QueuedConcern) => Promise<Receipt | undefined>) | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.kick);
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.kick();
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
