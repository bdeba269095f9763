import type { FieldError } from '@doorstep/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Api } from './api.js';
import {
  outboxFor,
  OutboxSync,
  type Outbox,
  type OutboxNews,
  type QueuedItem,
  type Receipt,
} from './outbox.js';
import { tokenSubject } from './token.js';

/** Where a widget's unsent items wait: encrypted on the device, or in this page's memory only. */
export type Storage = 'device' | 'memory';

/**
 * What became of one submission, once `submit` has tried to send it:
 * - `stored`: the gateway has it (`receipt` is the mutation's answer);
 * - `queued`: not sent for want of a connection (or the gateway was down: `code`); it waits in the
 *   outbox and is sent, once, when there is a chance (the host hears of it through `onLater`);
 * - `refused`: the gateway refused the input (`BAD_USER_INPUT`) with messages for its fields;
 * - `failed`: refused for another reason (`UNAUTHENTICATED`, `FORBIDDEN`, `STALE_VERSION` …).
 * A refused or failed item is taken out of the outbox: the person is there to put it right.
 */
export type Outcome<R extends Receipt = Receipt> =
  | { type: 'stored'; key: string; receipt: R }
  | { type: 'queued'; key: string; storage: Storage; code: string }
  | { type: 'refused'; key: string; code: 'BAD_USER_INPUT'; fields: FieldError[] }
  | { type: 'failed'; key: string; code: string; fields: FieldError[] };

/**
 * An item sent or refused after `submit` returned, or by another tab: `mine` when it is one this
 * element submitted (and has not `forget`-ten), `local` when this page sent it.
 */
export type Later<R extends Receipt = Receipt> =
  | { type: 'sent'; key: string; receipt: R; mine: boolean; local: boolean }
  | { type: 'failed'; key: string; code: string; fields: FieldError[]; mine: boolean; local: boolean };

export interface SubmissionOptions<R extends Receipt> {
  /** The widget's queue in the outbox: it sends and counts only its own items. */
  queue: string;
  /** Whether the host allows keeping items on the device (its `offline-storage`, say). */
  onDevice: () => boolean;
  /** The gateway's address and token now. */
  api: () => Api;
  /** Sends one item with its mutation (by `item.kind`), with its idempotency key; resolves to the answer. */
  send: (api: Api, item: QueuedItem) => Promise<R>;
  /** An item sent or refused other than as the outcome of `submit`. */
  onLater?: (later: Later<R>) => void;
  /** Waited for before the first flush when the host connects: restore what it had first. */
  ready?: () => Promise<unknown>;
}

/**
 * Sends what a widget submits through the outbox, exactly once, and tells the widget what became of
 * it as a typed `Outcome`. Each submission is queued first under its idempotency key (fixed before
 * the first try, kept for every retry), then sent at once; what cannot be sent now waits, encrypted
 * on the device, and is sent when the connection returns, when the page is shown again, on a timer
 * that backs off, or when a widget of the same kind opens again (`OutboxSync`). Only the person who
 * queued an item sends it (the token's `sub`). When IndexedDB is refused it keeps items in memory.
 *
 * The same input submitted again while its first submission still waits keeps its key (a retry);
 * a changed input takes the waiting one out and gets a new key, so only what was last sent goes.
 */
export class SubmissionController<R extends Receipt = Receipt> implements ReactiveController {
  /** How many of this widget's items wait in the outbox (this person's and others'). */
  waiting = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: SubmissionOptions<R>;
  readonly #sync: OutboxSync;
  /** Keys this element submitted that are not settled yet. */
  readonly #mine = new Set<string>();
  /** What happened to each key while its `submit` was flushing. */
  readonly #during = new Map<string, OutboxNews>();
  /** The last submission without its own key, for a retry of the same input. */
  #last: { key: string; kind: string; input: string } | undefined;
  #listening: Outbox | undefined;
  #unlisten: (() => void) | undefined;
  #storageBroken = false;
  #counting = 0;

  constructor(host: ReactiveControllerHost, options: SubmissionOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.#sync = new OutboxSync(
      host,
      () => this.#outbox,
      () => this.#sendOne,
      options.ready,
    );
    host.addController(this);
  }

  /** True when unsent items are kept on the device: allowed by the host, and IndexedDB works. */
  get onDevice(): boolean {
    return this.#options.onDevice() && !this.#storageBroken;
  }

  get storage(): Storage {
    return this.#outbox.onDevice ? 'device' : 'memory';
  }

  get #outbox(): Outbox {
    return outboxFor(this.onDevice, this.#options.queue);
  }

  hostConnected(): void {
    this.#listen();
  }

  hostUpdate(): void {
    if (this.#listening !== this.#outbox) this.#listen();
  }

  hostDisconnected(): void {
    this.#unlisten?.();
    this.#unlisten = undefined;
    this.#listening = undefined;
  }

  /**
   * Queues `input` to be sent by the mutation `kind`, tries to send it at once, and resolves to
   * what became of it. `key` names an item that replaces any queued under the same key (a newer
   * answer to the same question); without it, the idempotency key is a fresh UUID (see the class).
   */
  async submit(kind: string, input: unknown, key?: string): Promise<Outcome<R>> {
    key ??= await this.#keyFor(kind, input);
    const api = this.#options.api();
    const item: QueuedItem = {
      key,
      kind,
      endpoint: api.endpoint,
      input,
      queuedAt: Date.now(),
      owner: tokenSubject(await api.tokens.get().catch(() => undefined)),
    };
    this.#mine.add(key);
    this.#during.set(key, { type: 'changed' });
    let news: OutboxNews | undefined;
    try {
      try {
        await this.#outbox.add(item);
      } catch {
        this.#storageBroken = true; // IndexedDB refused: keep it in memory instead
        this.#listen();
        await this.#outbox.add(item);
      }
      await this.#sync.kick();
    } finally {
      news = this.#during.get(key);
      this.#during.delete(key);
    }
    if (news?.type === 'sent') {
      this.#settle(key);
      return { type: 'stored', key, receipt: news.receipt as R };
    }
    if (news?.type === 'failed') {
      await this.#outbox.remove(key);
      this.#settle(key);
      return news.code === 'BAD_USER_INPUT' && news.fields.length
        ? { type: 'refused', key, code: 'BAD_USER_INPUT', fields: news.fields }
        : { type: 'failed', key, code: news.code, fields: news.fields };
    }
    return {
      type: 'queued',
      key,
      storage: this.storage,
      code: news?.type === 'retry' ? news.code : 'NETWORK_ERROR',
    };
  }

  /** Counts a queued item as this element's again (after a reload, say): `onLater` says `mine`. */
  adopt(key: string): void {
    this.#mine.add(key);
  }

  /** Takes a queued item out unsent (after a conflict the person settles on the page, say). */
  async withdraw(key: string): Promise<void> {
    this.#settle(key);
    await this.#outbox.remove(key);
  }

  /** Stops treating submitted items as this element's: they stay queued and are still sent. */
  forget(): void {
    this.#mine.clear();
    this.#last = undefined;
  }

  /** This person's items waiting in this widget's queue, oldest first. */
  async queued(): Promise<QueuedItem[]> {
    const owner = tokenSubject(
      await this.#options
        .api()
        .tokens.get()
        .catch(() => undefined),
    );
    const items = await this.#outbox.items().catch(() => []);
    return items.filter((item) => !item.owner || item.owner === owner);
  }

  /** Tries to send what waits now (the host knows the connection is back, say). */
  kick(): Promise<void> {
    return this.#sync.kick();
  }

  async #keyFor(kind: string, input: unknown): Promise<string> {
    const text = JSON.stringify(input);
    const last = this.#last;
    if (last && this.#mine.has(last.key)) {
      if (last.kind === kind && last.input === text) return last.key;
      await this.#outbox.remove(last.key).catch(() => undefined);
      this.#mine.delete(last.key);
    }
    this.#last = { key: crypto.randomUUID(), kind, input: text };
    return this.#last.key;
  }

  #settle(key: string): void {
    this.#mine.delete(key);
    if (this.#last?.key === key) this.#last = undefined;
  }

  #listen(): void {
    this.#unlisten?.();
    this.#listening = this.#outbox;
    this.#unlisten = this.#listening.listen(this.#onNews);
    void this.#count();
  }

  /** Sends one queued item with the current token; skips one queued by someone else. */
  #sendOne = async (item: QueuedItem): Promise<Receipt | undefined> => {
    const api = { ...this.#options.api(), endpoint: item.endpoint };
    // Queued under another sign-in on this device: only that person's token may send it.
    if (item.owner && item.owner !== tokenSubject(await api.tokens.get())) return undefined;
    return this.#options.send(api, item);
  };

  #onNews = (news: OutboxNews, local: boolean): void => {
    if (news.type !== 'changed') {
      if (this.#during.has(news.key)) {
        this.#during.set(news.key, news);
      } else if (news.type !== 'retry') {
        const mine = this.#mine.has(news.key);
        // A refused one stays queued (and this element's) until the host withdraws it.
        if (mine && news.type === 'sent') this.#settle(news.key);
        this.#options.onLater?.({ ...news, mine, local } as Later<R>);
      }
    }
    void this.#count();
  };

  /** Counts the queue; only the latest count is kept, whatever order the reads finish in. */
  async #count(): Promise<void> {
    const call = ++this.#counting;
    const count = await this.#outbox.count().catch(() => 0);
    if (call === this.#counting && count !== this.waiting) {
      this.waiting = count;
      this.#host.requestUpdate();
    }
  }
}
