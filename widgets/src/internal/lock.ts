/**
 * Runs `task` while holding a lock that every tab of this origin respects, so two tabs never send
 * the same queued concern at once. Uses the Web Locks API (`navigator.locks`); where it is missing,
 * a lease in localStorage (it holds only a random owner id and a time).
 */
export function withLock<T>(name: string, task: () => Promise<T>, locks = navigator.locks): Promise<T> {
  if (locks) return locks.request(name, task) as Promise<T>;
  return withLeaseLock(name, task);
}

const LEASE_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let chain: Promise<unknown> = Promise.resolve();

/**
 * The fallback: one task at a time in this page (a promise chain), and across tabs a lease written
 * to localStorage, read back after a pause to see who won, renewed while the task runs.
 */
export function withLeaseLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const key = `doorstep-lock:${name}`;
  const owner = crypto.randomUUID();
  const run = async () => {
    for (;;) {
      const lease = JSON.parse(localStorage.getItem(key) ?? 'null') as {
        owner: string;
        until: number;
      } | null;
      if (!lease || lease.until < Date.now()) {
        localStorage.setItem(key, JSON.stringify({ owner, until: Date.now() + LEASE_MS }));
        await sleep(30);
        if ((JSON.parse(localStorage.getItem(key) ?? 'null') as { owner?: string } | null)?.owner === owner)
          break;
      }
      await sleep(100 + Math.random() * 100);
    }
    const renew = setInterval(
      () => localStorage.setItem(key, JSON.stringify({ owner, until: Date.now() + LEASE_MS })),
      LEASE_MS / 3,
    );
    try {
      return await task();
    } finally {
      clearInterval(renew);
      if ((JSON.parse(localStorage.getItem(key) ?? 'null') as { owner?: string } | null)?.owner === owner) {
        localStorage.removeItem(key);
      }
    }
  };
  const result = chain.then(run, run);
  chain = result.catch(() => undefined);
  return result;
}
