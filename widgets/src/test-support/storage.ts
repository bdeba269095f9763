// The device storage the widgets keep drafts and the outbox in (IndexedDB `doorstep`), as the tests
// see it: wiped between tests, and read raw (still encrypted) to check what is on disk.

/** Deletes every draft, queued concern and the device key, as on a fresh browser. */
export async function clearDeviceStorage() {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('doorstep');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  localStorage.clear();
}

/** Every record of a store as IndexedDB holds it, not decrypted. */
export function rawRecords(store: 'drafts' | 'outbox' | 'keys'): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('doorstep');
    // No database yet: do not create an empty one the widget would then find without its stores.
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        return resolve([]);
      }
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result as Record<string, unknown>[]);
      };
      req.onerror = () => reject(req.error);
    };
  });
}
