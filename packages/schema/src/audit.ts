import * as z from 'zod';
import { moment } from './dates.js';
import { storable } from './text.js';

/** Optional trimmed text of 1 to `max` characters (functional zod API: see text.ts). */
const optionalId = (max: number) =>
  z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max), storable()));

/** What an auditor may filter the audit trail by. Every filter is optional. */
export const auditFilterSchema = z
  .object({
    actions: z.optional(
      z
        .array(z.enum(['READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS', 'GRANT']))
        .check(z.maxLength(7)),
    ),
    entityType: optionalId(100),
    entityId: z.optional(z.uuid({ error: 'Must be a record id' })),
    actorUserId: z.optional(z.uuid({ error: 'Must be a user id' })),
    requestId: optionalId(100),
    from: z.optional(moment()),
    to: z.optional(moment()),
  })
  .check(
    z.refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'From must be before to', path: ['from'] }),
  );

export type AuditFilter = z.input<typeof auditFilterSchema>;
