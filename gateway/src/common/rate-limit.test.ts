import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './rate-limit.js';

describe('AddressLimiter', () => {
  it('lets an address send its limit at once, then one more each time a share of the window passes', () => {
    const limiter = new AddressLimiter({ max: 6, windowSeconds: 60 });
    const t = 1_000_000;
    for (let i = 0; i < 6; i++) expect(limiter.take('192.0.2.1', t)).toBeUndefined();
    expect(limiter.take('192.0.2.1', t)).toBe(10);
    expect(limiter.take('192.0.2.1', t + 9_000)).toBe(1);
    expect(limiter.take('192.0.2.1', t + 10_000)).toBeUndefined();
    expect(limiter.take('192.0.2.1', t + 10_000)).toBe(10);
    // Another address has its own count; a long pause fills a bucket up to the limit, no further.
    expect(limiter.take('192.0.2.2', t)).toBeUndefined();
    for (let i = 0; i < 6; i++) expect(limiter.take('192.0.2.1', t + 3_600_000)).toBeUndefined();
    expect(limiter.take('192.0.2.1', t + 3_600_000)).toBe(10);
  });

  it('forgets the least recently seen addresses beyond its size', () => {
    const limiter = new AddressLimiter({ max: 1, windowSeconds: 60 }, 2);
    const t = 1_000_000;
    expect(limiter.take('a', t)).toBeUndefined();
    expect(limiter.take('b', t)).toBeUndefined();
    expect(limiter.take('a', t)).toBe(60);
    expect(limiter.take('c', t)).toBeUndefined(); // b, least recently seen, is forgotten
    expect(limiter.take('a', t)).toBe(60);
    expect(limiter.take('b', t)).toBeUndefined();
  });
});
