import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { BadUserInputError } from '../../errors.js';

/**
 * Where webhooks may be sent. In production: `https://` only, and never to a private, loopback,
 * link-local or otherwise internal address (a webhook must not become a way to reach the
 * gateway's own network: server-side request forgery), checked when the endpoint is added and
 * again on every delivery, at connection time, after DNS (so a name that later resolves inward is
 * refused too). Outside production `http://` is also allowed to this computer (localhost,
 * 127.0.0.1, [::1]), for development and tests.
 */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv6');
}

/** An address of a private, loopback, link-local, multicast or reserved network. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isInternalAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL = 2_000;

const refuse = (message: string, code = 'invalid_url') =>
  new BadUserInputError([{ field: 'url', code, message }]);

/**
 * The endpoint address, checked and normalised, or BAD_USER_INPUT on `url`. `publicOnly` (production) refuses
 * http and internal addresses (resolving the name once now; each delivery checks again).
 */
export async function checkWebhookUrl(raw: unknown, publicOnly: boolean): Promise<string> {
  if (typeof raw !== 'string' || !raw.trim())
    throw refuse('Enter the https address to send events to', 'required');
  const text = raw.trim();
  if (text.length > MAX_URL) throw refuse(`At most ${MAX_URL} characters`, 'too_big');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('Not a web address: it should look like https://hooks.example.org/doorstep');
  }
  if (url.username || url.password) throw refuse('Leave the user name and password out of the address');
  if (url.hash) throw refuse('Leave the #fragment out of the address');
  const local = LOCAL_NAMES.has(url.hostname.toLowerCase());
  if (url.protocol === 'http:') {
    if (publicOnly || !local) {
      throw refuse(
        publicOnly
          ? 'Must be an https:// address'
          : 'Must be an https:// address (http:// only to localhost, outside production)',
        'https_required',
      );
    }
  } else if (url.protocol !== 'https:') {
    throw refuse('Must be an https:// address', 'https_required');
  }
  if (publicOnly) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [host]
      : await dns.lookup(host, { all: true }).then(
          (found) => found.map((a) => a.address),
          () => {
            throw refuse('No such host: its name could not be found', 'unknown_host');
          },
        );
    if (local || addresses.some(isInternalAddress)) {
      throw refuse('Must be a public address, not one on a private or internal network', 'internal_address');
    }
  }
  return url.toString();
}

/** A delivery refused because its address (or what its name resolved to) is internal. */
export class InternalAddressError extends Error {
  readonly code = 'REFUSED_ADDRESS';
}

/**
 * `dns.lookup` for deliveries in production: the same answer, refused if any address is internal.
 * Node calls it when connecting, so the address checked is the address connected to.
 */
export function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, found) => {
    if (error) return callback(error, []);
    if (found.some((a) => isInternalAddress(a.address))) {
      return callback(new InternalAddressError(hostname), []);
    }
    if (options.all) return callback(null, found);
    callback(null, found[0]!.address, found[0]!.family);
  });
}
