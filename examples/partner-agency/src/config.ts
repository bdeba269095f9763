/** What the program is told by its environment. The defaults work against `npm start`'s demo. */
export interface Config {
  /** The gateway's address, e.g. `https://doorstep.example.org`. */
  baseUrl: string;
  /** The API key Doorstep issued to the agency (`pnpm admin api-key:create`). Production. */
  apiKey: string | undefined;
  /** The Doorstep user (an agency officer) whose access the system uses, with the API key. */
  userEmail: string | undefined;
  /** Without an API key, development only: the demo user whose token the gateway's /dev/token gives. */
  demoUserId: string;
  pageSize: number;
  /** The referral to read in full; the newest if not given. */
  referralId: string | undefined;
  /** How many times to try a request the gateway may not have received. */
  attempts: number;
  /** `receive`: the webhook endpoint's secret (`whsec_…`), shown once when it was added. */
  webhookSecret: string | undefined;
  /** `receive`: the port the webhook receiver listens on (on 127.0.0.1; put TLS in front of it). */
  webhookPort: number;
}

/** Dee Patel, the demo agency's social worker (Northshire Adult Social Care). */
const DEMO_AGENCY_OFFICER = '00000000-0000-4000-8000-000000000301';

const whole = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
};

export function readConfig(): Config {
  const env = process.env;
  const apiKey = env.DOORSTEP_API_KEY || undefined;
  const userEmail = env.DOORSTEP_USER_EMAIL || undefined;
  if (apiKey && !userEmail) {
    throw new Error('DOORSTEP_USER_EMAIL is required with DOORSTEP_API_KEY: the officer the system acts as');
  }
  return {
    baseUrl: (env.DOORSTEP_URL || 'http://localhost:4000').replace(/\/+$/, ''),
    apiKey,
    userEmail,
    demoUserId: env.DOORSTEP_DEMO_USER || DEMO_AGENCY_OFFICER,
    pageSize: whole('PAGE_SIZE', 20, 1, 100),
    referralId: env.REFERRAL_ID || undefined,
    attempts: whole('DOORSTEP_ATTEMPTS', 4, 1, 10),
    webhookSecret: env.WEBHOOK_SECRET || undefined,
    webhookPort: whole('WEBHOOK_PORT', 4100, 1, 65535),
  };
}
