/** A small time-limited cache: entries are forgotten `ttlMs` after they were set. */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps `value` for the cache's time, or for `ttlMs` when that is shorter. */
  set(key: K, value: V, ttlMs = this.ttlMs): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, { value, until: Date.now() + Math.min(ttlMs, this.ttlMs) });
  }

  clear(): void {
    this.#entries.clear();
  }
}
