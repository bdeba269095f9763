import { DoorstepError, ReferralUpdatedDocument, type ReferralUpdatedSubscription } from '@doorstep/client';
import { connectLive, subscribe } from '@doorstep/client/live';
import { readFile, writeFile } from 'node:fs/promises';
import WebSocket from 'ws';
import type { Config } from './config.js';
import { warn } from './retry.js';

export type ReferralEvent = ReferralUpdatedSubscription['referralUpdated'];

export interface WatchOptions {
  /** Only this referral's events. */
  referralId?: string;
  /** Where the last position seen is kept between runs (and read from at the start). */
  stateFile?: string;
  /** Stop after this many events (for scripts and tests); otherwise until interrupted. */
  count?: number;
  /** Called with each event. */
  onEvent(event: ReferralEvent): Promise<void> | void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// #region watch
/**
 * Watches the agency's referrals live (the `referralUpdated` subscription over a WebSocket), and
 * never misses an event: it remembers the last event id it saw (in memory, and in `stateFile` if
 * given) and, whenever the connection drops, subscribes again `after` it, so the gateway first
 * sends what happened meanwhile. A token that expired is replaced (the token source gives a fresh
 * one on each connection); access that ended (FORBIDDEN) or a refusal stops the watch.
 */
export async function watchReferrals(
  config: Config,
  token: () => Promise<string>,
  options: WatchOptions,
): Promise<void> {
  let after = options.stateFile
    ? (await readFile(options.stateFile, 'utf8').catch(() => '')).trim() || undefined
    : undefined;
  let seen = 0;
  const client = connectLive({
    url: `${config.baseUrl.replace(/^http/, 'ws')}/graphql`,
    token,
    webSocketImpl: WebSocket,
    retryAttempts: 0, // reconnecting is done below, from the last position seen
  });
  try {
    for (let attempt = 1; ; attempt++) {
      const ended = await new Promise<DoorstepError | undefined>((resolve) => {
        let chain = Promise.resolve();
        const stop = subscribe(
          client,
          ReferralUpdatedDocument,
          { referralId: options.referralId ?? null, after: after ?? null },
          {
            next: ({ referralUpdated: event }) => {
              // One at a time, in order: the position is saved before the next event is handled.
              chain = chain.then(async () => {
                await options.onEvent(event);
                after = event.id;
                if (options.stateFile) await writeFile(options.stateFile, `${after}\n`);
                attempt = 0;
                if (options.count !== undefined && ++seen >= options.count) {
                  stop();
                  resolve(undefined);
                }
              });
            },
            error: (error) => void chain.then(() => resolve(error)),
            complete: () => void chain.then(() => resolve(undefined)),
          },
        );
      });
      if (!ended) return;
      if (ended.code === 'UNAUTHENTICATED' && attempt <= 1) continue; // the token expired: a fresh one
      if (!ended.retryable || attempt >= config.attempts) throw ended;
      const wait = 500 * 2 ** (attempt - 1);
      warn(
        `The connection to Doorstep dropped (${ended.code}); resuming after event ${after ?? '(none)'} in ${wait / 1000} s`,
      );
      await sleep(wait);
    }
  } finally {
    await client.dispose();
  }
}
// #endregion watch
