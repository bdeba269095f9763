import { config } from 'zod';

/**
 * Zod compiles object parsers with `new Function` unless told not to, and probes for it when a
 * schema is built. Under a Content-Security-Policy without `'unsafe-eval'` (the gateway's, and any
 * careful portal's) that probe is reported as a violation even though zod recovers. This module is
 * imported before `@doorstep/schema` so the probe never runs: validation stays interpreted, which is
 * fast enough for one form.
 */
config({ jitless: true });
