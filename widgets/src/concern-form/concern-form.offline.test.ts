import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { SgConcernQueuedEvent } from '../events/concern-queued.js';
import type { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
import { withLeaseLock, withLock } from '../internal/lock.js';
import {
  freshStart,
  stepId,
  FAKE,
  fillToCheck,
  find,
  focused,
  gateway,
  gatewayLog,
  get,
  newForm,
  next,
  rawRecords,
  settle,
  text,
  type,
  until,
  what,
  answer,
} from '../test-support/form.js';
import type { SgConcernForm } from './concern-form.js';

const status = (el: SgConcernForm) => text(find(el, '[part~="status"]'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A JWT-shaped token for `sub` (unsigned: the fake gateway does not check signatures). */
const jwt = (sub: string, exp = Math.floor(Date.now() / 1000) + 3600) =>
  `e30.${btoa(JSON.stringify({ sub, exp })).replace(/=+$/, '')}.sig`;

/** Everything in a raw IndexedDB record as text: ids, times, and the ciphertext's bytes. */
const rawText = (records: Record<string, unknown>[]) =>
  records.map((r) => JSON.stringify(r) + new TextDecoder('latin1').decode(r.data as ArrayBuffer)).join('\n');

async function queue(el: SgConcernForm) {
  const queued = oneEvent(el, 'sg-concern-queued') as Promise<SgConcernQueuedEvent>;
  await next(el);
  const event = await queued;
  await settle(el);
  return event;
}

/** Sets a stored record's expiry in the past, as if it were written 8 days ago. */
function expire(store: 'drafts' | 'outbox') {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('doorstep');
    open.onsuccess = () => {
      const tx = open.result.transaction(store, 'readwrite');
      const objects = tx.objectStore(store);
      const all = objects.getAll();
      all.onsuccess = () => {
        for (const record of all.result as { expiresAt: number }[]) {
          objects.put({ ...record, expiresAt: Date.now() - 24 * 60 * 60 * 1000 });
        }
      };
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

beforeEach(freshStart);

describe('<sg-concern-form> drafts', () => {
  it('keeps an encrypted draft while typing and brings it back in a new page', async () => {
    const el = await newForm();
    await answer(el);
    await next(el);
    await type(el, 'subjectDescription', 'Mrs Willow Pritchard');
    await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
    const records = await rawRecords('drafts');
    expect(Object.keys(records[0]!).sort()).to.deep.equal(['data', 'expiresAt', 'id', 'iv']);
    expect(records[0]!.data).to.be.instanceOf(ArrayBuffer);
    expect(rawText(records)).not.to.contain('Willow');
    expect(rawText(records)).not.to.contain('URGENT');
    expect(JSON.stringify({ ...localStorage })).not.to.contain('Willow');
    el.remove();

    const again = await newForm();
    await until(() => stepId(again) === 'who', 3000, 'the restored step');
    await settle(again);
    expect(get<HTMLInputElement>(again, '[name="subjectDescription"]').value).to.equal(
      'Mrs Willow Pritchard',
    );
    expect(text(get(again, '.notice'))).to.contain('We kept the answers you started on this device.');
    await expect(again).to.be.accessible();

    get(again, '.notice button').click();
    await settle(again);
    expect(stepId(again)).to.equal('urgency');
    expect(focused(again)).to.equal(what(get(again, '.step-heading')));
    await until(async () => (await rawRecords('drafts')).length === 0, 3000, 'the draft to go');
  });

  it('keeps a mode’s draft when the page sets the mode after loading (as the portal does)', async () => {
    const el = await newForm({ mode: 'contractor' });
    await answer(el);
    await next(el);
    await type(el, 'location', '3 Contractor Close');
    await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
    el.remove();

    const again = await newForm(); // staff, as the element starts
    again.mode = 'contractor';
    await until(() => stepId(again) === 'who', 3000, 'the contractor draft');
    await settle(again);
    expect(get<HTMLInputElement>(again, '[name="location"]').value).to.equal('3 Contractor Close');

    again.mode = 'staff';
    await settle(again);
    expect(stepId(again)).to.equal('urgency');
    expect((await rawRecords('drafts')).map((r) => r.id)).to.deep.equal(['concern-form:contractor']);
  });

  it('seals with a device key that cannot be read out', async () => {
    const el = await newForm();
    await answer(el);
    await until(async () => (await rawRecords('keys')).length === 1, 3000, 'the key');
    const { key } = (await rawRecords('keys'))[0] as { key: CryptoKey };
    expect(key).to.be.instanceOf(CryptoKey);
    expect(key.extractable).to.equal(false);
    expect(key.algorithm.name).to.equal('AES-GCM');
    let exported = true;
    await crypto.subtle.exportKey('raw', key).catch(() => (exported = false));
    expect(exported).to.equal(false);
  });

  it('forgets a draft after 7 days', async () => {
    const el = await newForm();
    await answer(el);
    await next(el);
    await type(el, 'location', '1 Old Street');
    await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
    el.remove();
    await expire('drafts');
    const again = await newForm();
    await sleep(200);
    await settle(again);
    expect(stepId(again)).to.equal('urgency');
    expect(what(find(again, '.notice'))).to.equal('nothing');
    expect(await rawRecords('drafts')).to.deep.equal([]);
  });

  it('keeps no draft when offline storage is off', async () => {
    const el = await newForm({ storage: 'off' });
    await answer(el);
    await next(el);
    await type(el, 'subjectDescription', 'Shared computer');
    await sleep(500);
    expect(await rawRecords('drafts')).to.deep.equal([]);
  });
});

describe('<sg-concern-form> outbox', () => {
  it('queues a concern when the connection fails, says so, and sends it once when back online', async () => {
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    const queued = await queue(el);
    expect(queued).to.be.instanceOf(SgConcernQueuedEvent);
    expect(queued.bubbles && queued.composed).to.equal(true);
    expect(queued.storage).to.equal('device');
    const panel = get(el, '[part~="queued"]');
    expect(text(panel)).to.contain('Saved on this device');
    expect(text(panel)).to.contain('It will be sent when you are back online.');
    expect(focused(el)).to.equal(what(get(el, '.queued__title')));
    await until(() => status(el) === '1 concern waiting to send', 3000, 'the count');

    const outbox = await rawRecords('outbox');
    expect(outbox.map((r) => r.id)).to.deep.equal([queued.idempotencyKey]);
    expect(rawText(outbox)).not.to.contain('Willow');
    expect(rawText(outbox)).not.to.contain('heating');
    expect(await rawRecords('drafts'), 'the draft moved to the outbox').to.deep.equal([]);

    const submitted = oneEvent(el, 'sg-concern-submitted') as Promise<SgConcernSubmittedEvent>;
    window.dispatchEvent(new Event('online'));
    const event = await submitted;
    expect(event.idempotencyKey).to.equal(queued.idempotencyKey);
    await settle(el);
    expect(text(get(el, '[part~="reference"]'))).to.equal(event.reference);
    expect(focused(el)).to.equal(what(get(el, '.confirmation__title')));
    const { log, stored } = await gatewayLog();
    expect(log.map((e) => e.idempotencyKey)).to.deep.equal([queued.idempotencyKey, queued.idempotencyKey]);
    expect(stored).to.deep.equal([event.reference]);
    expect(await rawRecords('outbox'), 'deleted once sent').to.deep.equal([]);
    await until(() => status(el) === '', 3000, 'the count to clear');
  });

  it('gets the same reference when the gateway stored it but the answer was lost', async () => {
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', { dropAfterStoring: 1 });
    const queued = await queue(el);
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => !!find(el, '[part~="reference"]'), 5000, 'the reference');
    const { log, stored } = await gatewayLog();
    expect(log.map((e) => e.answer)).to.deep.equal(['dropped', 'SG-2026-000001']);
    expect(log.every((e) => e.idempotencyKey === queued.idempotencyKey)).to.equal(true);
    expect(stored).to.deep.equal(['SG-2026-000001']);
    expect(text(get(el, '[part~="reference"]'))).to.equal('SG-2026-000001');
  });

  it('retries on a timer while the gateway fails (503), without any event from the browser', async function () {
    this.timeout(15_000);
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', { unavailable: 1 });
    await queue(el);
    await until(() => !!find(el, '[part~="reference"]'), 9000, 'the timed retry');
    expect((await gatewayLog()).stored).to.have.length(1);
  });

  it('sends what was queued before the page was closed when a form opens again, and tells the person', async () => {
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    const queued = await queue(el);
    el.remove();

    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const submitted = oneEvent(wrapper, 'sg-concern-submitted') as Promise<SgConcernSubmittedEvent>;
    const again = document.createElement('sg-concern-form');
    again.endpoint = FAKE;
    again.token = 'test-token';
    wrapper.append(again);
    const event = await submitted;
    expect(event.idempotencyKey).to.equal(queued.idempotencyKey);
    const notice = `Concern sent. Reference number ${event.reference}`;
    await until(() => status(again) === notice, 3000, `"${notice}" alone (got "${status(again)}")`);
    expect(get(again, '[part~="status"]').getAttribute('role')).to.equal('status');
    expect(stepId(again)).to.equal('urgency');
  });

  it('keeps a failed concern in memory only when offline storage is off, and says so', async () => {
    const el = await newForm({ storage: 'off' });
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    const queued = await queue(el);
    expect(queued.storage).to.equal('memory');
    const panel = text(get(el, '[part~="queued"]'));
    expect(panel).to.contain('Not sent yet');
    expect(panel).to.contain('your answers are kept on this page only');
    expect(panel).to.contain('If you close the page, it will be lost.');
    expect(await rawRecords('outbox')).to.deep.equal([]);
    expect(await rawRecords('drafts')).to.deep.equal([]);
    window.dispatchEvent(new Event('online'));
    await until(() => !!find(el, '[part~="reference"]'), 5000, 'the reference');
  });

  it('deletes a queued concern unsent after 7 days', async () => {
    const el = await newForm();
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    await queue(el);
    el.remove();
    await expire('outbox');
    const again = await newForm();
    await sleep(300);
    await settle(again);
    expect((await gatewayLog()).log).to.have.length(1);
    expect(await rawRecords('outbox')).to.deep.equal([]);
    expect(status(again)).to.equal('');
  });

  it('never sends a queued concern twice when several senders flush at once (tabs share a lock)', async () => {
    const forms: SgConcernForm[] = [];
    for (let i = 0; i < 3; i++) {
      const el = await newForm();
      await fillToCheck(el);
      await gateway('scenario', { drop: 1 });
      await queue(el);
      forms.push(el);
    }
    await gateway('scenario', { delayMs: 50 });
    // Every form flushes at once: each reads the queue, but only inside the lock.
    window.dispatchEvent(new Event('online'));
    await until(async () => (await gatewayLog()).stored.length === 3, 5000, 'three concerns');
    await sleep(300);
    const { log } = await gatewayLog();
    const sent = log.filter((e) => e.answer.startsWith('SG-')).map((e) => e.idempotencyKey);
    expect(sent).to.have.length(3);
    expect(new Set(sent).size).to.equal(3);
    for (const el of forms) await until(() => !!find(el, '[part~="reference"]'), 3000, 'each reference');
  });

  it('sends a queued concern only with its own reporter’s token', async () => {
    const el = await newForm({ token: jwt('gareth') });
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    await queue(el);
    el.remove();

    const someoneElse = await newForm({ token: jwt('priya') });
    await sleep(300);
    expect((await gatewayLog()).log, 'not sent with Priya’s token').to.have.length(1);
    await until(() => status(someoneElse) === '1 concern waiting to send', 3000, 'the count');
    someoneElse.remove();

    const reporter = await newForm({ token: jwt('gareth') });
    await until(async () => (await gatewayLog()).stored.length === 1, 3000, 'sent with Gareth’s token');
    await until(() => status(reporter).startsWith('Concern sent.'), 3000, 'the notice');
  });

  it('keeps a queued concern the gateway refuses, and says why', async () => {
    const el = await newForm({ token: 'old' });
    await fillToCheck(el);
    await gateway('scenario', { drop: 1 });
    await queue(el);
    await gateway('scenario', { tokens: ['new'] });
    window.dispatchEvent(new Event('online'));
    await until(() => status(el).includes('you need to sign in again'), 3000, 'the notice');
    expect(status(el)).to.contain('1 concern waiting to send');
    expect(await rawRecords('outbox')).to.have.length(1);
  });
});

describe('the outbox lock', () => {
  const overlapping = async (lock: (task: () => Promise<void>) => Promise<void>) => {
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(30);
      running--;
    };
    await Promise.all([lock(task), lock(task), lock(task)]);
    return most;
  };

  it('runs one task at a time with navigator.locks', async () => {
    expect(await overlapping((task) => withLock('test-lock', task))).to.equal(1);
  });

  it('runs one task at a time with the localStorage lease where navigator.locks is missing', async () => {
    expect(await overlapping((task) => withLeaseLock('test-lease', task))).to.equal(1);
  });

  it('waits for a lease held by another tab', async () => {
    localStorage.setItem(
      'doorstep-lock:test-other-tab',
      JSON.stringify({ owner: 'another tab', until: Date.now() + 10_000 }),
    );
    let ran = false;
    const done = withLeaseLock('test-other-tab', async () => void (ran = true));
    await sleep(400);
    expect(ran).to.equal(false);
    localStorage.removeItem('doorstep-lock:test-other-tab');
    await done;
    expect(ran).to.equal(true);
    expect(localStorage.getItem('doorstep-lock:test-other-tab')).to.equal(null);
  });
});
