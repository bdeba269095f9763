import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventListener } from '../db/events.js';

/**
 * What a subscription's source stream needs (`Context.live`), set by the subscription transports
 * (http/subscription-runner.ts): the events channel, when to stop, and units of work.
 */

/** Where a subscription's source stream comes from (`Context.live`). */
export interface LiveSource {
  listener: EventListener;
  /** Aborted when the subscription ends (completed by the client, closed, or access ended). */
  signal: AbortSignal;
  /** Runs work in a unit of work of the caller's organisation (row-level security), committed. */
  scope<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

/** Thrown by a subscription's resolver for an event the caller may not see: it is skipped. */
export class HiddenEvent extends Error {
  constructor() {
    super('hidden event');
  }
}

/**
 * A queue read as an async iterator that ends at once when asked (`return`), even while its reader
 * waits: an async generator waiting on an await would not.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  readonly #items: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #done = false;

  constructor(private readonly onReturn?: () => void) {}

  push(item: T): void {
    if (this.#done) return;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting({ value: item, done: false });
    else this.#items.push(item);
  }

  /** No more items: the reader gets those already queued, then the end. */
  end(): void {
    this.#done = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    this.#items.length = 0;
    this.end();
    this.onReturn?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
