import { expect, fixture, html } from '@open-wc/testing';
import { apiContext, ContextRequestEvent, type Api } from '../internal/api.js';
import { REFRESH_MARGIN_MS, TokenSource, tokenExpiry } from '../internal/token.js';
import {
  freshStart,
  FAKE,
  fillToCheck,
  find,
  gateway,
  gatewayLog,
  next,
  settle,
  text,
  until,
} from '../test-support/form.js';
import type { SgConcernForm } from '../concern-form/concern-form.js';
import type { SgProvider } from './provider.js';
import './define.js';

/** A JWT-shaped token (unsigned: the fake gateway does not check signatures) expiring in `seconds`. */
const jwt = (name: string, seconds: number) =>
  `e30.${btoa(JSON.stringify({ sub: name, exp: Math.floor(Date.now() / 1000) + seconds })).replace(/=+$/, '')}.sig`;

async function providedForm(setup: (provider: SgProvider) => void = () => undefined) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en">
      <sg-provider endpoint=${FAKE}><sg-concern-form></sg-concern-form></sg-provider>
    </div>`,
  );
  const provider = wrapper.querySelector('sg-provider')!;
  setup(provider);
  const form = wrapper.querySelector('sg-concern-form')! as SgConcernForm;
  await provider.updateComplete;
  await settle(form);
  return { provider, form };
}

beforeEach(freshStart);

describe('<sg-provider>', () => {
  it('is accessible, and draws nothing of its own', async () => {
    const { provider } = await providedForm((p) => (p.token = 't'));
    await expect(provider).to.be.accessible();
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('gives the widgets inside it its endpoint and token', async () => {
    const { form } = await providedForm((p) => (p.token = 'from-the-provider'));
    await fillToCheck(form);
    await next(form);
    await until(() => !!find(form, '[part~="reference"]'));
    const { log } = await gatewayLog();
    expect(log.map((e) => e.token)).to.deep.equal(['from-the-provider']);
  });

  it('lets a widget’s own endpoint and token win', async () => {
    const { form } = await providedForm((p) => {
      p.endpoint = 'http://127.0.0.1:9/graphql';
      p.token = 'provider';
    });
    form.endpoint = FAKE;
    form.token = 'own';
    await fillToCheck(form);
    await next(form);
    await until(() => !!find(form, '[part~="reference"]'));
    expect((await gatewayLog()).log.map((e) => e.token)).to.deep.equal(['own']);
  });

  it('follows a change of endpoint', async () => {
    const { provider, form } = await providedForm((p) => {
      p.endpoint = 'http://127.0.0.1:9/graphql';
      p.token = 't';
    });
    provider.endpoint = FAKE;
    await provider.updateComplete;
    await fillToCheck(form);
    await next(form);
    await until(() => !!find(form, '[part~="reference"]'));
  });

  it('fetches a token with fetchToken when it has none, and again once the gateway refuses it', async () => {
    const fetched: string[] = [];
    // Made once: a token's `exp` is the second it is made in, so one made again can differ.
    const [stale, fresh] = [jwt('stale', 3600), jwt('fresh', 3600)];
    const { form } = await providedForm((p) => {
      p.fetchToken = async () => {
        const token = fetched.length ? fresh : stale;
        fetched.push(token);
        return token;
      };
    });
    await fillToCheck(form);
    // The gateway accepts only the second token: the first is "revoked".
    await gateway('scenario', { tokens: [fresh] });
    await next(form);
    await until(() => !!find(form, '[part~="reference"]'), 5000, 'the reference');
    expect(fetched).to.have.length(2);
    const { log } = await gatewayLog();
    expect(log.map((e) => e.answer.replace(/\d+$/, ''))).to.deep.equal(['UNAUTHENTICATED', 'SG-2026-']);
    expect(log[1]!.token).to.equal(fetched[1]);
    expect(log[0]!.idempotencyKey).to.equal(log[1]!.idempotencyKey);
  });

  it('retries only once: a second refusal is shown to the person', async () => {
    let calls = 0;
    const { form } = await providedForm((p) => (p.fetchToken = () => `refused-${++calls}`));
    await gateway('scenario', { tokens: ['never'] });
    await fillToCheck(form);
    await next(form);
    await until(() => !!find(form, '.error-summary'), 5000, 'the error');
    expect(calls).to.equal(2);
    expect(text(find(form, '.error-summary'))).to.contain('You need to sign in again.');
    expect((await gatewayLog()).log).to.have.length(2);
  });
});

describe('tokens', () => {
  it('reads the expiry from a JWT, and nothing from anything else', () => {
    const exp = Math.floor(Date.now() / 1000) + 90;
    const token = `e30.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.sig`;
    expect(tokenExpiry(token)).to.equal(exp * 1000);
    expect(tokenExpiry('opaque-token')).to.equal(undefined);
    expect(tokenExpiry('a.!!!.c')).to.equal(undefined);
  });

  it('refreshes a little before expiry, and shares one refresh between callers', async () => {
    let calls = 0;
    const source = new TokenSource(undefined, async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return jwt(`t${calls}`, 3600);
    });
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(calls).to.equal(1);
    expect(a).to.equal(b);
    expect(await source.get()).to.equal(a);
    expect(calls).to.equal(1);

    source.token = jwt('soon', (REFRESH_MARGIN_MS - 5000) / 1000);
    const renewed = await source.get();
    expect(calls).to.equal(2);
    expect(renewed).not.to.equal(a);

    const fixed = new TokenSource('fixed');
    expect(await fixed.get()).to.equal('fixed');
    expect(fixed.canRefresh).to.equal(false);
  });

  it('never hands out a token fetched for the person before, even one still on its way', async () => {
    const [first, second] = [jwt('first', 3600), jwt('second', 3600)];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const source = new TokenSource(undefined, async () => {
      await slow;
      return first;
    });
    const askedBefore = source.get();
    // Another person signs in while the first person's token is being fetched.
    source.use(undefined, () => second);
    const askedAfter = source.get();
    release();
    expect(await askedAfter).to.equal(second);
    expect(await askedBefore).to.equal(second);
    expect(source.token).to.equal(second);
  });

  it('applies a new fetchToken at once: a widget made straight after asks with it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<sg-provider><div></div></sg-provider>`);
    const provider = wrapper as unknown as SgProvider;
    provider.fetchToken = () => 'first';
    let got: Api | undefined;
    const ask = () =>
      provider
        .querySelector('div')!
        .dispatchEvent(new ContextRequestEvent(apiContext, (api) => (got = api), false));
    ask();
    expect(await got?.tokens.get()).to.equal('first');
    provider.fetchToken = () => 'second';
    ask(); // in the same turn, before the provider has updated
    expect(await got?.tokens.get()).to.equal('second');
  });

  it('answers the context protocol for widgets that are not Doorstep’s own', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<sg-provider endpoint="/somewhere" token="x"><div></div></sg-provider>`,
    );
    const provider = wrapper as unknown as SgProvider;
    await provider.updateComplete;
    let got: Api | undefined;
    provider
      .querySelector('div')!
      .dispatchEvent(new ContextRequestEvent(apiContext, (api) => (got = api), false));
    expect(got?.endpoint).to.equal('/somewhere');
    expect(await got?.tokens.get()).to.equal('x');
  });

  it('drops the previous person’s token when fetchToken changes', async () => {
    const { provider, form } = await providedForm((p) => (p.fetchToken = () => jwt('first', 3600)));
    const second = jwt('second', 3600);
    await fillToCheck(form);
    await next(form);
    await until(() => !!find(form, '[part~="reference"]'));
    provider.fetchToken = () => second;
    await provider.updateComplete;
    (find(form, '.confirmation button') as HTMLElement).click();
    await settle(form);
    await fillToCheck(form);
    await next(form);
    await until(async () => (await gatewayLog()).log.length === 2);
    expect((await gatewayLog()).log[1]!.token).to.equal(second);
  });
});
