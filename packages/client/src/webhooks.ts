/**
 * Checking a signed webhook from Doorstep (docs/guide/webhooks.md). Each delivery carries
 * `Doorstep-Event-Id`, `Doorstep-Timestamp` (unix seconds) and `Doorstep-Signature: v1=<hex>`
 * (one `v1=` per valid secret while a secret is being rotated, comma-separated), where hex is the
 * HMAC-SHA256, keyed with the endpoint's secret, of `<timestamp>.<raw body>`. Web Crypto only, so it
 * runs in Node 20+, Deno, Bun and workers alike.
 */

/** The body of a delivery: ids and states only; read the referral itself through the API. */
export interface WebhookEvent {
  /** The event's position, also in `Doorstep-Event-Id`: drop an event whose id you have seen. */
  id: string;
  type: 'referral.sent' | 'referral.moved' | 'referral.message';
  occurredAt: string;
  referralId: string;
  status: string;
  version: number;
  senderOrganisationId: string;
  recipientOrganisationId: string;
}

export type WebhookCheck =
  | { ok: true; event: WebhookEvent }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' | 'bad_body' };

/** The three headers, by name (any case), from a Node `IncomingHttpHeaders` or a fetch `Headers`. */
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Compares without stopping at the first difference, so timing says nothing about the signature. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

// #region verify
/**
 * Checks a delivery: its signature over the raw body as received (before any JSON parsing), and a
 * timestamp within `toleranceSeconds` (5 minutes by default) of now, so a recorded delivery cannot
 * be replayed later. Resolves with the event, or why it was refused.
 */
export async function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: HeaderSource,
  options: { toleranceSeconds?: number; now?: Date } = {},
): Promise<WebhookCheck> {
  const timestamp = header(headers, 'doorstep-timestamp');
  const signature = header(headers, 'doorstep-signature');
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing_headers' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${rawBody}`)));
  const offered = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (!offered.some((candidate) => sameText(candidate, expected)))
    return { ok: false, reason: 'bad_signature' };
  try {
    return { ok: true, event: JSON.parse(rawBody) as WebhookEvent };
  } catch {
    return { ok: false, reason: 'bad_body' };
  }
}
// #endregion verify
