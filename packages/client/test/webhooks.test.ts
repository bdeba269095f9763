import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/webhooks.js';

/**
 * verifyWebhook against deliveries signed here independently (node:crypto), as the gateway signs
 * them: `v1=` hex HMAC-SHA256 of "<timestamp>.<raw body>" with the secret.
 */
const secret = 'whsec_test-secret-of-the-endpoint';
const body = JSON.stringify({
  id: '7',
  type: 'referral.moved',
  referralId: 'r1',
  status: 'ACCEPTED',
  version: 3,
});
const sign = (key: string, timestamp: number, signed = body) =>
  `v1=${createHmac('sha256', key).update(`${timestamp}.${signed}`).digest('hex')}`;
const now = new Date('2026-12-07T09:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const headers = (signature: string, timestamp = t) => ({
  'doorstep-timestamp': String(timestamp),
  'doorstep-signature': signature,
});

describe('verifyWebhook', () => {
  it('accepts a delivery signed with the secret, from Node headers or fetch Headers, and answers the event', async () => {
    const check = await verifyWebhook(secret, body, headers(sign(secret, t)), { now });
    expect(check).toEqual({ ok: true, event: JSON.parse(body) });
    const fetched = new Headers({ 'Doorstep-Timestamp': String(t), 'Doorstep-Signature': sign(secret, t) });
    expect((await verifyWebhook(secret, body, fetched, { now })).ok).toBe(true);
  });

  it('accepts any v1 of a rotation’s overlap, and refuses when none matches', async () => {
    const both = `${sign('whsec_new', t)},${sign(secret, t)}`;
    expect((await verifyWebhook(secret, body, headers(both), { now })).ok).toBe(true);
    expect((await verifyWebhook('whsec_new', body, headers(both), { now })).ok).toBe(true);
    expect(await verifyWebhook('whsec_other', body, headers(both), { now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a changed body, a moved timestamp, a stale or future one, and missing headers', async () => {
    const signature = sign(secret, t);
    expect(
      (await verifyWebhook(secret, body.replace('ACCEPTED', 'DECLINED'), headers(signature), { now })).ok,
    ).toBe(false);
    expect(await verifyWebhook(secret, body, headers(signature, t + 1), { now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    for (const skew of [-301, 301]) {
      expect(await verifyWebhook(secret, body, headers(sign(secret, t + skew), t + skew), { now })).toEqual({
        ok: false,
        reason: 'stale_timestamp',
      });
    }
    expect((await verifyWebhook(secret, body, headers(sign(secret, t - 300), t - 300), { now })).ok).toBe(
      true,
    );
    expect(await verifyWebhook(secret, body, {}, { now })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(await verifyWebhook(secret, body, headers(signature, Number.NaN), { now })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });
});
