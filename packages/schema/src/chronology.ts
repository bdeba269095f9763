import * as z from 'zod';
import { endNotBeforeStart, isoDate } from './dates.js';
import { CHRONOLOGY_KINDS } from './enums.js';

/** Narrowing a chronology: by kinds of entry, by dates (inclusive), to key (pinned) events. */
export const chronologyFilterSchema = z
  .object({
    kinds: z.optional(z.array(z.enum(CHRONOLOGY_KINDS, { error: 'Select a kind of entry from the list' }))),
    from: z.optional(isoDate()),
    to: z.optional(isoDate()),
    pinnedOnly: z._default(z.boolean(), false),
    newestFirst: z._default(z.boolean(), false),
  })
  .check(endNotBeforeStart());
export type ChronologyFilter = z.input<typeof chronologyFilterSchema>;
export type ChronologyFilterData = z.output<typeof chronologyFilterSchema>;
