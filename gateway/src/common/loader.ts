import type { EntityManager } from '@mikro-orm/postgresql';

type Batch<V> = (keys: readonly string[]) => Promise<Map<string, V>>;

interface Pending<V> {
  keys: Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>;
}

/** One named loader of one request: keys asked for in the same tick go to one batch. */
class BatchLoader<V> {
  private cache = new Map<string, Promise<V>>();
  private pending: Pending<V> | undefined;

  constructor(
    private readonly batch: Batch<V>,
    private readonly fallback: V,
  ) {}

  load(key: string): Promise<V> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      if (!this.pending) {
        const pending: Pending<V> = { keys: new Map() };
        this.pending = pending;
        // After the promises of this tick (resolvers of sibling fields) have asked for their keys.
        setImmediate(() => void this.run(pending));
      }
      const waiting = this.pending.keys.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.pending.keys.set(key, waiting);
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async run(pending: Pending<V>): Promise<void> {
    this.pending = undefined;
    const keys = [...pending.keys.keys()];
    try {
      const found = await this.batch(keys);
      for (const [key, waiting] of pending.keys) {
        const value = found.has(key) ? found.get(key)! : this.fallback;
        for (const w of waiting) w.resolve(value);
      }
    } catch (error) {
      for (const waiting of pending.keys.values()) for (const w of waiting) w.reject(error);
    }
  }
}

const registries = new WeakMap<EntityManager, Map<string, BatchLoader<unknown>>>();

/**
 * A batching loader per request (per unit of work) and per `name`: field resolvers ask for one key
 * each, and `batch` runs once for all keys asked for in the same tick, its answer cached for the
 * rest of the request. This is how nested lists (a household's members, their warnings …) cost one
 * query per level, not one per row. A key `batch` has no entry for gets `fallback`.
 */
export function load<V>(
  em: EntityManager,
  name: string,
  key: string,
  batch: Batch<V>,
  fallback: V,
): Promise<V> {
  let registry = registries.get(em);
  if (!registry) {
    registry = new Map();
    registries.set(em, registry);
  }
  let loader = registry.get(name) as BatchLoader<V> | undefined;
  if (!loader) {
    loader = new BatchLoader<V>(batch, fallback);
    registry.set(name, loader as BatchLoader<unknown>);
  }
  return loader.load(key);
}

/** Forgets what a request's loaders have cached (after a write in the same request). */
export function forgetLoaded(em: EntityManager): void {
  registries.delete(em);
}

/** Groups rows into a map of lists by a key. */
export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}
