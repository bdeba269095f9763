import { createHmac, randomBytes } from 'node:crypto';

/**
 * How deliveries are signed (docs/guide/webhooks.md): `Doorstep-Signature: v1=<hex>` where hex is
 * the HMAC-SHA256, keyed with the endpoint's secret (the whole `whsec_…` string, as UTF-8), of
 * `<Doorstep-Timestamp>.<raw body>`. During a rotation's overlap one `v1=` per valid secret,
 * comma-separated. Receivers verify with `verifyWebhook` (@doorstep/client).
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return secrets
    .map((secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`)
    .join(',');
}

/** A new endpoint secret: 32 random bytes, base64url, with a prefix that says what it is. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
