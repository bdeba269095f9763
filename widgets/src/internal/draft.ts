import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deleteSealed, getSealed, putSealed, STORAGE_TTL_MS } from './secure-store.js';

export interface DraftOptions<T> {
  /** The draft's id on the device: one per widget and mode (`concern-form:staff`, `feedback:web`). */
  id: () => string;
  /** Whether a draft may be kept on the device now (its `offline-storage`, IndexedDB working). */
  enabled: () => boolean;
  /** What to save, read when the save happens; undefined saves nothing (nothing typed, already sent). */
  read: () => T | undefined;
  /** How long after the last change the draft is saved. Default 300 ms. */
  delayMs?: number;
}

/**
 * Keeps what a person has typed in a widget as an encrypted draft on the device (AES-GCM under the
 * device's non-extractable key, deleted unread after 7 days; see `secure-store.ts`), so a reload,
 * a closed tab or a crash loses nothing. The widget calls `saveSoon()` on every change, `restore()`
 * when it opens (it decides whether to take what comes back), and `delete()` once what the draft held
 * is sent or queued. Nothing is kept when `enabled()` is false (`offline-storage="off"`).
 */
export class DraftController<T> implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #options: DraftOptions<T>;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T>) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Saves the draft shortly, once the changes pause. */
  saveSoon(): void {
    if (!this.#options.enabled()) return;
    this.cancel();
    this.#timer = setTimeout(() => {
      const value = this.#options.read();
      if (value === undefined || !this.#options.enabled()) return;
      putSealed('drafts', this.#options.id(), value, STORAGE_TTL_MS).catch(() => undefined);
    }, this.#options.delayMs ?? 300);
  }

  /** Drops a save not yet made. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Deletes the draft (and any save not yet made). */
  async delete(): Promise<void> {
    this.cancel();
    if (!this.#options.enabled()) return;
    await deleteSealed('drafts', this.#options.id()).catch(() => undefined);
  }

  /**
   * The draft kept on the device, or undefined: none, expired, unreadable, storage off, or the id
   * changed while it was read (the widget switched mode meanwhile).
   */
  async restore(): Promise<T | undefined> {
    if (!this.#options.enabled()) return undefined;
    const id = this.#options.id();
    const draft = await getSealed<T>('drafts', id).catch(() => undefined);
    return id === this.#options.id() ? draft : undefined;
  }
}
