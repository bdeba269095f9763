import { DoorstepError } from '@doorstep/client';
import type { Config } from './config.js';

export const warn = (line: string) => process.stderr.write(line + '\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send` again, waiting 0.5 s, 1 s, 2 s…, while Doorstep may not have received it. */
export async function withRetry<T>(config: Config, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof DoorstepError) || !error.retryable || attempt >= config.attempts) throw error;
      const wait = 500 * 2 ** (attempt - 1);
      warn(`Could not reach Doorstep (${error.code}); trying again in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}
