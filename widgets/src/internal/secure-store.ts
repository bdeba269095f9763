/**
 * Encrypted records in IndexedDB, for drafts and the outbox. Every record's content is sealed with
 * AES-GCM under one key made on this device, kept in IndexedDB as a non-extractable `CryptoKey`
 * (structured-cloneable, usable, never readable as bytes), so what sits on disk is ciphertext. Each
 * record expires: an expired one is deleted the next time its store is read.
 *
 * What this protects against: someone reading the browser's files or copying its storage. It does
 * not protect against code running in the same origin, which can use the key just as we do.
 */

const DB_NAME = 'doorstep';
const DB_VERSION = 1;
export type StoreName = 'drafts' | 'outbox';
const KEY_ID = 'aes-gcm';

/** What is stored: only an id, an expiry and ciphertext. */
export interface SealedRecord {
  id: string;
  expiresAt: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

let database: Promise<IDBDatabase> | undefined;
let cryptoKey: Promise<CryptoKey> | undefined;

const done = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      for (const name of ['keys', 'drafts', 'outbox']) {
        if (!req.result.objectStoreNames.contains(name))
          req.result.createObjectStore(name, { keyPath: 'id' });
      }
    };
    req.onsuccess = () => {
      // Another tab upgrading the database: let it, and open again next time.
      req.result.onversionchange = () => {
        req.result.close();
        database = undefined;
        cryptoKey = undefined;
      };
      resolve(req.result);
    };
    req.onerror = () => {
      database = undefined;
      reject(req.error);
    };
  });
  return database;
}

async function store(name: StoreName | 'keys', mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await openDatabase()).transaction(name, mode).objectStore(name);
}

/** The device's key: made once, non-extractable. Two tabs making it at once agree on the first. */
function deviceKey(): Promise<CryptoKey> {
  cryptoKey ??= (async () => {
    const found = (await done((await store('keys', 'readonly')).get(KEY_ID))) as
      { key: CryptoKey } | undefined;
    if (found) return found.key;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    try {
      await done((await store('keys', 'readwrite')).add({ id: KEY_ID, key }));
      return key;
    } catch {
      const first = (await done((await store('keys', 'readonly')).get(KEY_ID))) as { key: CryptoKey };
      return first.key;
    }
  })().catch((error: unknown) => {
    cryptoKey = undefined;
    throw error;
  });
  return cryptoKey;
}

/** Seals a value and stores it under `id` until `ttlMs` from now. */
export async function putSealed(name: StoreName, id: string, value: unknown, ttlMs: number): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await deviceKey(), plain);
  const record: SealedRecord = { id, expiresAt: Date.now() + ttlMs, iv, data };
  await done((await store(name, 'readwrite')).put(record));
}

/** A record's value, or undefined when it has expired or cannot be opened: then it is deleted. */
async function open<T>(name: StoreName, record: SealedRecord): Promise<T | undefined> {
  if (record.expiresAt > Date.now()) {
    try {
      const key = await deviceKey();
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, key, record.data);
      return JSON.parse(new TextDecoder().decode(plain)) as T;
    } catch {
      // Sealed under a key that is gone (storage partly cleared): it can never be read.
    }
  }
  await deleteSealed(name, record.id);
  return undefined;
}

/** Every live record of a store, opened, oldest id order; expired or unreadable ones are deleted. */
export async function getAllSealed<T>(name: StoreName): Promise<{ id: string; value: T }[]> {
  const records = (await done((await store(name, 'readonly')).getAll())) as SealedRecord[];
  const out: { id: string; value: T }[] = [];
  for (const record of records) {
    const value = await open<T>(name, record);
    if (value !== undefined) out.push({ id: record.id, value });
  }
  return out;
}

/** One record, opened, or undefined if missing, expired or unreadable. */
export async function getSealed<T>(name: StoreName, id: string): Promise<T | undefined> {
  const record = (await done((await store(name, 'readonly')).get(id))) as SealedRecord | undefined;
  return record && open<T>(name, record);
}

export async function deleteSealed(name: StoreName, id: string): Promise<void> {
  await done((await store(name, 'readwrite')).delete(id));
}

/** Seven days: drafts and queued concerns older than this are deleted unread. */
export const STORAGE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
