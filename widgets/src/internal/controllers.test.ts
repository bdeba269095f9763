// The controllers every widget is built from, on a bare host element, in Chromium: the submission
// controller against the fake gateway (test/fake-gateway.mjs), the draft controller on IndexedDB.
import { RaiseConcernDocument, type RaiseConcernMutationVariables } from '@doorstep/client';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FAKE, freshStart, gateway, gatewayLog } from '../test-support/form.js';
import { rawRecords } from '../test-support/storage.js';
import { until } from '../test-support/dom.js';
import { send, type Api } from './api.js';
import { DraftController } from './draft.js';
import type { QueuedItem } from './outbox.js';
import { SubmissionController, type Later } from './submission.js';
import { TokenSource } from './token.js';

type Receipt = { reference: string };

const api = (endpoint = FAKE): Api => ({ endpoint, tokens: new TokenSource('test-token') });
const sendConcern = async (to: Api, item: QueuedItem): Promise<Receipt> =>
  (
    await send(to, RaiseConcernDocument, {
      idempotencyKey: item.key,
      input: item.input,
    } as RaiseConcernMutationVariables)
  ).raiseConcern;

/** A bare element with the controllers on it, as a widget would have them. */
class ControlledHost extends LitElement {
  draftValue: { text: string } | undefined = { text: 'first words' };
  enabled = true;
  later: Later<Receipt>[] = [];
  readonly submission = new SubmissionController<Receipt>(this, {
    queue: 'test',
    onDevice: () => this.enabled,
    api: () => api(),
    send: sendConcern,
    onLater: (later) => this.later.push(later),
  });
  readonly draft = new DraftController<{ text: string }>(this, {
    id: () => 'test:draft',
    enabled: () => this.enabled,
    read: () => this.draftValue,
    delayMs: 10,
  });
}
customElements.define('test-controlled-host', ControlledHost);

const newHost = () => fixture<ControlledHost>(html`<test-controlled-host></test-controlled-host>`);
const INPUT = { whatHappened: 'Heating off for a week' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(freshStart);

describe('the submission controller', () => {
  it('stores a submission at once: outcome stored, with the gateway’s answer, and nothing left queued', async () => {
    const host = await newHost();
    const outcome = await host.submission.submit('staff', INPUT);
    expect(outcome.type).to.equal('stored');
    expect(outcome.type === 'stored' && outcome.receipt.reference).to.equal('SG-2026-000001');
    expect(await rawRecords('outbox')).to.deep.equal([]);
    await until(() => host.submission.waiting === 0, 3000, 'no count');
  });

  it('queues one it cannot send now, encrypted, and sends it exactly once when tried again', async () => {
    const host = await newHost();
    await gateway('scenario', { drop: 1 });
    const outcome = await host.submission.submit('staff', INPUT);
    expect(outcome).to.deep.equal({
      type: 'queued',
      key: outcome.key,
      storage: 'device',
      code: 'NETWORK_ERROR',
    });
    expect((await rawRecords('outbox')).map((r) => r.id)).to.deep.equal([outcome.key]);
    await until(() => host.submission.waiting === 1, 3000, 'the count');

    // The same input again (the person pressing Send again) keeps its key: stored once.
    const again = await host.submission.submit('staff', INPUT);
    expect(again).to.deep.include({ type: 'stored', key: outcome.key });
    await host.submission.kick();
    const { log, stored } = await gatewayLog();
    expect(log.map((e) => e.idempotencyKey)).to.deep.equal([outcome.key, outcome.key]);
    expect(stored).to.have.length(1);
  });

  it('sends a changed input instead of the one waiting, never both', async () => {
    const host = await newHost();
    await gateway('scenario', { drop: 1 });
    const first = await host.submission.submit('staff', INPUT);
    const changed = await host.submission.submit('staff', { whatHappened: 'Heating off for two weeks' });
    expect(changed.type).to.equal('stored');
    expect(changed.key).not.to.equal(first.key);
    await host.submission.kick();
    const { log, stored } = await gatewayLog();
    expect(stored).to.have.length(1);
    expect(log.at(-1)!.input).to.deep.equal({ whatHappened: 'Heating off for two weeks' });
    expect(await rawRecords('outbox')).to.deep.equal([]);
  });

  it('tells the host of a waiting submission sent later: its own (mine), or one it has forgotten', async () => {
    const host = await newHost();
    await gateway('scenario', { drop: 2 });
    const mine = await host.submission.submit('staff', INPUT);
    expect(mine.type).to.equal('queued');
    await host.submission.kick(); // dropped again: still waiting, nothing told
    expect(host.later).to.deep.equal([]);
    await host.submission.kick();
    expect(host.later).to.have.length(1);
    expect(host.later[0]).to.deep.include({ type: 'sent', key: mine.key, mine: true, local: true });

    await gateway('scenario', { drop: 1 });
    const other = await host.submission.submit('staff', { whatHappened: 'Another' });
    host.submission.forget();
    await host.submission.kick();
    expect(host.later.at(-1)).to.deep.include({ type: 'sent', key: other.key, mine: false });
  });

  it('returns the gateway’s field errors as refused, and takes the submission out of the outbox', async () => {
    const host = await newHost();
    const fields = [{ field: 'whatHappened', code: 'too_small', message: 'Say what happened' }];
    await gateway('scenario', { badInput: fields });
    const outcome = await host.submission.submit('staff', INPUT);
    expect(outcome).to.deep.equal({ type: 'refused', key: outcome.key, code: 'BAD_USER_INPUT', fields });
    expect(await rawRecords('outbox')).to.deep.equal([]);
  });

  it('returns another refusal as failed, with its code, and does not send it again', async () => {
    const host = await newHost();
    await gateway('scenario', { tokens: ['another-token'] });
    const outcome = await host.submission.submit('staff', INPUT);
    expect(outcome).to.deep.include({ type: 'failed', code: 'UNAUTHENTICATED' });
    await host.submission.kick();
    expect((await gatewayLog()).log, 'tried once').to.have.length(1);
  });

  it('keeps a submission in memory when the host keeps nothing on the device', async () => {
    const host = await newHost();
    host.enabled = false;
    await gateway('scenario', { drop: 1 });
    const outcome = await host.submission.submit('staff', INPUT);
    expect(outcome).to.deep.include({ type: 'queued', storage: 'memory' });
    expect(await rawRecords('outbox')).to.deep.equal([]);
    await host.submission.kick();
    expect((await gatewayLog()).stored).to.have.length(1);
  });

  it('sends only its own queue: another widget’s controller neither sends nor counts it', async () => {
    const host = await newHost();
    await gateway('scenario', { drop: 1 });
    await host.submission.submit('staff', INPUT);
    const sent: string[] = [];
    const other = new SubmissionController(host, {
      queue: 'another',
      onDevice: () => true,
      api: () => api(),
      send: async (_api, item) => (sent.push(item.key), { reference: 'x' }),
    });
    await other.kick();
    expect(sent).to.deep.equal([]);
    expect(other.waiting).to.equal(0);
  });
});

describe('the draft controller', () => {
  it('saves what the host reads, sealed, once changes pause, and gives it back', async () => {
    const host = await newHost();
    host.draft.saveSoon();
    host.draftValue = { text: 'Mrs Willow Pritchard, flat 3' };
    host.draft.saveSoon(); // the first save is dropped: the last value is what is kept
    await until(async () => (await rawRecords('drafts')).length === 1, 3000, 'the draft');
    const [record] = await rawRecords('drafts');
    expect(new TextDecoder('latin1').decode(record!.data as ArrayBuffer)).not.to.contain('Willow');
    expect(await host.draft.restore()).to.deep.equal({ text: 'Mrs Willow Pritchard, flat 3' });
    await host.draft.delete();
    expect(await host.draft.restore()).to.equal(undefined);
  });

  it('saves nothing when the host reads nothing, or keeps nothing on the device', async () => {
    const host = await newHost();
    host.draftValue = undefined;
    host.draft.saveSoon();
    host.enabled = false;
    host.draftValue = { text: 'words' };
    host.draft.saveSoon();
    await sleep(100);
    expect(await rawRecords('drafts')).to.deep.equal([]);
    expect(await host.draft.restore()).to.equal(undefined);
  });

  it('drops a save not yet made when the host leaves the page', async () => {
    const host = await newHost();
    host.draft.saveSoon();
    host.remove();
    await sleep(100);
    expect(await rawRecords('drafts')).to.deep.equal([]);
  });
});
